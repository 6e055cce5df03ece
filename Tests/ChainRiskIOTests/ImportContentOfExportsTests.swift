import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import Testing

@Suite("Import content of exports by origin")
struct ImportContentOfExportsTests {
    /// Two regions NL (reporter) and XX, sectors a and b, every gross output 100. Rows sell, columns buy:
    ///
    ///           NL_a NL_b XX_a XX_b | NL_fd XX_fd
    ///     NL_a    10   20   15    5 |    30    20
    ///     NL_b     0   10   10   20 |    30    30
    ///     XX_a    20   10   10   10 |     0    50
    ///     XX_b    10   30   10   10 |     0    40
    ///
    /// Exports: e_a = 15 + 5 + 20 = 40, e_b = 10 + 20 + 30 = 60.
    /// A(XX,NL) column sums: a 0.2 + 0.1 = 0.3, b 0.1 + 0.3 = 0.4. A(NL,NL) = [[0.1, 0.2], [0, 0.1]], so
    /// (I − A(NL,NL))ᵀ w = (0.3, 0.4) gives w_a = 0.3 / 0.9 = 1/3 and w_b = (0.4 + 0.2 · 1/3) / 0.9 = 14/27.
    /// IC(XX, a) = 40/3, IC(XX, b) = 60 · 14/27 = 280/9; total 400/9 of exports 100.
    static func twoRegionTable(originBuysFromReporter: Bool = true) throws -> InputOutputTable {
        let label = { (region: String, sector: String) in IOSectorLabel(region: region, sector: sector) }
        let flows: [[Double]] =
            originBuysFromReporter
            ? [[10, 20, 15, 5], [0, 10, 10, 20], [20, 10, 10, 10], [10, 30, 10, 10]]
            : [[10, 20, 0, 0], [0, 10, 0, 0], [20, 10, 10, 10], [10, 30, 10, 10]]
        let demand: [[Double]] =
            originBuysFromReporter
            ? [[30, 20], [30, 30], [0, 50], [0, 40]]
            : [[30, 40], [30, 60], [0, 50], [0, 40]]
        return try InputOutputTable(
            sectors: [label("NL", "a"), label("NL", "b"), label("XX", "a"), label("XX", "b")],
            intermediate: Matrix(rowArrays: flows), finalDemand: Matrix(rowArrays: demand),
            finalDemandColumns: [
                FinalDemandLabel(region: "NL", category: "fd"), FinalDemandLabel(region: "XX", category: "fd"),
            ],
            grossOutput: [100, 100, 100, 100], unit: "EUR")
    }

    @Test func handComputedTwoRegionExample() throws {
        let content = try ImportContentOfExports(table: Self.twoRegionTable(), reporter: "NL")
        #expect(content.origins == ["XX"])
        #expect(content.exportSectors.map(\.sector) == ["a", "b"])
        #expect(content.exports == [40, 60])
        #expect(OriginTestData.close(content.embodied[0, 0], 40.0 / 3, relative: 1e-14))
        #expect(OriginTestData.close(content.embodied[0, 1], 280.0 / 9, relative: 1e-14))
        let categories = ExportCategories(
            categories: [ExportCategory(id: "all", nameEN: "All", nameNL: "Alles")],
            categoryOfSector: ["a": "all", "b": "all"])
        let grouping = OriginGrouping(
            groups: [OriginGroup(id: "abroad", nameEN: "Abroad", nameNL: "Buitenland")], groupOfRegion: ["XX": "abroad"]
        )
        let table = OriginTable(content: content, grouping: grouping, categories: categories)
        #expect(table.rows.count == 1)
        #expect(OriginTestData.close(table.rows[0].value, 400.0 / 9, relative: 1e-14))
        #expect(table.rows[0].share == 1)
        #expect(OriginTestData.close(table.total.ratio, 4.0 / 9, relative: 1e-14))
        #expect(table.notes.isEmpty)
    }

