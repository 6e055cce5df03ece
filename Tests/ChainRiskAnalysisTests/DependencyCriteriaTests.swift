import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Dependency criteria: European Commission 2021 and CEPII GeoDep")
struct DependencyCriteriaTests {
    typealias Data = AnalysisTestData
    let criteria = DependencyCriteria()

    /// NLD imports: CHN 70, USA 10 (extra-EU), DEU 20 (EU).
    func importRow(reporter: String = "NLD", year: Int = 2020) throws -> ImportConcentration {
        let flows = [
            Data.flow("CHN", 70, reporter: reporter, year: year), Data.flow("USA", 10, reporter: reporter, year: year),
            Data.flow("DEU", 20, reporter: reporter, year: year),
        ]
        return try #require(ConcentrationAnalysis().rows(for: flows).first)
    }

    @Test("EC 2021: extra-EU HHI 0.78125 > 0.4, extra-EU share 0.8 > 0.5, 80 / 50 = 1.6 > 1 → dependent")
    func ecDependent() throws {
        let result = try #require(criteria.ec2021(try importRow(), exports: 50))
        // Extra-EU: CHN 70 and USA 10 of 80 → (7/8)² + (1/8)² = 0.78125.
        #expect(Data.close(result.concentration.value, 0.78125))
        #expect(result.concentration.isMet)
        #expect(result.concentration.explanation == "extra-EU import HHI 0.781 > 0.4")
        #expect(Data.close(result.extraEUShare.value, 0.8))
        #expect(Data.close(result.extraEUImports, 80))
        #expect(Data.close(result.importExportRatio?.value, 1.6))
        #expect(result.isDependent)
        #expect(result.basis == .allThreeCriteria)
        #expect(result.note == "dependent (EC 2021: all three criteria)")
    }

    @Test("EC 2021: exports of 100 make the ratio 0.8, not dependent; without export data two criteria decide")
    func ecExports() throws {
        let row = try importRow()
        let covered = try #require(criteria.ec2021(row, exports: 100))
        #expect(!covered.isDependent)
        #expect(covered.importExportRatio?.explanation == "extra-EU imports / exports 0.800 ≤ 1")
        let unknown = try #require(criteria.ec2021(row, exports: nil))
        #expect(unknown.isDependent)
        #expect(unknown.importExportRatio == nil)
        #expect(unknown.basis == .withoutExportData)
        #expect(unknown.note.contains("no export data"))
        // No exports at all: ratio undefined, met.
        let none = try #require(criteria.ec2021(row, exports: 0))
        #expect(none.importExportRatio?.value == nil)
        #expect(none.importExportRatio?.isMet == true)
        #expect(none.isDependent)
    }

