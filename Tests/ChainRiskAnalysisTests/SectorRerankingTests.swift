import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Ranking with shared ranks and re-ranking from another nomenclature")
struct SectorRerankingTests {
    @Test("dense 1, 2, 2, 3 versus competition 1, 2, 2, 4; higher score is more sensitive")
    func tieConventions() {
        let scores = ["a": 0.9, "b": 0.7, "c": 0.7, "d": 0.1]
        let dense = SensitivityRanking.rank(scores: scores)
        #expect(dense.map(\.key) == ["a", "b", "c", "d"])
        #expect(dense.map(\.rank) == [1, 2, 2, 3])
        #expect(SensitivityRanking.rank(scores: scores, ties: .competition).map(\.rank) == [1, 2, 2, 4])
    }

    @Test("averaged ranks: lower is more sensitive; (2 + 5) / 2 and (3 + 4) / 2 tie; NaN is left out")
    func averagedRanks() {
        let scores = ["x": (2.0 + 5.0) / 2, "y": (3.0 + 4.0) / 2, "z": 1, "w": .nan]
        let ranked = SensitivityRanking.rank(scores: scores, higherIsMoreSensitive: false)
        #expect(ranked.map(\.key) == ["z", "x", "y"])
        #expect(ranked.map(\.rank) == [1, 2, 2])
    }

    @Test("scores within the tolerance tie: 0.1 + 0.2 and 0.3")
    func tolerance() {
        let ranked = SensitivityRanking.rank(scores: ["p": 0.1 + 0.2, "q": 0.3, "r": 0.2])
        #expect(ranked.map(\.rank) == [1, 1, 2])
        #expect(SensitivityRanking.rank(scores: ["p": 0.1 + 0.2, "q": 0.3], tolerance: 0).map(\.rank) == [1, 2])
    }

    @Test("conventions recognised from a column: 1,2,2,3 dense only; 1,2,2,4 competition only; 1,2,3 both; 2,3 neither")
    func recognise() {
        #expect(TieConvention.consistent(with: [3, 2, 1, 2]) == [.dense])
        #expect(TieConvention.consistent(with: [1, 2, 2, 4]) == [.competition])
        #expect(TieConvention.consistent(with: [1, 2, 3]) == [.dense, .competition])
        #expect(TieConvention.consistent(with: [2, 3]).isEmpty)
    }

    static let textiles = Sector(
        nameEN: "Textiles, apparel, leather and footwear", nameNL: "Textiel, kleding, leer- en schoenenindustrie")
    static let furniture = Sector(nameEN: "Furniture", nameNL: "Meubelindustrie")
    static let electro = Sector(
        nameEN: "Computer electronic and optical products", nameNL: "Elektrotechnische industrie")
    static let chemicals = Sector(nameEN: "Chemicals", nameNL: "Chemische industrie")
    static let pharma = Sector(nameEN: "Pharmaceuticals", nameNL: "Farmaceutische industrie")

    /// A McKinsey-like table: seven chains with pandemic exposure scores (higher = more exposed).
    static let pandemicScores: [String: Double] = [
        "Apparel": 0.9, "Furniture": 0.8, "Semiconductors": 0.3, "Computers and electronics": 0.5, "Chemicals": 0.4,
        "Pharmaceuticals": 0.2, "Glass and cement": 0.6,
    ]

    /// Electro averages semiconductors and computers: (0.3 + 0.5) / 2 = 0.4, tied with chemicals 0.4.
    static let links = [
        SectorReranking.Link(sourceChain: "Apparel", sector: textiles),
        SectorReranking.Link(sourceChain: "Furniture", sector: furniture),
        SectorReranking.Link(sourceChain: "Semiconductors", sector: electro),
        SectorReranking.Link(sourceChain: "Computers and electronics", sector: electro),
        SectorReranking.Link(sourceChain: "Chemicals", sector: chemicals),
        SectorReranking.Link(sourceChain: "Pharmaceuticals", sector: pharma),
        SectorReranking.Link(sourceChain: "Medical devices", sector: pharma),
        SectorReranking.Link(sourceChain: "Apparel", sector: furniture, weight: 0),
    ]