    /// When the origin buys nothing from the reporter, L(XX,NL) = L_XX · A(XX,NL) · L_NL and v̂_XXᵀ · L_XX = 1ᵀ (XX's
    /// inputs all come from XX), so foreign value added equals import content: 40/3 and 280/9 (exports unchanged).
    @Test func foreignValueAddedEqualsImportContentWithoutFeedback() throws {
        let table = try Self.twoRegionTable(originBuysFromReporter: false)
        let value = try ImportContentOfExports(table: table, reporter: "NL", measure: .foreignValueAdded)
        #expect(value.exports == [40, 60])
        #expect(OriginTestData.close(value.embodied[0, 0], 40.0 / 3, relative: 1e-13))
        #expect(OriginTestData.close(value.embodied[0, 1], 280.0 / 9, relative: 1e-13))
        let content = try ImportContentOfExports(table: table, reporter: "NL")
        #expect(OriginTestData.close(content.embodied[0, 1], 280.0 / 9, relative: 1e-14))
    }

    /// XX's sector a uses 1.2 units of inputs per unit of output: the table is not productive, so the import content
    /// of NL's exports (which `io validate` and the multipliers refuse to compute) is refused here too.
    @Test func tableThatIsNotProductiveIsRefused() throws {
        let table = try Self.twoRegionTable()
        var flows = table.intermediate
        flows[2, 2] = 105
        let heavy = try InputOutputTable(
            sectors: table.sectors, intermediate: flows, finalDemand: table.finalDemand,
            finalDemandColumns: table.finalDemandColumns, grossOutput: table.grossOutput, unit: "EUR")
        #expect(throws: IOError.self) { _ = try ImportContentOfExports(table: heavy, reporter: "NL") }
        let error = #expect(throws: IOError.self) {
            _ = try ImportContentOfExports(table: heavy, reporter: "NL", measure: .foreignValueAdded)
        }
        guard case .notProductive(let radius, _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(radius >= 1)
    }

