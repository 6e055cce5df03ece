import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Risk-weighted concentration: SR = Σ sᵢ² rᵢ and Σ sᵢ rᵢ")
struct RiskWeightedConcentrationTests {
    typealias Data = AnalysisTestData

    func suppliers(_ pairs: [(String, Double)]) -> [SupplierBreakdown.Supplier] {
        pairs.map { SupplierBreakdown.Supplier(country: Data.code($0.0), value: $0.1) }
    }

    @Test("CHN 60 % (risk 0.8), USA 30 % (0.2), DEU 10 % unscored (0.5): SR 0.311, weighted share 0.59")
    func handComputed() {
        let measure = RiskWeightedConcentration(
            scores: [Data.code("CHN"): 0.8, Data.code("USA"): 0.2], scoreName: "test"
        )
        .measure(suppliers([("CHN", 60), ("USA", 30), ("DEU", 10)]))
        // 0.36·0.8 + 0.09·0.2 + 0.01·0.5 = 0.288 + 0.018 + 0.005; 0.6·0.8 + 0.3·0.2 + 0.1·0.5 = 0.48 + 0.06 + 0.05.
        #expect(Data.close(measure.supplyRiskIndex, 0.311))
        #expect(Data.close(measure.riskWeightedShare, 0.59))
        #expect(Data.close(measure.hhi, 0.46))
        #expect(measure.suppliers == 3)
        #expect(measure.supplierValue == 100)
        #expect(measure.unscoredSuppliers == [Data.code("DEU")])
        #expect(Data.close(measure.unscoredShare, 0.1))
        #expect(measure.defaultScore == 0.5)
    }

    @Test("mean of known scores as the default: (0.8 + 0.2 + 0.2) / 3 = 0.4 for DEU")
    func meanDefault() {
        let scores = [Data.code("CHN"): 0.8, Data.code("USA"): 0.2, Data.code("FRA"): 0.2]
        let weighting = RiskWeightedConcentration(scores: scores, scoreName: "test", missingScore: .meanOfKnownScores)
        #expect(Data.close(weighting.defaultScore, 0.4))
        let measure = weighting.measure(suppliers([("CHN", 60), ("USA", 30), ("DEU", 10)]))
        #expect(Data.close(measure.supplyRiskIndex, 0.31))
        #expect(Data.close(measure.riskWeightedShare, 0.58))
        #expect(
            RiskWeightedConcentration(scores: [:], scoreName: "none", missingScore: .meanOfKnownScores).defaultScore
                == 0.5)
    }

    @Test("edges: one supplier with risk 1 gives 1; no supplier value gives nil; invalid scores are rejected")
    func edges() {
        let scores = [Data.code("RUS"): 1.0, Data.code("CHN"): 1.5, Data.code("USA"): .nan]
        let weighting = RiskWeightedConcentration(scores: scores, scoreName: "test")
        #expect(weighting.rejectedScores == [Data.code("CHN"), Data.code("USA")])
        let single = weighting.measure(suppliers([("RUS", 42)]))
        #expect(single.supplyRiskIndex == 1)
        #expect(single.riskWeightedShare == 1)
        let empty = weighting.measure(suppliers([("RUS", 0)]))
        #expect(empty.supplyRiskIndex == nil)
        #expect(empty.suppliers == 0)
        let rejected = weighting.measure(suppliers([("CHN", 10)]))
        #expect(rejected.unscoredSuppliers == [Data.code("CHN")])
        #expect(rejected.supplyRiskIndex == 0.5)
        #expect(RiskWeightedConcentration.formula.hasPrefix("SR = Σᵢ sᵢ² · rᵢ"))
    }

    @Test("from flows: supplier breakdowns match the concentration rows, Taiwan via S19, areas n.e.s. unallocated")
    func fromFlows() throws {
        let flows = [Data.flow("S19", 75), Data.flow("JPN", 25), Data.flow("_X", 10)]
        let breakdown = try #require(ConcentrationAnalysis().supplierBreakdowns(for: flows).first)
        #expect(breakdown.suppliers.map(\.country) == [CountryCode.taiwan, Data.code("JPN")])
        #expect(breakdown.unallocatedValue == 10)
        let row = try #require(ConcentrationAnalysis().rows(for: flows).first)
        #expect(HerfindahlIndex.of(values: breakdown.suppliers.map(\.value)) == row.hhi)
        let weighted = RiskWeightedConcentration(
            scores: [CountryCode.taiwan: 0.9, Data.code("JPN"): 0.1], scoreName: "hazard"
        )
        .rows([breakdown])
        // 0.75²·0.9 + 0.25²·0.1 = 0.50625 + 0.00625.
        #expect(Data.close(weighted.first?.measure.supplyRiskIndex, 0.5125))
        #expect(weighted.first?.product == Data.hs("100590"))
    }
}
