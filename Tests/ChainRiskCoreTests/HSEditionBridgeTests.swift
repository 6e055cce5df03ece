import Foundation
import Testing

@testable import ChainRiskCore

/// Expected values are printed by `python3 scripts/expected/hs_bridge_expected.py`, which reads the source
/// concordance (`concordance_insongkim/hs6_hs5.csv`) and the Comtrade extract independently of the bundled files.
@Suite("HS edition bridge")
struct HSEditionBridgeTests {
    let bridge = HSEditionBridge.shared
    static let cent = 0.005

    // MARK: The table

    @Test func bundledTableCounts() {
        let table = bridge.correspondence
        #expect(table.source == .hs2017 && table.target == .hs2022)
        #expect(table.pairCount == 5_613)
        #expect(table.sourceCodes.count == 5_362)
        #expect(table.targetCodes.count == 5_613)
        // One-to-many HS 2017 → HS 2022: 122 codes; the source names one HS 2017 code per HS 2022 code, so none n:1.
        #expect(table.sourceCodes.filter { table.targets(of: $0).count > 1 }.count == 122)
        #expect(table.targetCodes.filter { table.sources(of: $0).count > 1 }.isEmpty)
        #expect(table.targets(of: "290339").count == 13)
        #expect(bridge.unmatchedHS2017.count == 26)
        #expect(bridge.unmatchedHS2017.first == "251830" && bridge.unmatchedHS2017.last == "911490")
        #expect(table.targetCodes.allSatisfy(ClassificationHierarchy.hs2022.contains))
    }

