import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Drill-down: finer products more concentrated than their parent")
struct ConcentrationDrillTests {
    typealias Data = AnalysisTestData

    /// Chapter 44 of one reporter: 440111 DEU 50 / FRA 50, 440121 DEU 100, 440122 FRA 100, 440290 CHN 100.
    var flows: [TradeFlow] {
        [
            Data.flow("DEU", 50, product: "440111"), Data.flow("FRA", 50, product: "440111"),
            Data.flow("DEU", 100, product: "440121"), Data.flow("FRA", 100, product: "440122"),
            Data.flow("CHN", 100, product: "440290"),
        ]
    }

    @Test("rows at levels 2, 4 and 6 from the same flows")
    func rows() {
        let rows = ConcentrationDrill.rows(for: flows, levels: [6, 2, 4])
        #expect(rows.map(\.product.code) == ["44", "4401", "440111", "440121", "440122", "4402", "440290"])
    }

    @Test("chapter 44 (HHI 0.34375) hides heading 4401 (0.5), 4402 (1) and every subheading")
    func chapter() throws {
        let entries = ConcentrationDrill().entries(for: ConcentrationDrill.rows(for: flows, levels: [2, 4, 6]))
        #expect(entries.map(\.product.code) == ["44", "4401"])
        let chapter = entries[0]
        // 44: DEU 150, FRA 150, CHN 100 of 400 → 0.375² + 0.375² + 0.25² = 0.34375.
        #expect(Data.close(chapter.hhi, 0.34375))
        #expect(chapter.finerProducts == 6)
        #expect(chapter.children.map(\.product.code) == ["4401", "4402", "440111", "440121", "440122", "440290"])
        #expect(Data.close(chapter.children[0].difference, 0.15625))
        #expect(Data.close(chapter.children[1].difference, 0.65625))
        // Four children tie at +0.65625: the lower level wins.
        #expect(chapter.largestIncrease?.product.code == "4402")
        // 4401: DEU 150, FRA 150 → 0.5; 440111 has the same 0.5 and is not listed (not higher).
        let heading = entries[1]
        #expect(heading.hhi == 0.5)
        #expect(heading.finerProducts == 3)
        #expect(heading.children.map(\.product.code) == ["440121", "440122"])
        #expect(heading.children.map(\.difference) == [0.5, 0.5])
        #expect(Data.close(heading.children[0].valueShare, 1.0 / 3))
        #expect(heading.children[0].concentrationClass == .highlyConcentrated)
    }

    @Test("reporters and years are never mixed; a single child with the parent's suppliers is not listed")
    func groups() {
        let flows = [
            Data.flow("DEU", 50, product: "440111"), Data.flow("FRA", 50, product: "440111"),
            Data.flow("DEU", 10, product: "440121", reporter: "BEL"),
            Data.flow("DEU", 10, product: "440121", year: 2021),
        ]
        let entries = ConcentrationDrill().entries(for: ConcentrationDrill.rows(for: flows, levels: [4, 6]))
        #expect(entries.isEmpty)
    }

    @Test("TOTAL is the parent of every code")
    func total() throws {
        let flows = [
            Data.flow("DEU", 50, product: "TOTAL"), Data.flow("FRA", 50, product: "TOTAL"),
            Data.flow("DEU", 50, product: "4401"),
        ]
        let entries = ConcentrationDrill().entries(for: ConcentrationAnalysis().rows(for: flows))
        let entry = try #require(entries.first)
        #expect(entry.product.isTotal)
        #expect(entry.children.map(\.product.code) == ["4401"])
        #expect(entry.children[0].level == 4)
    }
}
