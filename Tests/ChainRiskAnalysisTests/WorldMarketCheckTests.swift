import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("World market check: alternatives on the world market, across classifications")
struct WorldMarketCheckTests {
    typealias Data = AnalysisTestData
    let check = WorldMarketCheck()

    func worldFlow(
        _ exporter: String, _ value: Double?, partner: String = "W00", product: String = "100590",
        in classification: Classification = .hs2022
    ) -> TradeFlow {
        Data.flow(partner, value, product: product, in: classification, reporter: exporter, kind: .exports)
    }

    @Test("world rows from exporter totals: USA 30, BRA 25, ARG 20, UKR 15, FRA 10 → HHI 0.225, somewhat, limited")
    func worldRows() throws {
        let flows = [
            worldFlow("USA", 30), worldFlow("BRA", 25), worldFlow("ARG", 20), worldFlow("UKR", 15),
            worldFlow("FRA", 10),
        ]
        let row = try #require(check.worldMarketRows(flows: flows).first)
        #expect(row.reporter == .world)
        #expect(row.flow == .exports)
        #expect(row.suppliers == 5)
        #expect(Data.close(row.hhi, 0.225))
        #expect(row.topSupplier == Data.code("USA"))
        #expect(check.verdict(worldHHI: 0.225) == .limited)
        #expect(row.extraEUShare == nil)
    }

    @Test(
        "an exporter's W00 total wins over its bilateral rows; bilateral-only exporters are summed; areas n.e.s. unallocated"
    )
    func bilateral() throws {
        let flows = [
            worldFlow("USA", 30), worldFlow("USA", 20, partner: "MEX"), worldFlow("CHN", 5, partner: "JPN"),
            worldFlow("CHN", 5, partner: "KOR"), worldFlow("_X", 7),
            Data.flow("USA", 99, reporter: "CHN", kind: .imports),
        ]
        let row = try #require(check.worldMarketRows(flows: flows).first)
        // USA 30, CHN 10 → 0.75² + 0.25² = 0.625; imports are not world exports.
        #expect(row.suppliers == 2)
        #expect(row.hhi == 0.625)
        #expect(row.unallocatedValue == 7)
        #expect(row.totalValue == 47)
    }

    @Test("verdicts: tokens, English and Dutch labels; one-edge presets give 'few' when concentrated")
    func verdicts() {
        #expect(WorldMarketCheck.Verdict.allCases.map(\.rawValue) == ["alternatives_available", "limited", "few"])
        #expect(check.verdict(worldHHI: 0.1) == .alternativesAvailable)
        #expect(check.verdict(worldHHI: 0.25) == .few)
        #expect(WorldMarketCheck.Verdict.few.nameNL == "weinig alternatieven")
        #expect(WorldMarketCheck.Verdict.alternativesAvailable.nameEN == "alternative suppliers available")
        let eu = WorldMarketCheck(thresholds: .euDependency)
        #expect(eu.verdict(worldHHI: 0.5) == .few)
        #expect(eu.verdict(worldHHI: 0.4) == .alternativesAvailable)
    }

    @Test("check: NLD maize imports UKR 80 / FRA 20 (HHI 0.68) against a somewhat concentrated world market")
    func checkRows() throws {
        let imports = ConcentrationAnalysis().rows(for: [
            Data.flow("UKR", 80), Data.flow("FRA", 20), Data.flow("DEU", 5, product: "270112"),
        ])
        let world = check.worldMarketRows(flows: [
            worldFlow("USA", 30), worldFlow("BRA", 25), worldFlow("ARG", 20), worldFlow("UKR", 15),
            worldFlow("FRA", 10),
        ])
        let results = check.check(imports: imports, world: world)
        #expect(results.map(\.product.code) == ["100590", "270112"])
        let maize = results[0]
        #expect(Data.close(maize.importHHI, 0.68))
        #expect(maize.importClass == .highlyConcentrated)
        #expect(maize.worldClass == .somewhatConcentrated)
        #expect(maize.verdict == .limited)
        #expect(maize.worldExporters == 5)
        #expect(maize.quality == .exact)
        #expect(maize.note == "world exports HHI 0.225: limited alternatives")
        let coal = results[1]
        #expect(coal.verdict == nil)
        #expect(coal.quality == .unmapped)
        #expect(coal.note == "no world-export data for this product")
    }