    @Test("EC 2021 edges: a share of exactly 50 % is not met; only EU suppliers; reporters outside the EU get nil")
    func ecEdges() throws {
        let half = try #require(ConcentrationAnalysis().rows(for: [Data.flow("CHN", 50), Data.flow("DEU", 50)]).first)
        let halfResult = try #require(criteria.ec2021(half, exports: nil))
        #expect(halfResult.extraEUShare.value == 0.5)
        #expect(!halfResult.extraEUShare.isMet)
        #expect(!halfResult.isDependent)
        let inside = try #require(
            ConcentrationAnalysis().rows(for: [Data.flow("DEU", 50), Data.flow("FRA", 50)]).first)
        let insideResult = try #require(criteria.ec2021(inside, exports: nil))
        #expect(insideResult.concentration.value == nil)
        #expect(insideResult.concentration.explanation == "extra-EU import HHI: no extra-EU supplier")
        #expect(criteria.ec2021(try importRow(reporter: "USA"), exports: nil) == nil)
    }

    @Test("EC 2021 over rows: exports joined on reporter, year, product and unit; their total includes unallocated")
    func ecRows() throws {
        let imports = ConcentrationAnalysis().rows(for: [
            Data.flow("CHN", 70), Data.flow("USA", 10), Data.flow("DEU", 20),
            Data.flow("CHN", 100, product: "847130"),
        ])
        let exports = ConcentrationAnalysis().rows(for: [
            Data.flow("DEU", 30, kind: .exports), Data.flow("_X", 20, kind: .exports),
        ])
        let results = criteria.ec2021(imports: imports, exports: exports)
        #expect(results.map(\.product.code) == ["100590", "847130"])
        #expect(results[0].exports == 50)
        #expect(results[0].isDependent)
        #expect(results[1].exports == nil)
        #expect(results[1].basis == .withoutExportData)
    }

    func observation(_ year: Int, flagged: Bool, world: Double? = 0.5, exports: Double? = 10)
        -> DependencyCriteria.GeoDepObservation
    {
        DependencyCriteria.GeoDepObservation(
            year: year, importHHI: flagged ? 0.6 : 0.3, worldExportHHI: world, imports: 100, exports: exports
        )
    }

    @Test("GeoDep: flagged 2017 and 2019 is persistent (2 of 2017–2019); 2017 and 2020 is not")
    func geoDepPersistence() {
        let product = Data.hs("281820")
        let persistent = criteria.geoDep(
            reporter: .netherlands, product: product,
            observations: [
                observation(2019, flagged: true), observation(2017, flagged: true), observation(2018, flagged: false),
                observation(2020, flagged: false),
            ])
        #expect(persistent.years.map(\.year) == [2017, 2018, 2019, 2020])
        #expect(persistent.flaggedYears == [2017, 2019])
        #expect(persistent.isPersistent)
        #expect(persistent.persistentYears == [2017, 2019])
        #expect(persistent.rule == "flagged in at least 2 of 3 consecutive years")
        let apart = criteria.geoDep(
            reporter: .netherlands, product: product,
            observations: [
                observation(2017, flagged: true), observation(2020, flagged: true),
            ])
        #expect(apart.flaggedYears == [2017, 2020])
        #expect(!apart.isPersistent)
        #expect(apart.persistentYears.isEmpty)
        // 2021 has no data (not flagged): 2019 and 2020 already make 2 of 2019–2021.
        let recent = criteria.geoDep(
            reporter: .netherlands, product: product,
            observations: [
                observation(2019, flagged: true), observation(2020, flagged: true),
            ])
        #expect(recent.isPersistent)
        #expect(recent.persistentYears == [2019, 2020])
    }

    @Test("GeoDep per year: each test strict; missing world data → incomplete, not flagged; no exports → ratio met")
    func geoDepYears() throws {
        let result = criteria.geoDep(
            reporter: .netherlands, product: Data.hs("281820"),
            observations: [
                observation(2018, flagged: true, world: nil),
                observation(2019, flagged: true, world: 0.4),
                observation(2020, flagged: true, exports: 0),
                observation(2021, flagged: true, exports: 100),
            ])
        let years = result.years
        #expect(!years[0].isComplete && !years[0].isFlagged)
        #expect(years[0].worldConcentration.explanation == "world export HHI: no world-export data")
        #expect(!years[1].isFlagged, "0.4 is not above 0.4")
        #expect(years[2].isFlagged && years[2].importExportRatio.value == nil)
        #expect(!years[3].isFlagged && years[3].importExportRatio.value == 1)
        #expect(!result.isPersistent)
    }

    @Test("GeoDep over rows: import rows, world-market rows and export rows joined by year and product")
    func geoDepRows() throws {
        var imports: [TradeFlow] = []
        var world: [TradeFlow] = []
        for year in [2019, 2020] {
            imports += [Data.flow("CHN", 90, year: year), Data.flow("DEU", 10, year: year)]
            world += [
                Data.flow("W00", 80, reporter: "CHN", year: year, kind: .exports),
                Data.flow("W00", 20, reporter: "USA", year: year, kind: .exports),
            ]
        }
        let exports = [Data.flow("DEU", 5, year: 2019, kind: .exports)]
        let results = criteria.geoDep(
            imports: ConcentrationAnalysis().rows(for: imports),
            world: WorldMarketCheck().worldMarketRows(flows: world),
            exports: ConcentrationAnalysis().rows(for: exports)
        )
        let result = try #require(results.first)
        #expect(results.count == 1)
        // Import HHI 0.81 + 0.01 = 0.82; world HHI 0.64 + 0.04 = 0.68; 2019 ratio 100 / 5 = 20; 2020 no export row.
        #expect(Data.close(result.years[0].importConcentration.value, 0.82))
        #expect(Data.close(result.years[0].worldConcentration.value, 0.68))
        #expect(result.years[0].importExportRatio.value == 20)
        #expect(result.flaggedYears == [2019])
        #expect(!result.years[1].isComplete)
        #expect(!result.isPersistent)
    }
}
