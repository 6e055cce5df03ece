import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import Testing

/// Product levels and drill-down on the real NL Comtrade file, which mixes HS2 (48, 49), HS4 and HS6 codes
/// (4706xx, 9403xx, 940610) without overlap.
///
/// Expected values: `scripts/expected/concentration_expected.py` (Python 3.11.7, standard library; rules in
/// `scripts/expected/README.md`): codes cut to the level, values summed per partner, then shares; codes shorter
/// than the level left out. Drill pairs: child code longer and starting with the parent's, HHI above the parent's
/// by more than 1e-12; the closest non-zero difference over all compared pairs is 1.0e-3, so the set is not a
/// tolerance matter. Tolerances as in `RealDataComparison`; drill HHIs to 1e-9 absolute.
@Suite("Product levels and drill-down on real NL Comtrade data")
struct RealDataLevelTests {
    @Test("level 2: chapters 44, 47, 48, 49, 94 in 5 years, children summed per partner before the shares")
    func chapters() throws {
        let (_, flows) = try RealTradeData.netherlandsFlows.get()
        let rows = ConcentrationAnalysis(level: 2).rows(for: flows)
        let expected = try RealDataExpectedRow.rows("nld_wood_paper_furniture_hs2.csv")
        #expect(expected.count == 25)
        #expect(rows.count == 25)
        let comparison = RealDataComparison(actual: rows, expected: expected)
        #expect(comparison.compared == 25)
        #expect(comparison.agrees)
        // Chapter 47 in 2018: 168,436,393.933 of 1,312,081,339.676 USD from areas nes; URY top; HHI 0.1679.
        let pulp = try #require(rows.first { $0.year == 2018 && $0.product.code == "47" })
        #expect(abs(pulp.unallocatedValue - 168_436_393.933) <= 1e-3)
        #expect(pulp.topSupplier == CountryCode(verbatim: "URY"))
        #expect(abs((pulp.hhi ?? 0) - 0.1679228627656421) <= 1e-9)
        #expect(pulp.concentrationClass == .somewhatConcentrated)

        // Level 4 leaves the chapter codes 48 and 49 out (documented on `level`): 30 headings, 150 (year, heading) rows.
        let headings = ConcentrationAnalysis(level: 4).rows(for: flows)
        #expect(headings.count == 150)
        #expect(Set(headings.map(\.product.code)).count == 30)
        #expect(!headings.contains { $0.product.code.count != 4 })
    }

    @Test("drill-down at levels 2, 4, 6 finds exactly the 212 (year, parent, child) pairs Python finds")
    func drill() throws {
        let (_, flows) = try RealTradeData.netherlandsFlows.get()
        let rows = ConcentrationDrill.rows(for: flows, levels: [2, 4, 6])
        // Year × code: 25 chapters, 150 headings (chapters 48 and 49 have none in the file), 46 subheadings.
        #expect(rows.count == 221)
        let entries = ConcentrationDrill().entries(for: rows)
        var found: [String: (parent: Double, child: Double)] = [:]
        for entry in entries {
            for child in entry.children {
                found["\(entry.year) \(entry.product.code) \(child.product.code)"] = (entry.hhi, child.hhi)
            }
        }
        let expected = try RealTradeData.fixture("nld_wood_paper_furniture_drill.csv")
        #expect(expected.count == 212)
        let expectedKeys = expected.map { "\($0["year"] ?? "") \($0["parent"] ?? "") \($0["child"] ?? "")" }
        #expect(Set(found.keys) == Set(expectedKeys))
        #expect(found.count == 212)
        for (key, record) in zip(expectedKeys, expected) {
            let hhi = try #require(found[key], "\(key) not found")
            #expect(abs(hhi.parent - (Double(record["parent_hhi"] ?? "") ?? .nan)) <= 1e-9, "\(key) parent HHI")
            #expect(abs(hhi.child - (Double(record["child_hhi"] ?? "") ?? .nan)) <= 1e-9, "\(key) child HHI")
        }

        // The HS4 headings whose HS6 subheadings are more concentrated: pulp 4706 and furniture 9403 every year;
        // 9406 never (its one subheading 940610 has the same suppliers, the same HHI).
        let headings = found.keys.filter { $0.split(separator: " ")[1].count == 4 }.sorted()
        let pulp = ["470610", "470691", "470692", "470693"]
        var expectedHeadings: [String] = []
        for (year, pulpChildren, furnitureChildren) in [
            (2018, pulp, ["940330", "940340"]), (2019, pulp, ["940330", "940340"]),
            (2020, Array(pulp.dropFirst()), ["940330", "940340"]), (2021, pulp, ["940340"]),
            (2022, pulp, ["940330", "940340"]),
        ] {
            expectedHeadings +=
                pulpChildren.map { "\(year) 4706 \($0)" } + furnitureChildren.map { "\(year) 9403 \($0)" }
        }
        #expect(headings == expectedHeadings)
        // 2020: 470610 (HHI 0.2600) is below its heading 4706 (0.3028), the one year it is not listed.
        #expect(abs((found["2020 4706 470693"]?.child ?? 0) - 0.9863185941670103) <= 1e-9)
    }
}
