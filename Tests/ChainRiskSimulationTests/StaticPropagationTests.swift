import ChainRiskCore
import ChainRiskIO
import ChainRiskSimulation
import Testing

@Suite("Static propagation (Leontief, Ghosh, inoperability)")
struct StaticPropagationTests {
    /// R1 sector a loses 50 % for 26 weeks (step): a = 0.5 × 182/365 on R1_a.
    func plan(_ table: InputOutputTable, loss: Double = 0.5) -> ShockPlan {
        let scenario = Scenario(
            name: "t", source: "test",
            shocks: [Shock(regions: ["R1"], sectors: ["a"], capacityLoss: loss, durationWeeks: 26)])
        return ShockPlanner(sectors: table.sectors).plan(scenario)
    }

    func close(_ actual: [Double], _ expected: [Double], relative: Double = 1e-9) -> Bool {
        actual.count == expected.count
            && zip(actual, expected).allSatisfy { abs($0 - $1) <= relative * max(1, abs($1)) }
    }

    // Expected values: python3 scripts/simulation_expected_values.py (numpy inverses of I − A and I − B).
    @Test("Leontief: Δx = (I − A)⁻¹ · (a ∘ y) matches numpy")
    func leontief() throws {
        let table = try SmallTable.make()
        let result = try StaticPropagation.run(.leontief, table: table, plan: plan(table))
        #expect(close(result.outputLoss, [20.096305520963057, 3.173100871731009, 0, 0]))
    }

    @Test("Ghosh: Δxᵀ = (a ∘ v)ᵀ · (I − B)⁻¹ matches numpy")
    func ghosh() throws {
        let table = try SmallTable.make()
        let result = try StaticPropagation.run(.ghosh, table: table, plan: plan(table))
        #expect(close(result.outputLoss, [21.53175591531756, 4.533001245330014, 0, 0]))
    }

    @Test("IIM: q = (I − A*)⁻¹ c* matches numpy and satisfies the Leontief relation q ∘ x = L · (c* ∘ x)")
    func inoperability() throws {
        let table = try SmallTable.make()
        let shock = plan(table)
        let result = try StaticPropagation.run(.iim, table: table, plan: shock)
        #expect(close(result.inoperability, [0.28709007887090077, 0.04533001245330013, 0, 0]))
        let demand = zip(shock.annualLosses, table.grossOutput).map { $0 * $1 }
        let leontief = try LeontiefModel(table: table).output(for: demand)
        #expect(close(result.outputLoss, leontief, relative: 1e-12))
    }

    @Test(
        "a zero shock changes nothing and the disconnected block stays at baseline in every model",
        arguments: StaticPropagation.Model.allCases)
    func zeroAndDisconnected(model: StaticPropagation.Model) throws {
        let table = try SmallTable.make()
        let zero = try StaticPropagation.run(model, table: table, plan: plan(table, loss: 0))
        #expect(zero.outputLoss.allSatisfy { $0 == 0 })
        let hit = try StaticPropagation.run(model, table: table, plan: plan(table))
        #expect(hit.outputLoss[2] == 0 && hit.outputLoss[3] == 0)
        #expect(hit.outputLoss[0] > 0 && hit.outputLoss[1] > 0)
    }

    @Test("losses grow with the shock's size in every model", arguments: StaticPropagation.Model.allCases)
    func monotone(model: StaticPropagation.Model) throws {
        let table = try SmallTable.make()
        let totals = try [0.1, 0.3, 0.6, 1.0].map { loss in
            try StaticPropagation.run(model, table: table, plan: plan(table, loss: loss)).outputLoss.reduce(0, +)
        }
        #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 < $1 })
    }
}