    @Test func mappingsOfSubheadingsHeadingsAndChapters() {
        #expect(bridge.mapping(of: "440140", from: .hs2017, to: .hs2022) == .split(["440141", "440149"]))
        #expect(bridge.mapping(of: "440141", from: .hs2022, to: .hs2017) == .code("440140"))
        #expect(bridge.mergedWith("440141", from: .hs2022, to: .hs2017) == ["440149"])
        #expect(bridge.mapping(of: "040310", from: .hs2017, to: .hs2022) == .code("040320"))
        #expect(bridge.mapping(of: "440111", from: .hs2017, to: .hs2022) == .code("440111"))
        // 4401's subheadings changed inside the heading: comparable at 4 digits, and chapter 44 as a whole.
        #expect(bridge.mapping(of: "4401", from: .hs2017, to: .hs2022) == .code("4401"))
        #expect(bridge.mapping(of: "44", from: .hs2022, to: .hs2017) == .code("44"))
        // Cadmium left 8107 for 8112: neither heading is the same product in both editions.
        #expect(
            bridge.mapping(of: "8107", from: .hs2017, to: .hs2022)
                == .notComparable(reasons: ["810720→811269", "810730→811261", "810790 not in the table"]))
        #expect(
            bridge.mapping(of: "8112", from: .hs2022, to: .hs2017)
                == .notComparable(reasons: ["810720→811269", "810730→811261"]))
        // 490510 (globes) is missing from the table, so chapter 49 is not compared across editions.
        #expect(
            bridge.mapping(of: "49", from: .hs2017, to: .hs2022) == .notComparable(reasons: ["490510 not in the table"])
        )
        #expect(bridge.mapping(of: "620112", from: .hs2017, to: .hs2022) == .unknown)
        #expect(bridge.mapping(of: "7700", from: .hs2017, to: .hs2022) == .unknown)
        #expect(bridge.mapping(of: "44011", from: .hs2017, to: .hs2022) == .unknown)
        #expect(bridge.mapping(of: "TOTAL", from: .hs2017, to: .hs2022) == .code("TOTAL"))
        #expect(bridge.mapping(of: "440140", from: .hs2017, to: .hs2017) == .code("440140"))
    }

    @Test func editionsFromComtradeCodes() {
        #expect(HSEditionBridge.Edition(Classification(token: "H5") ?? .hs) == .hs2017)
        #expect(HSEditionBridge.Edition(Classification(token: "H6") ?? .hs) == .hs2022)
        #expect(HSEditionBridge.Edition(.hs) == nil)
        #expect(HSEditionBridge.Edition(.hs1992) == nil)
        #expect(HSEditionBridge.Edition(.sitc4) == nil)
    }

    // MARK: Splits (2018 rows of heading 4401 standing in for HS 2017 440140)

    @Test(.enabled(if: SharedData.isAvailable)) func equalSharesPreserveTotalsToTheCent() throws {
        let flows = try Self.standIn440140()
        #expect(flows.count == 27)
        let result = bridge.convert(flows, to: .hs2022)
        #expect(result.flows.count == 54)
        let totals = Self.totals(result.flows)
        try Self.expect(
            totals, ProductCode("440141", in: .hs2022), flows: 27, value: 1_879_064_007.953,
            quantity: 16_148_860_090.7375)
        try Self.expect(
            totals, ProductCode("440149", in: .hs2022), flows: 27, value: 1_879_064_007.953,
            quantity: 16_148_860_090.7375)
        #expect(abs(Self.sum(result.flows.map { $0.value ?? 0 }) - 3_758_128_015.906) < Self.cent)
        #expect(abs(Self.sum(result.flows.map { $0.quantity ?? 0 }) - 32_297_720_181.475) < Self.cent)
        // Austria 2018: 288,806,084.289 USD, 3,296,546,333.349 kg, halved.
        #expect(result.flows[0].reporter.rawValue == "AUT")
        #expect(abs((result.flows[0].value ?? 0) - 144_403_042.1445) < 1e-6)
        #expect(abs((result.flows[1].quantity ?? 0) - 1_648_273_166.6745) < 1e-6)
        #expect(result.findings.counts == [.splitCode: 1])
        let split = try #require(result.splits.first)
        #expect(split.code == "440140" && split.targets == ["440141", "440149"] && split.shares == [0.5, 0.5])
        #expect(split.rule == .equalShares && split.reason == "no weights given" && split.flows == 27)
        #expect(
            result.findings.examples.first?.message
                == "HS2017 440140 (27 flows) split over HS2022 440141 50%, 440149 50% by equal shares (no weights given)"
        )
    }

    @Test(.enabled(if: SharedData.isAvailable)) func weightedSplit() throws {
        let result = bridge.convert(
            try Self.standIn440140(), to: .hs2022, weights: ["440141": 1, "440149": 3, "999999": 7])
        let totals = Self.totals(result.flows)
        try Self.expect(
            totals, ProductCode("440141", in: .hs2022), flows: 27, value: 939_532_003.9765,
            quantity: 8_074_430_045.36875)
        try Self.expect(
            totals, ProductCode("440149", in: .hs2022), flows: 27, value: 2_818_596_011.9295,
            quantity: 24_223_290_136.10625)
        #expect(abs((result.flows[0].value ?? 0) - 72_201_521.07225) < 1e-6)
        #expect(abs((result.flows[1].value ?? 0) - 216_604_563.21674997) < 1e-6)
        #expect(result.splits.first?.rule == .weights && result.splits.first?.shares == [0.25, 0.75])
        #expect(
            result.findings.examples.first?.message.hasSuffix("440141 25%, 440149 75% by world-trade weights") == true)
    }

    @Test(.enabled(if: SharedData.isAvailable)) func roundTripRestoresTheTotals() throws {
        let forward = bridge.convert(try Self.standIn440140(), to: .hs2022, weights: ["440141": 1, "440149": 3])
        let back = bridge.convert(forward.flows, to: .hs2017)
        let totals = Self.totals(back.flows)
        #expect(totals.count == 1)
        try Self.expect(
            totals, ProductCode("440140", in: .hs2017), flows: 54, value: 3_758_128_015.906,
            quantity: 32_297_720_181.475)
        #expect(back.splits.isEmpty)
        #expect(back.findings.counts == [.mappedCode: 2])
        #expect(
            back.findings.examples.map(\.message) == [
                "HS2022 440141 (27 flows) → HS2017 440140; together with HS2022 440149",
                "HS2022 440149 (27 flows) → HS2017 440140; together with HS2022 440141",
            ])
    }

    @Test func ruleForMissingOrZeroWeights() {
        let targets = ["440141", "440149"]
        #expect(HSEditionBridge.shares(of: targets, weights: ["440141": 5]).reason == "no weight for 440149")
        #expect(
            HSEditionBridge.shares(of: targets, weights: ["440141": 0, "440149": 0]).reason == "the weights sum to zero"
        )
        #expect(HSEditionBridge.shares(of: targets, weights: ["440141": -1, "440149": 2]).rule == .equalShares)
        #expect(HSEditionBridge.shares(of: targets, weights: ["440141": .nan, "440149": 2]).rule == .equalShares)
        let zero = HSEditionBridge.shares(of: targets, weights: ["440141": 0, "440149": 2])
        #expect(zero.rule == .weights && zero.shares == [0, 1])
        let three = HSEditionBridge.shares(of: ["1", "2", "3"], weights: [:])
        #expect(three.shares.allSatisfy { abs($0 - 1.0 / 3) < 1e-15 })
    }

    // MARK: The real Comtrade extract (EU27 imports from the world, H5 2018-2021, H6 2022)

    @Test(.enabled(if: SharedData.isAvailable)) func realExtractToHS2022() throws {
        let flows = try Self.eu27WorldImports()
        #expect(flows.count == 5_004)
        let result = bridge.convert(flows, to: .hs2022)
        #expect(result.flows.count == 5_004)
        #expect(abs(Self.sum(result.flows.map { $0.value ?? 0 }) - 969_725_754_789.195) < Self.cent)
        let totals = Self.totals(result.flows)
        // Everything but chapter 49 is comparable: the wood headings at 4 digits, the pulp and furniture subheadings.
        #expect(totals.keys.filter { $0.classification != .hs2022 } == [ProductCode("49", in: .hs2017)])
        try Self.expect(totals, ProductCode("49", in: .hs2017), flows: 108, value: 51_075_495_313.872, quantity: 0)
        try Self.expect(totals, ProductCode("49", in: .hs2022), flows: 27, value: 13_190_897_424.385, quantity: 0)
        try Self.expect(
            totals, ProductCode("4401", in: .hs2022), flows: 135, value: 21_351_397_024.984,
            quantity: 139_452_254_762.595)
        try Self.expect(
            totals, ProductCode("470693", in: .hs2022), flows: 101, value: 429_472_002.567, quantity: 138_237_142.113)
        #expect(result.findings.counts == [.unconvertedCode: 1])
        #expect(
            result.findings.examples.first?.message
                == "HS2017 49 (108 flows) kept in HS2017: the chapter differs between the editions (490510 not in the table)"
        )
    }

    @Test(.enabled(if: SharedData.isAvailable)) func realExtractToHS2017() throws {
        let result = bridge.convert(try Self.eu27WorldImports(), to: .hs2017)
        let totals = Self.totals(result.flows)
        #expect(totals.keys.filter { $0.classification != .hs2017 } == [ProductCode("49", in: .hs2022)])
        try Self.expect(
            totals, ProductCode("940390", in: .hs2017), flows: 26, value: 2_702_417_289.648, quantity: 1_183_431_594.034
        )
        try Self.expect(
            totals, ProductCode("4401", in: .hs2017), flows: 135, value: 21_351_397_024.984,
            quantity: 139_452_254_762.595)
        #expect(result.findings.counts == [.mappedCode: 1, .unconvertedCode: 1])
        #expect(
            result.findings.examples.contains {
                $0.message == "HS2022 940391 (26 flows) → HS2017 940390; together with HS2022 940399"
            })
    }

    @Test(.enabled(if: SharedData.isAvailable)) func weightsFromTheData() throws {
        let weights = HSEditionBridge.weights(from: try Self.eu27WorldImports(), in: .hs2022)
        #expect(weights.count == 10)
        #expect(abs((weights["940391"] ?? 0) - 2_702_417_289.648) < Self.cent)
        #expect(abs((weights["940360"] ?? 0) - 10_425_768_154.952) < Self.cent)
        // HS 2017 940390 splits into 940391 and 940399; the extract has no 940399, so the shares stay equal.
        let flow = Self.flow("940390", in: .hs2017, value: 100, quantity: nil)
        let result = bridge.convert([flow], to: .hs2022, weights: weights)
        #expect(result.flows.map(\.value) == [50, 50])
        #expect(result.flows.map(\.quantity) == [nil, nil])
        #expect(result.splits.first?.reason == "no weight for 940399")
    }

    // MARK: Codes the bridge does not convert

    @Test func unknownCodesAndOtherClassificationsPassUnchanged() {
        let flows = [
            Self.flow("620112", in: .hs2017, value: 10, quantity: 2),
            Self.flow("8107", in: .hs2017, value: 20, quantity: nil),
            Self.flow("33300", in: .sitc4, value: 30, quantity: nil),
            Self.flow("440140", in: .hs, value: 40, quantity: nil),
            Self.flow("440140", in: .hs1992, value: 50, quantity: nil),
            Self.flow("440141", in: .hs2022, value: 60, quantity: nil),
            Self.flow("TOTAL", in: .hs2017, value: 70, quantity: nil),
        ]
        let result = bridge.convert(flows, to: .hs2022)
        #expect(
            result.flows.map(\.product) == Array(flows.map(\.product).dropLast()) + [ProductCode("TOTAL", in: .hs2022)])
        #expect(result.flows.map(\.value) == flows.map(\.value))
        #expect(result.findings.counts == [.unknownCode: 1, .unconvertedCode: 4])
        #expect(
            result.findings.examples.map(\.message) == [
                "HS2017 620112 (1 flow) kept in HS2017: an HS2017 subheading the HS2017→HS2022 table lacks (merged into another subheading in HS2022)",
                "HS2017 8107 (1 flow) kept in HS2017: the heading differs between the editions (810720→811269, 810730→811261, 810790 not in the table)",
                "HS without a vintage (1 flow) kept as it is: the HS edition bridge converts HS2017 and HS2022 only",
                "HS1992 (1 flow) kept as it is: the HS edition bridge converts HS2017 and HS2022 only",
                "SITC4 (1 flow) kept as it is: the HS edition bridge converts HS2017 and HS2022 only",
            ])
    }

    @Test func suppressedValuesStaySuppressedInEveryPart() {
        var flow = Self.flow("440140", in: .hs2017, value: nil, quantity: 9)
        flow.status = .suppressed
        let result = bridge.convert([flow], to: .hs2022)
        #expect(result.flows.map(\.value) == [nil, nil])
        #expect(result.flows.map(\.status) == [.suppressed, .suppressed])
        #expect(result.flows.map(\.quantity) == [4.5, 4.5])
    }

    @Test func reverseIntoAHeadingWithUnplacedSubheadingsIsMarkedApproximate() {
        let result = bridge.convert([Self.flow("620130", in: .hs2022, value: 1, quantity: nil)], to: .hs2017)
        #expect(result.flows.first?.product == ProductCode("620192", in: .hs2017))
        #expect(
            result.findings.examples.map(\.message) == [
                "HS2022 620130 (1 flow) → HS2017 620192; approximate: HS2017 heading 6201 also has 620112, 620113, 620119, 620191, which the table places nowhere"
            ])
    }

    @Test func aCorruptUnmatchedListIsATypedError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrisk-hs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("source,target\n440140,440141\n440140,440149\n".utf8).write(
            to: folder.appendingPathComponent("hs2017_hs2022.csv"))
        try Data("source\n251830\n440140\n".utf8).write(
            to: folder.appendingPathComponent("hs2017_hs2022_unmatched.csv"))
        let error = #expect(throws: ReferenceDataError.self) { try HSEditionBridge(directory: folder) }
        #expect(error?.code == .badValue && error?.line == 3)
        try Data("source\n251830\n".utf8).write(to: folder.appendingPathComponent("hs2017_hs2022_unmatched.csv"))
        let small = try HSEditionBridge(directory: folder)
        #expect(
            small.mapping(of: "25", from: .hs2017, to: .hs2022) == .notComparable(reasons: ["251830 not in the table"]))
    }

    // MARK: Helpers

    static func flow(_ code: String, in classification: Classification, value: Double?, quantity: Double?) -> TradeFlow
    {
        TradeFlow(
            year: 2021, reporter: .netherlands, partner: .world, product: ProductCode(code, in: classification),
            flow: .imports, value: value, unit: .usd, quantity: quantity, quantityUnit: quantity == nil ? nil : "kg")
    }

    /// The 5,004 rows of the Comtrade extract: primary value in USD, `qty` as quantity, H5/H6 as HS 2017/2022.
    static func eu27WorldImports() throws -> [TradeFlow] {
        let table = try SharedData.table("comtrade_comtradr/eu27_imports_from_world_full_api_columns_2018_2022.csv")
        let column = try table.columns(
            "ref_year", "reporter_iso", "classification_code", "cmd_code", "primary_value", "qty")
        return try table.records.map { record in
            let field = { (index: Int) in record.fields[column[index]] }
            let value: Double = try #require(Double(field(4)))
            return TradeFlow(
                year: try #require(Int(field(0))), reporter: try #require(CountryCode(rawValue: field(1))),
                partner: .world,
                product: ProductCode(field(3), in: try #require(Classification(token: field(2)))), flow: .imports,
                value: value, unit: .usd, quantity: Double(field(5)))
        }
    }

    /// The 2018 rows of heading 4401 relabelled HS 2017 440140, which the extracts have at 4 digits only.
    static func standIn440140() throws -> [TradeFlow] {
        try eu27WorldImports().filter { $0.year == 2018 && $0.product.code == "4401" }.map { flow in
            var copy = flow
            copy.product = ProductCode("440140", in: .hs2017)
            return copy
        }
    }

    static func sum(_ values: [Double]) -> Double {
        var sum = CompensatedSum()
        for value in values { sum.add(value) }
        return sum.value
    }

    static func totals(_ flows: [TradeFlow]) -> [ProductCode: (flows: Int, value: Double, quantity: Double)] {
        Dictionary(grouping: flows, by: \.product).mapValues { group in
            (group.count, sum(group.map { $0.value ?? 0 }), sum(group.map { $0.quantity ?? 0 }))
        }
    }

    static func expect(
        _ totals: [ProductCode: (flows: Int, value: Double, quantity: Double)], _ product: ProductCode,
        flows: Int, value: Double, quantity: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let total = try #require(totals[product], "no flows of \(product)", sourceLocation: sourceLocation)
        #expect(total.flows == flows, "\(product) flows", sourceLocation: sourceLocation)
        #expect(abs(total.value - value) < cent, "\(product) value \(total.value)", sourceLocation: sourceLocation)
        #expect(
            abs(total.quantity - quantity) < cent, "\(product) quantity \(total.quantity)",
            sourceLocation: sourceLocation)
    }
}