    @Test("SITC reporter, HS world data: HS 100510 and 100590 summed into SITC 044 (04410, 04490), exact")
    func sitcReporter() throws {
        // hs2022_sitc4.csv: 100510 → 04410, 100590 → 04490, one target each.
        let mapping = WorldExportMapping(
            flows: [
                worldFlow("USA", 10, product: "100510"), worldFlow("USA", 20), worldFlow("BRA", 30),
                worldFlow("ARG", 40),
            ], through: .hs2022ToSITC4)
        #expect(mapping.qualities.map(\.product.code) == ["04410", "04490"])
        let world = check.worldMarketRows(flows: mapping.flows, level: 3)
        let imports = ConcentrationAnalysis().rows(for: [
            Data.flow("UKR", 60, product: "044", in: .sitc4), Data.flow("FRA", 40, product: "044", in: .sitc4),
        ])
        let result = try #require(check.check(imports: imports, world: world, mapping: mapping).first)
        // World SITC 044: USA 30, BRA 30, ARG 40 → 0.09 + 0.09 + 0.16 = 0.34.
        #expect(Data.close(result.worldHHI, 0.34))
        #expect(result.verdict == .few)
        #expect(result.quality == .exact)
    }

    @Test(
        "mapping: a code missing from the table is split over its heading's targets and approximate; unmapped kept apart"
    )
    func approximateMapping() throws {
        // 100580 is not in HS 2022: it borrows 1005's targets 04410 and 04490, half its value each.
        let mapping = WorldExportMapping(
            flows: [
                worldFlow("USA", 10, product: "100510"), worldFlow("USA", 10, product: "100580"),
                worldFlow("USA", 3, product: "770000"), worldFlow("USA", 4, product: "044", in: .sitc4),
                worldFlow("USA", 6, product: "100590", in: .hs2017),
            ], through: .hs2022ToSITC4)
        #expect(mapping.flows.map(\.product.code) == ["04410", "04410", "04490", "04490"])
        #expect(mapping.flows.map(\.value) == [10, 5, 5, 6])
        let seed = try #require(mapping.qualities.first)
        #expect(seed.quality == .approximate)
        #expect(Data.close(seed.splitShare, 1.0 / 3))
        #expect(seed.sourceCodes == 2)
        #expect(mapping.unmapped.map(\.description) == ["HS2022:770000", "SITC4:044"])
        #expect(mapping.unmappedValue == 7)
        #expect(mapping.quality(of: ProductCode("044", in: .sitc4)) == .approximate)
        #expect(mapping.quality(of: ProductCode("045", in: .sitc4)) == .unmapped)
        #expect(mapping.quality(of: Data.hs("1005")) == .unmapped)
    }

    @Test("reversed: a SITC value is split equally over the HS codes that map into it")
    func reversedMapping() {
        let table = Correspondence(
            source: .hs2022, target: .sitc4,
            pairs: [
                ("100510", "04410"), ("100590", "04490"), ("100599", "04490"),
            ])
        let mapping = WorldExportMapping(
            flows: [
                worldFlow("USA", 30, product: "04490", in: .sitc4), worldFlow("BRA", 8, product: "04410", in: .sitc4),
            ], through: table, reversed: true)
        #expect(mapping.source == .sitc4 && mapping.target == .hs2022)
        #expect(
            mapping.flows.map { "\($0.product.code) \($0.value ?? -1)" } == [
                "100590 15.0", "100599 15.0", "100510 8.0",
            ])
        #expect(mapping.qualities.map(\.splitShare) == [0, 1, 1])
        #expect(mapping.qualities.allSatisfy { $0.quality == .exact })
    }

    @Test("the letter's Table 5 selection: highly concentrated and above EUR 250 mln, largest first")
    func letterSelection() {
        let flows =
            [
                Data.flow("DEU", 300, product: "270112", unit: .millionEUR),
                Data.flow("DEU", 250, product: "100590", unit: .millionEUR),
                Data.flow("RUS", 900, product: "271111", unit: .millionEUR),
                Data.flow("DEU", 1000, product: "880240", unit: .usd),
            ] + ["DEU", "FRA", "BEL", "POL", "CHN"].map { Data.flow($0, 100, product: "870323", unit: .millionEUR) }
        let selected = WorldMarketCheck.letterSelection(ConcentrationAnalysis().rows(for: flows))
        #expect(selected.map(\.product.code) == ["271111", "270112"])
    }
}
