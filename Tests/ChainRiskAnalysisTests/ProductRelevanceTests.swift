import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Relevance to business by BEC rev. 4 category, and the suppression count")
struct ProductRelevanceTests {
    let relevance = ProductRelevance()

    func share(_ assessment: ProductRelevance.Assessment, _ category: String) -> Double? {
        assessment.categoryShares.first { $0.category == category }?.share
    }

    @Test("HS 4401 fuel wood is relevant: its nine subheadings are BEC 310 (2) and 210 (7), none consumer or n.e.s.")
    func fuelWood() {
        // hs2022_bec4.csv: 440111, 440112 → 310; 440121, 440122, 440131, 440132, 440139, 440141, 440149 → 210.
        let result = relevance.assess(AnalysisTestData.hs("4401"))
        #expect(result.isRelevant)
        #expect(result.quality == .exact)
        #expect(result.basis == .count)
        #expect(result.matchedCodes.count == 9)
        #expect(result.nonBusinessShare == 0)
        #expect(AnalysisTestData.close(share(result, "210"), 7.0 / 9))
        #expect(AnalysisTestData.close(share(result, "310"), 2.0 / 9))
    }

    @Test("HS 9403 furniture sits exactly on the edge by count (6 of 12 subheadings in BEC 610) and stays relevant")
    func furnitureByCount() {
        // hs2022_bec4.csv: 940310, 940320, 940330 → 410; 940382, 940383, 940389 → 220;
        // 940340, 940350, 940360, 940370 and the parts 940391, 940399 → 610 (consumption goods n.e.s., durable).
        let result = relevance.assess(AnalysisTestData.hs("9403"))
        #expect(result.matchedCodes.count == 12)
        #expect(AnalysisTestData.close(result.nonBusinessShare, 0.5))
        #expect(result.isRelevant, "exactly 50 % is not 'predominantly'")
        #expect(AnalysisTestData.close(share(result, "410"), 0.25))
        #expect(AnalysisTestData.close(share(result, "220"), 0.25))
    }

