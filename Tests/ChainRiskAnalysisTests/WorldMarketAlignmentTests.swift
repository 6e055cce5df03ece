import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("World-market alignment across years, vintages and levels")
struct WorldMarketAlignmentTests {
    func importRow(_ code: String, year: Int) throws -> ImportConcentration {
        let flows = [
            TradeFlow(
                year: year, reporter: .netherlands, partner: CountryCode(verbatim: "DEU"),
                product: ProductCode(code, in: .hs2017), flow: .imports, value: 90, unit: .usd),
            TradeFlow(
                year: year, reporter: .netherlands, partner: CountryCode(verbatim: "CHN"),
                product: ProductCode(code, in: .hs2017), flow: .imports, value: 10, unit: .usd),
        ]
        return try #require(ConcentrationAnalysis().rows(for: flows).first)
    }

    func worldRows(_ code: String, year: Int, values: [String: Double]) -> [ImportConcentration] {
        let flows = values.keys.sorted().map { exporter in
            TradeFlow(
                year: year, reporter: CountryCode(verbatim: exporter), partner: .world,
                product: ProductCode(code, in: .hs), flow: .exports, value: values[exporter], unit: .usd)
        }
        return WorldMarketCheck().worldMarketRows(flows: flows)
    }

    @Test("an HS6 import matches its HS4 world row of an earlier year, reported as approximate with the reasons")
    func parentAndYear() throws {
        let world = worldRows("9403", year: 2017, values: ["DEU": 30, "CHN": 30, "ITA": 20, "POL": 20])
        let results = WorldMarketCheck().aligned(imports: [try importRow("940340", year: 2022)], world: world)
        let result = try #require(results.first ?? nil)
        // 0.3² + 0.3² + 0.2² + 0.2² = 0.26: highly concentrated under the letter's bands, so few alternatives.
        #expect(abs((result.worldHHI ?? 0) - 0.26) < 1e-12)
        #expect(result.verdict == .few)
        #expect(result.quality == .approximate)
        #expect(result.note.contains("world data at 9403"))
        #expect(result.note.contains("world data of 2017"))
    }

    @Test("the same year is preferred; a product without any world row gets nil")
    func sameYearAndMissing() throws {
        let world =
            worldRows("4401", year: 2021, values: ["USA": 50, "LVA": 50])
            + worldRows("4401", year: 2022, values: ["USA": 25, "LVA": 25, "EST": 25, "RUS": 25])
        let results = WorldMarketCheck().aligned(
            imports: [try importRow("4401", year: 2022), try importRow("2709", year: 2022)], world: world)
        #expect(results.count == 2)
        #expect(results[0]?.worldHHI == 0.25)
        #expect(results[1] == nil)
    }
}
