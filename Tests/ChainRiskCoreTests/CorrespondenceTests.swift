import Testing

@testable import ChainRiskCore

@Suite("Correspondences")
struct CorrespondenceTests {
    // Pair and source counts: distinct non-empty (source, target) pairs of the concordance_insongkim file, e.g.
    // python3 -c "import csv; p={(r['HS6_6d'],r['BEC4_3d']) for r in csv.DictReader(open('../shared/data/concordance_insongkim/hs6_bec4.csv')) if r['HS6_6d'] and r['BEC4_3d']}; print(len(p), len({a for a,b in p}))"
    // -> hs6_sitc4 5,611 / 5,611; hs5_sitc4 5,386 / 5,386; hs6_bec4 5,926 / 5,611; hs5_bec4 5,511 / 5,386;
    // sitc4_bec4 2,972 / 2,829; hs6_hs5 read HS5 -> HS6 5,613 / 5,362.
    @Test(arguments: [
        (Correspondence.Resource.hs2022SITC4, 5_611, 5_611),
        (.hs2017SITC4, 5_386, 5_386),
        (.hs2022BEC4, 5_926, 5_611),
        (.hs2017BEC4, 5_511, 5_386),
        (.sitc4BEC4, 2_972, 2_829),
        (.hs2017HS2022, 5_613, 5_362),
    ])
    func rowCounts(resource: Correspondence.Resource, pairs: Int, sources: Int) throws {
        let table = try Correspondence.bundled(resource)
        #expect(table.pairCount == pairs)
        #expect(table.sourceCodes.count == sources)
        #expect(table.source == resource.source && table.target == resource.target)
    }

    @Test func examplesFromTheSourceFiles() {
        // hs6_sitc4.csv: 440111 -> 24501, 847130 -> 75220, 270900 -> 33300; 010121/010129/010130/010190 -> 00150.
        let sitc = Correspondence.hs2022ToSITC4
        #expect(sitc.targets(of: "440111") == ["24501"])
        #expect(sitc.targets(of: "847130") == ["75220"])
        #expect(sitc.targets(of: "270900") == ["33300"])
        #expect(sitc.sources(of: "00150") == ["010121", "010129", "010130", "010190"])
        // hs6_bec4.csv: 010130 (asses) -> 111 and 410; 870380 (electric cars) -> 510; 271012 -> 320; 37 rows -> 700.
        let bec = Correspondence.hs2022ToBEC4
        #expect(bec.targets(of: "010130") == ["111", "410"])
        #expect(bec.targets(of: "870380") == ["510"])
        #expect(bec.targets(of: "271012") == ["320"])
        #expect(bec.sources(of: "700").count == 37)
        #expect(bec.targetCodes.count == 19)
        // sitc4_bec4.csv: 33460 -> 210 and 320; 24501 -> 310.
        #expect(Correspondence.sitc4ToBEC4.targets(of: "33460") == ["210", "320"])
        #expect(Correspondence.sitc4ToBEC4.targets(of: "24501") == ["310"])
        // hs5_sitc4.csv: 710820 (monetary gold) has an empty SITC cell, dropped; hs5_bec4.csv: 440140 -> 210.
        #expect(Correspondence.hs2017ToSITC4.targets(of: "710820").isEmpty)
        #expect(Correspondence.hs2017ToBEC4.targets(of: "440140") == ["210"])
    }

    @Test func everyTargetIsInTheTargetHierarchy() {
        for (table, tree) in [
            (Correspondence.hs2022ToSITC4, ClassificationHierarchy.sitc4), (.hs2017ToSITC4, .sitc4),
            (.hs2022ToBEC4, .bec4), (.hs2017ToBEC4, .bec4), (.sitc4ToBEC4, .bec4),
        ] {
            #expect(table.targetCodes.allSatisfy(tree.contains), "\(table.source) → \(table.target)")
        }
        #expect(Correspondence.hs2022ToBEC4.sourceCodes.allSatisfy(ClassificationHierarchy.hs2022.contains))
        #expect(Correspondence.sitc4ToBEC4.sourceCodes.allSatisfy(ClassificationHierarchy.sitc4.contains))
    }

    @Test func exactMatch() {
        let match = Correspondence.hs2022ToBEC4.match("010130")
        #expect(match.quality == .exact)
        #expect(match.targets == ["111", "410"])
        #expect(match.matchedSources == ["010130"])
    }

    @Test func missingSubheadingFallsBackOnItsHeading() {
        // 440140 is HS 2017 only; HS 2022 heading 4401 has nine subheadings mapping to BEC 210 or 310.
        let match = Correspondence.hs2022ToBEC4.match("440140")
        #expect(match.quality == .approximate)
        #expect(match.isApproximate)
        #expect(match.targets == ["210", "310"])
        #expect(match.matchedSources.count == 9)
        // 710820 (monetary gold) is not in hs6_bec4.csv; its heading's 710811, 710812, 710813 all map to 220.
        let gold = Correspondence.hs2022ToBEC4.match("710820")
        #expect(gold.quality == .approximate)
        #expect(gold.targets == ["220"])
        #expect(gold.matchedSources == ["710811", "710812", "710813"])
        // Chapter 77 is reserved in HS: no code of heading 7700 exists.
        #expect(Correspondence.hs2022ToBEC4.match("770000").quality == .unmapped)
        #expect(Correspondence.hs2022ToBEC4.match("770000").matchedSources.isEmpty)
        #expect(Correspondence.hs2022ToBEC4.match("TOTAL").targets.isEmpty)
    }

    @Test func hsVintagesToBEC4() throws {
        let hs2017 = try #require(Correspondence.hsToBEC4(vintage: .hs2017))
        #expect(hs2017.source == .hs2017)
        // 440132 (wood briquettes) is new in HS 2022: HS 2017 heading 4401 answers, approximately.
        let briquettes = hs2017.match("440132")
        #expect(briquettes.quality == .approximate)
        #expect(briquettes.targets == ["210", "310"])
        #expect(
            Correspondence.hsToBEC4(vintage: .hs2022)?.match(ProductCode("440132", in: .hs2022))?.targets == ["210"])
        #expect(Correspondence.hsToBEC4(vintage: .hs1992) == nil)
        #expect(hs2017.match(ProductCode("440132", in: .hs2022)) == nil)
    }

    @Test func compositionChainsThroughTheMiddleClassification() throws {
        let chained = try #require(Correspondence.hs2022ToSITC4.composed(with: .sitc4ToBEC4))
        #expect(chained.source == .hs2022 && chained.target == .bec4)
        #expect(chained.targets(of: "440111") == ["310"])
        // 271012 -> SITC 33460 -> BEC 210 and 320, wider than the direct table's 320.
        #expect(chained.targets(of: "271012") == ["210", "320"])
        #expect(Correspondence.hs2022ToSITC4.composed(with: .hs2022ToBEC4) == nil)
        let small = Correspondence(source: .hs2022, target: .sitc4, pairs: [("a", "x"), ("a", "x"), ("b", "x")])
        #expect(small.pairCount == 2)
        #expect(small.sources(of: "x") == ["a", "b"])
    }
}