    @Test("values of the subheadings decide when given: furniture parts of wood 60, office furniture 40 → 60 % BEC 610")
    func furnitureByValue() throws {
        let products = [ProductValue(AnalysisTestData.hs("9403"), value: 100)]
        let detail = [
            ProductValue(AnalysisTestData.hs("940391"), value: 60),
            ProductValue(AnalysisTestData.hs("940310"), value: 40),
        ]
        let result = try #require(relevance.assess(products, detail: detail).first)
        #expect(result.basis == .value)
        #expect(AnalysisTestData.close(result.nonBusinessShare, 0.6))
        #expect(!result.isRelevant)
        // Zero values give no split: back to counting.
        let zero = try #require(
            relevance.assess(products, detail: [ProductValue(AnalysisTestData.hs("940391"), value: 0)]).first)
        #expect(zero.basis == .count)
        #expect(zero.isRelevant)
    }

    @Test(
        "consumer goods n.e.s. are not relevant: HS 2402 cigars and cigarettes and HS 3004 medicaments are all BEC 630")
    func consumerGoods() {
        // hs2022_bec4.csv: 240210, 240220, 240290 → 630; all twelve 3004 subheadings → 630.
        for code in ["2402", "240220", "3004"] {
            let result = relevance.assess(AnalysisTestData.hs(code))
            #expect(!result.isRelevant, "\(code)")
            #expect(result.nonBusinessShare == 1)
            #expect(result.categoryShares.map(\.category) == ["630"])
        }
    }

    @Test("goods n.e.s.: HS chapter 99 (999999 → BEC 700) is not relevant")
    func goodsNES() {
        let result = relevance.assess(AnalysisTestData.hs("99"))
        #expect(!result.isRelevant)
        #expect(result.matchedCodes == ["999999"])
    }

    @Test("a subheading with two BEC targets is split equally: 010130 asses → ½ 111, ½ 410")
    func splitTargets() {
        let result = relevance.assess(AnalysisTestData.hs("010130"))
        #expect(result.quality == .exact)
        #expect(result.categoryShares.map(\.category) == ["111", "410"])
        #expect(result.categoryShares.map(\.share) == [0.5, 0.5])
    }

    @Test(
        "match quality: other vintages and unknown subheadings are approximate, unknown chapters unmapped but relevant")
    func quality() {
        // 440110 is an HS 2017 subheading, not in HS 2022: it borrows the targets of the other 4401 subheadings.
        let borrowed = relevance.assess(AnalysisTestData.hs("440110"))
        #expect(borrowed.quality == .approximate)
        #expect(borrowed.isRelevant)
        // An HS 2017 code in the HS 2017 table is exact: hs2017_bec4.csv has 440140 → 210.
        #expect(relevance.assess(ProductCode("440140", in: .hs2017)).quality == .exact)
        // CN8 goes through its HS 6 prefix, at most approximate: 24022090 → 240220 → 630.
        let cigarettes = relevance.assess(ProductCode("24022090", in: .cn8))
        #expect(cigarettes.quality == .approximate)
        #expect(!cigarettes.isRelevant)
        // HS has no chapter 77: unmapped, counted relevant, flagged.
        let unknown = relevance.assess(AnalysisTestData.hs("7700"))
        #expect(unknown.quality == .unmapped)
        #expect(unknown.basis == .unmapped)
        #expect(unknown.isRelevant)
        #expect(unknown.nonBusinessShare == nil)
        #expect(relevance.assess(ProductCode("01", in: Classification(.cpa, revision: "2.1"))).quality == .unmapped)
    }

    @Test("SITC: maize 044 is relevant (BEC 210); manufactured tobacco 122 is not (4.5 of 5 basic headings in BEC 630)")
    func sitc() {
        // sitc4_bec4.csv: 04410, 04490 → 210; 12210, 12220, 12231, 12232 → 630; 12239 → 220 and 630.
        #expect(relevance.assess(ProductCode("044", in: .sitc4)).isRelevant)
        let tobacco = relevance.assess(ProductCode("122", in: .sitc4))
        #expect(AnalysisTestData.close(tobacco.nonBusinessShare, 0.9))
        // The letter's Table 5 nevertheless lists manufactured tobacco: CBS's product split was not this BEC rule.
        #expect(!tobacco.isRelevant)
    }

    @Test("BEC codes are their own category; 6 is all consumption goods n.e.s.")
    func becCodes() {
        #expect(!relevance.assess(ProductCode("630", in: .bec4)).isRelevant)
        #expect(!relevance.assess(ProductCode("6", in: .bec4)).isRelevant)
        #expect(!relevance.assess(ProductCode("700", in: .bec4)).isRelevant)
        #expect(relevance.assess(ProductCode("410", in: .bec4)).isRelevant)
    }

    @Test("a hand-made table: counts give 50 % (relevant), values 65 % (not)")
    func handMadeTable() throws {
        let table = Correspondence(
            source: .hs2022, target: .bec4,
            pairs: [
                ("010101", "610"), ("010102", "410"), ("010103", "700"), ("010103", "220"),
            ])
        let custom = ProductRelevance(hs2022: table)
        // Count: 610 1/3, 410 1/3, 700 1/6, 220 1/6 → non-business 1/3 + 1/6 = 0.5.
        let counted = custom.assess(AnalysisTestData.hs("0101"))
        #expect(AnalysisTestData.close(counted.nonBusinessShare, 0.5))
        #expect(counted.isRelevant)
        // Values 50 / 20 / 30: 610 0.5 + 700 0.15 = 0.65.
        let products = [
            ProductValue(AnalysisTestData.hs("0101"), value: 100),
            ProductValue(AnalysisTestData.hs("010101"), value: 50),
            ProductValue(AnalysisTestData.hs("010102"), value: 20),
            ProductValue(AnalysisTestData.hs("010103"), value: 30),
        ]
        let results = custom.assess(products)
        #expect(results.map(\.product.code) == ["0101", "010101", "010102", "010103"])
        let heading = try #require(results.first)
        #expect(heading.basis == .value)
        #expect(AnalysisTestData.close(heading.nonBusinessShare, 0.65))
        #expect(!heading.isRelevant)
    }

    @Test("suppression summary: 5 products → 3 relevant, 2 suppressed, with reasons")
    func summary() throws {
        let products = [
            ProductValue(AnalysisTestData.hs("4401"), value: 10),
            ProductValue(AnalysisTestData.hs("2402"), value: 5),
            ProductValue(AnalysisTestData.hs("3004"), value: nil, reason: "confidential"),
            ProductValue(AnalysisTestData.hs("2709"), value: nil, status: .missing),
            ProductValue(AnalysisTestData.hs("7700"), value: 1),
        ]
        let summary = SuppressionSummary(products: products, relevance: relevance)
        #expect(summary.description == "5 → 3 relevant, 2 suppressed")
        #expect(summary.notRelevant == 2)
        #expect(summary.unmapped == 1)
        #expect(summary.relevantPublished == 2)
        #expect(summary.suppressed.map(\.product.code) == ["2709", "3004"])
        #expect(summary.suppressed.map(\.reason) == ["missing: no value published", "confidential"])
        #expect(summary.suppressed.map(\.isRelevant) == [true, false])
    }
}
