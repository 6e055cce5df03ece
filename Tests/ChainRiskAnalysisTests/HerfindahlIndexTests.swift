import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Herfindahl index and concentration bands")
struct HerfindahlIndexTests {
    @Test("the letter's worked examples: one country 1, two equal 0.5, 50/35/15 % 0.395")
    func letterExamples() throws {
        #expect(HerfindahlIndex.of(values: [42]) == 1)
        #expect(HerfindahlIndex.of(values: [3, 3]) == 0.5)
        let mixed = try #require(HerfindahlIndex.of(values: [50, 35, 15]))
        #expect(abs(mixed - 0.395) < 1e-12)
        #expect(abs(HerfindahlIndex.of(shares: [0.5, 0.35, 0.15]) - 0.395) < 1e-12)
        #expect(HerfindahlIndex.of(values: []) == nil)
        #expect(HerfindahlIndex.of(values: [0, 0]) == nil)
    }

    @Test(
        "letter bands: [0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1] highly",
        arguments: [
            (0.0, ConcentrationClass.notConcentrated), (0.1499999, .notConcentrated), (0.15, .somewhatConcentrated),
            (0.2499999, .somewhatConcentrated), (0.25, .highlyConcentrated), (1.0, .highlyConcentrated),
        ])
    func letterBands(hhi: Double, expected: ConcentrationClass) {
        #expect(ConcentrationThresholds.letter.classify(hhi) == expected)
    }

    @Test("other presets and custom bands")
    func presets() throws {
        #expect(ConcentrationThresholds.us2023.classify(0.18) == .somewhatConcentrated)
        #expect(ConcentrationThresholds.us2023.classify(0.1801) == .highlyConcentrated)
        #expect(ConcentrationThresholds.eu2004.classify(0.2) == .highlyConcentrated)
        #expect(ConcentrationThresholds.euDependency.classify(0.4) == .notConcentrated)
        #expect(ConcentrationThresholds.euDependency.classify(0.41) == .concentrated)
        let custom = try #require(ConcentrationThresholds.named("0.2,0.3"))
        #expect(custom.classify(0.25) == .somewhatConcentrated)
        // Edges in either order mean the same bands; equal edges leave "somewhat" empty; 0 and above 1 are refused.
        #expect(ConcentrationThresholds.named("0.3,0.2")?.classify(0.25) == .somewhatConcentrated)
        let equal = try #require(ConcentrationThresholds.named("0.2,0.2"))
        #expect(equal.classify(0.2) == .highlyConcentrated && equal.classify(0.19) == .notConcentrated)
        #expect(ConcentrationThresholds.named("0,0.2") == nil && ConcentrationThresholds.named("0.2,1.5") == nil)
        #expect(ConcentrationThresholds.named("abc") == nil)
        #expect(
            ConcentrationThresholds.letter.rule == "[0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1] highly concentrated"
        )
        #expect(
            ConcentrationThresholds.us2023.rule == "[0, 0.1) not, [0.1, 0.18] somewhat, (0.18, 1] highly concentrated")
    }

    @Test("values whose squares overflow give the same index as their scaled-down shares: one supplier of 1e200 is 1")
    func hugeValues() throws {
        #expect(HerfindahlIndex.of(values: [1e200]) == 1)
        #expect(HerfindahlIndex.of(values: [1e300, 1e300]) == 0.5)
        // 50/35/15 % at any scale: 0.395 (the letter's example).
        let scaled = try #require(HerfindahlIndex.of(values: [50e250, 35e250, 15e250]))
        #expect(abs(scaled - 0.395) < 1e-15)
        #expect(HerfindahlIndex.of(values: [Double.greatestFiniteMagnitude, 1]) == 1)
    }

    @Test("the letter's published classes follow the bands except the two rounding cases at a band edge")
    func publishedClasses() throws {
        // Table 4 as published (HHI rounded to two decimals, class as printed).
        let published: [(String, Double, ConcentrationClass)] = [
            ("Crude petroleum", 0.13, .notConcentrated), ("Passenger cars", 0.20, .somewhatConcentrated),
            ("Natural gas", 0.37, .highlyConcentrated), ("Data processing machines", 0.25, .somewhatConcentrated),
            ("Telecom equipment", 0.15, .notConcentrated), ("Car parts", 0.19, .somewhatConcentrated),
            ("Refined petroleum", 0.09, .notConcentrated), ("Machinery n.e.s.", 0.28, .highlyConcentrated),
            ("Aircraft", 0.83, .highlyConcentrated), ("Electrical machinery n.e.s.", 0.14, .notConcentrated),
        ]
        let disagreeing = published.filter { ConcentrationThresholds.letter.classify($0.1) != $0.2 }.map(\.0)
        #expect(disagreeing == ["Data processing machines", "Telecom equipment"])
    }
}