    /// Each cell a valid double, their sum not: the table itself is refused, naming the largest cell.
    @Test func cellsSummingPastTheLargestDoubleAreRefused() throws {
        let table = try Self.twoRegionTable()
        var flows = table.intermediate
        flows[0, 1] = 1e308
        flows[3, 2] = 1e308
        let error = #expect(throws: IOError.self) {
            _ = try InputOutputTable(
                sectors: table.sectors, intermediate: flows, finalDemand: table.finalDemand,
                finalDemandColumns: table.finalDemandColumns, grossOutput: table.grossOutput, unit: "EUR")
        }
        guard case .outOfRange(let message)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(message.contains("intermediate flow from NL_a to NL_b is 1e+308"), "\(message)")
    }

    @Test func unknownReporterNamesTheRegions() throws {
        #expect(throws: IOError.unknownRegion("DE", known: ["NL", "XX"])) {
            _ = try ImportContentOfExports(table: Self.twoRegionTable(), reporter: "DE")
        }
    }

    @Test func singleRegionTableHasNoOrigins() throws {
        let table = try InputOutputTable(
            sectors: [IOSectorLabel(region: "", sector: "a")], intermediate: Matrix(rowArrays: [[10]]),
            finalDemand: Matrix(rowArrays: [[90]]), finalDemandColumns: [FinalDemandLabel(region: "", category: "fd")],
            grossOutput: [100], unit: "EUR")
        #expect(throws: IOError.self) { _ = try ImportContentOfExports(table: table, reporter: "") }
    }

    /// Every (sector, origin region) of NLD in the nld11 table against numpy (scripts/expected/origins_expected.py).
    @Test(arguments: [OriginMeasure.importContent, .foreignValueAdded])
    func nld11SectorsMatchNumpy(measure: OriginMeasure) throws {
        try compareSectors(table: OriginTestData.nld11(), expected: "origins_nld11_sectors.csv", measure: measure)
    }

    /// The nld11 Table 3 (categories × origin groups, built-in groupings) against numpy, shares summing to 1.
    @Test(arguments: [OriginMeasure.importContent, .foreignValueAdded])
    func nld11CategoriesMatchNumpy(measure: OriginMeasure) throws {
        try compareCategories(table: OriginTestData.nld11(), expected: "origins_nld11_categories.csv", measure: measure)
    }

    /// The full 1,435-sector table, read from WIOD's long CSV files.
    @Test(arguments: [OriginMeasure.importContent, .foreignValueAdded])
    func fullTableMatchesNumpy(measure: OriginMeasure) throws {
        let table = try OriginTestData.full()
        try compareSectors(table: table, expected: "origins_full_sectors.csv", measure: measure)
        try compareCategories(table: table, expected: "origins_full_categories.csv", measure: measure)
    }

    /// Σ over origins of the import content = 1ᵀ · A(¬r,r) · (I − A(r,r))⁻¹ · eᵣ, the vertical-specialisation total,
    /// here through a separate LeontiefModel of the domestic block; numpy gives 212,501.9155 (million USD).
    @Test func importContentSumsToVerticalSpecialisation() throws {
        let table = try OriginTestData.nld11()
        let content = try ImportContentOfExports(table: table, reporter: "NLD")
        let reporter = table.indices(ofRegion: "NLD")
        let foreign = table.sectors.indices.filter { table.sectors[$0].region != "NLD" }
        let coefficients = table.technicalCoefficients()
        let domestic = try LeontiefModel(coefficients: coefficients.submatrix(rows: reporter, columns: reporter))
        let perUnit = domestic.rowSolve(coefficients.submatrix(rows: foreign, columns: reporter).columnSums())
        let vertical = zip(perUnit, content.exports).reduce(0) { $0 + $1.0 * $1.1 }
        let total = content.totalPerSector.reduce(0, +)
        #expect(OriginTestData.close(total, vertical, relative: 1e-12))
        #expect(OriginTestData.close(total, 212_501.915_498_133_7, relative: 1e-9))
        #expect(content.exports.reduce(0, +) == 534_997)
    }

    private func compareSectors(table: InputOutputTable, expected name: String, measure: OriginMeasure) throws {
        let content = try ImportContentOfExports(table: table, reporter: "NLD", measure: measure)
        let expected = try OriginTestData.rows(name)
        #expect(expected.count == content.origins.count * content.exportSectors.count)
        let sectorIndex = Dictionary(uniqueKeysWithValues: content.exportSectors.enumerated().map { ($1.sector, $0) })
        let originIndex = Dictionary(uniqueKeysWithValues: content.origins.enumerated().map { ($1, $0) })
        for row in expected {
            let j = try #require(sectorIndex[row["sector"] ?? ""], "\(row)")
            let k = try #require(originIndex[row["origin"] ?? ""], "\(row)")
            #expect(OriginTestData.close(content.exports[j], OriginTestData.number(row, "exports")), "\(row)")
            let value = OriginTestData.number(row, measure.key)
            #expect(
                OriginTestData.close(content.embodied[k, j], value),
                "\(name) \(row["sector"] ?? "") \(row["origin"] ?? ""): \(content.embodied[k, j]) vs \(value)")
        }
    }

    private func compareCategories(table: InputOutputTable, expected name: String, measure: OriginMeasure) throws {
        let (grouping, categories) = try OriginTestData.bundledGrouping()
        let origins = OriginTable(
            content: try ImportContentOfExports(table: table, reporter: "NLD", measure: measure), grouping: grouping,
            categories: categories)
        let expected = try OriginTestData.rows(name)
        #expect(origins.groups.map(\.group.id) == ["eu", "rest_of_europe", "us", "china", "russia", "rest_of_world"])
        #expect(origins.categories.count == 9)
        #expect(expected.count == (origins.categories.count + 1) * origins.groups.count)
        for row in origins.categories + [origins.total] {
            #expect(
                abs(row.shares.reduce(0, +) - 1) < 1e-12, "\(row.category.id) shares sum to \(row.shares.reduce(0, +))")
            for (g, column) in origins.groups.enumerated() {
                let match = try #require(
                    expected.first { $0["category"] == row.category.id && $0["group"] == column.group.id })
                #expect(OriginTestData.close(row.exports, OriginTestData.number(match, "exports")))
                #expect(
                    OriginTestData.close(row.byGroup[g], OriginTestData.number(match, measure.key)),
                    "\(row.category.id) \(column.group.id)")
                #expect(
                    OriginTestData.close(row.shares[g], OriginTestData.number(match, measure.key + "_share")),
                    "\(row.category.id) \(column.group.id) share")
            }
        }
    }
}