    @Test("re-ranking: textiles 1, furniture 2, electrotechnical and chemicals share 3, pharmaceuticals 4 (dense)")
    func rerankDense() throws {
        let result = SectorReranking().rerank(scores: [.pandemic: Self.pandemicScores], links: Self.links)
        #expect(
            result.sectors.map(\.sector.id) == [
                "chemicals", "computer-electronic-and-optical-products", "furniture", "pharmaceuticals",
                "textiles-apparel-leather-and-footwear",
            ])
        #expect(result.rank(of: Self.textiles, on: .pandemic) == 1)
        #expect(result.rank(of: Self.furniture, on: .pandemic) == 2)
        #expect(result.rank(of: Self.electro, on: .pandemic) == 3)
        #expect(result.rank(of: Self.chemicals, on: .pandemic) == 3)
        #expect(result.rank(of: Self.pharma, on: .pandemic) == 4)
        let electro = try #require(result.sectors.first { $0.sector == Self.electro })
        #expect(abs((electro.averageScores[.pandemic] ?? 0) - 0.4) < 1e-12)
        #expect(electro.sourceChains == ["Computers and electronics", "Semiconductors"])
        #expect(result.unmappedChains == ["Glass and cement"])
        #expect(result.unscoredLinks.map(\.sourceChain) == ["Medical devices"])
        #expect(result.ignoredLinks.map(\.sector.id) == ["furniture"])
        #expect(result.rank(of: Self.electro, on: .flood) == nil)
    }

    @Test("re-ranking with competition ties: pharmaceuticals 5")
    func rerankCompetition() {
        let result = SectorReranking(ties: .competition).rerank(
            scores: [.pandemic: Self.pandemicScores], links: Self.links)
        #expect(result.rank(of: Self.pharma, on: .pandemic) == 5)
        #expect(result.ties == .competition)
    }

    @Test("weights: furniture from furniture (3) and glass and cement (1) → (3·0.8 + 0.6) / 4 = 0.75")
    func weights() throws {
        let links = [
            SectorReranking.Link(sourceChain: "Furniture", sector: Self.furniture, weight: 3),
            SectorReranking.Link(sourceChain: "Glass and cement", sector: Self.furniture, weight: 1),
            SectorReranking.Link(sourceChain: "Apparel", sector: Self.textiles),
        ]
        let result = SectorReranking().rerank(scores: [.pandemic: Self.pandemicScores], links: links)
        let furniture = try #require(result.sectors.first { $0.sector == Self.furniture })
        #expect(abs((furniture.averageScores[.pandemic] ?? 0) - 0.75) < 1e-12)
        #expect(furniture.ranks[.pandemic] == 2)
    }

    @Test("source ranks instead of scores: averaged ranks, lower is more sensitive")
    func sourceRanks() {
        let ranks: [String: Double] = ["A": 2, "B": 5, "C": 3, "D": 4, "E": 1]
        let links = [
            SectorReranking.Link(sourceChain: "A", sector: Self.chemicals),
            SectorReranking.Link(sourceChain: "B", sector: Self.chemicals),
            SectorReranking.Link(sourceChain: "C", sector: Self.electro),
            SectorReranking.Link(sourceChain: "D", sector: Self.electro),
            SectorReranking.Link(sourceChain: "E", sector: Self.pharma),
        ]
        let result = SectorReranking(higherIsMoreSensitive: false).rerank(scores: [.tradeDispute: ranks], links: links)
        #expect(result.rank(of: Self.pharma, on: .tradeDispute) == 1)
        #expect(result.rank(of: Self.chemicals, on: .tradeDispute) == 2)
        #expect(result.rank(of: Self.electro, on: .tradeDispute) == 2)
    }

    @Test("applying the new ranks to the letter's profiles: mapped sectors get them, others none")
    func applying() throws {
        let result = SectorReranking().rerank(scores: [.pandemic: Self.pandemicScores], links: Self.links)
        let profiles = result.applying(to: try LetterTestData.dataset().sectors)
        let furniture = try #require(profiles.first { $0.sector.id == "furniture" })
        #expect(furniture.ranks == [.pandemic: 2])
        #expect(furniture.importance == 1946)
        #expect(profiles.first { $0.sector.id == "machinery" }?.ranks.isEmpty == true)
    }
}
