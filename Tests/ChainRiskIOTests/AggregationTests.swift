import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import Testing

@Suite("Aggregation with concordances")
struct AggregationTests {
    /// The shipped nld11 files were derived by summing the full table over wiod2013_2011_nld11_region_map.csv
    /// (SOURCES.md); aggregating the full long table with that map must give the same Z, Y and x. Both sum the same
    /// integers, so the tolerance only covers summation order.
    @Test func fullTableWithTheRegionMapReproducesTheShippedNld11Files() throws {
        let full = try IOTestData.fullTable().table
        let map = try ConcordanceFileReader.read(
            InputFile(path: IOTestData.wiod + "/wiod2013_2011_nld11_region_map.csv"), knownCodes: Set(full.regions))
        #expect(map.groups.count == 11)
        let aggregated = try full.aggregated(regions: map)
        let shipped = try IOTestData.nld11Table().table
        #expect(aggregated.sectorCount == 385)
        #expect(Set(aggregated.sectors) == Set(shipped.sectors))
        #expect(
            aggregated.regions == [
                "ASIAPAC_OTH", "EU_OTH", "BEL", "ROW", "CHN", "DEU", "FRA", "GBR", "NLD", "RUS", "USA",
            ], "groups in the map's order")
        let row = Dictionary(uniqueKeysWithValues: aggregated.sectors.enumerated().map { ($1, $0) })
        var largestDifference = 0.0
        for (i, label) in shipped.sectors.enumerated() {
            let ai = try #require(row[label])
            largestDifference = max(largestDifference, abs(aggregated.grossOutput[ai] - shipped.grossOutput[i]))
            for (j, other) in shipped.sectors.enumerated() {
                let aj = try #require(row[other])
                largestDifference = max(
                    largestDifference, abs(aggregated.intermediate[ai, aj] - shipped.intermediate[i, j]))
            }
        }
        #expect(largestDifference < 1e-6)
        let column = Dictionary(uniqueKeysWithValues: aggregated.finalDemandColumns.enumerated().map { ($1, $0) })
        #expect(aggregated.finalDemandColumns.count == 55)
        var largestDemandDifference = 0.0
        for (k, label) in shipped.finalDemandColumns.enumerated() {
            let ak = try #require(column[label])
            for (i, sector) in shipped.sectors.enumerated() {
                largestDemandDifference = max(
                    largestDemandDifference,
                    abs(aggregated.finalDemand[try #require(row[sector]), ak] - shipped.finalDemand[i, k]))
            }
        }
        #expect(largestDemandDifference < 1e-6)
    }

    /// pymrio's concordance files: tab-separated, no header. reg1–reg2 → supreg1, reg3–reg6 → supreg2 (two files
    /// merged here) and the sectors into sector1–3: 2 × 3 sectors, totals unchanged.
    @Test func pymrioConcordancesMergeRegionsAndSectors() throws {
        let table = try PymrioCrossCheckTests.loaded().table
        let folder = IOTestData.sharedData + "/pymrio_testmrio/concordance"
        let sectorPairs = try ["sector1", "sector2", "sector3"].flatMap { name in
            try Self.pairs(
                ConcordanceFileReader.read(
                    InputFile(path: "\(folder)/\(name).txt"), knownCodes: Set(table.sectors.map(\.sector))))
        }
        let regionPairs = try ["supreg1", "supreg2"].flatMap { name in
            try Self.pairs(
                ConcordanceFileReader.read(InputFile(path: "\(folder)/\(name).txt"), knownCodes: Set(table.regions)))
        }
        let aggregated = try table.aggregated(
            regions: IOConcordance(pairs: regionPairs.filter { $0.group != "None" }),
            sectors: IOConcordance(pairs: sectorPairs.filter { $0.group != "None" }))
        #expect(
            aggregated.sectors.map(\.combined) == [
                "supreg1_sector1", "supreg1_sector2", "supreg1_sector3", "supreg2_sector1", "supreg2_sector2",
                "supreg2_sector3",
            ])
        #expect(IOTestData.close(aggregated.grossOutput.reduce(0, +), table.grossOutput.reduce(0, +), relative: 1e-12))
        #expect(
            IOTestData.close(
                aggregated.intermediate.values.reduce(0, +), table.intermediate.values.reduce(0, +), relative: 1e-12))
        #expect(aggregated.finalDemandColumns.count == 14)
    }

    @Test func regionMissingFromTheConcordanceIsAnError() throws {
        let table = try MillerBlairTests.table()
        #expect(throws: IOError.missingFromConcordance("", kind: "region")) {
            _ = try table.aggregated(regions: IOConcordance(pairs: [(code: "NLD", group: "EU")]))
        }
    }

    @Test func conflictingConcordanceLinesNameTheLine() throws {
        let path = try IOTestData.temporaryFile("map.csv", "code,group\nNLD,EU\nDEU,EU\nNLD,ROW\n")
        #expect {
            _ = try ConcordanceFileReader.read(InputFile(path: path), knownCodes: ["NLD", "DEU"])
        } throws: { error in
            (error as? InputError)?.location == SourceLocation(file: path, line: 4, column: 5)
        }
    }

    private static func pairs(_ concordance: IOConcordance) -> [(code: String, group: String)] {
        concordance.codes.compactMap { code in concordance.group(of: code).map { (code: code, group: $0) } }
    }
}
