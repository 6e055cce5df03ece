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
    @Test("Leontief supply shock: direct a ∘ x plus upstream (I − A)⁻¹ · A · d, matches numpy")
    func leontief() throws {
        let table = try SmallTable.make()
        let result = try StaticPropagation.run(.leontief, table: table, plan: plan(table))
        #expect(result.kind == .supply)
        #expect(close(result.directLoss, [24.93150684931507, 0, 0, 0]))
        #expect(close(result.upstreamLoss, [3.7775010377750107, 4.533001245330014, 0, 0]))
        #expect(result.downstreamLoss.allSatisfy { $0 == 0 })
        #expect(close(result.outputLoss, [28.70900788709008, 4.533001245330014, 0, 0]))
    }

    @Test("Ghosh supply shock: direct a ∘ x plus downstream dᵀ · B · (I − B)⁻¹, matches numpy")
    func ghosh() throws {
        let table = try SmallTable.make()
        let result = try StaticPropagation.run(.ghosh, table: table, plan: plan(table))
        #expect(close(result.downstreamLoss, [3.7775010377750107, 6.044001660440018, 0, 0]))
        #expect(result.upstreamLoss.allSatisfy { $0 == 0 })
        #expect(close(result.outputLoss, [28.70900788709008, 6.044001660440018, 0, 0]))
    }

    @Test("demand shock: lost final demand a ∘ y through (I − A)⁻¹ in leontief and iim; Ghosh takes none")
    func demand() throws {
        let table = try SmallTable.make()
        for model in [StaticPropagation.Model.leontief, .iim] {
            let result = try StaticPropagation.run(model, table: table, plan: plan(table), kind: .demand)
            #expect(result.kind == .demand)
            #expect(close(result.directLoss, [17.45205479452055, 0, 0, 0]))
            #expect(close(result.upstreamLoss, [2.644250726442508, 3.17310087173101, 0, 0]))
            #expect(close(result.outputLoss, [20.096305520963057, 3.17310087173101, 0, 0]))
        }
        #expect(!StaticPropagation.Model.ghosh.takesDemandShock)
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
        let accounting = try StaticPropagation.run(.leontief, table: table, plan: shock)
        #expect(close(result.upstreamLoss, accounting.upstreamLoss, relative: 1e-12))
        #expect(result.directLoss == accounting.directLoss)
    }

    @Test(
        "a zero shock changes nothing and the disconnected block stays at baseline in every model",
        arguments: StaticPropagation.Model.allCases)
    func zeroAndDisconnected(model: StaticPropagation.Model) throws {
        let table = try SmallTable.make()
        let zero = try StaticPropagation.run(model, table: table, plan: plan(table, loss: 0))
        #expect(zero.outputLoss.allSatisfy { $0 == 0 })
        #expect(hitWorldAtLeastDirect(model, table: table))
        let hit = try StaticPropagation.run(model, table: table, plan: plan(table))
        #expect(hit.outputLoss[2] == 0 && hit.outputLoss[3] == 0)
        #expect(hit.outputLoss[0] > 0 && hit.outputLoss[1] > 0)
    }

    /// World loss ≥ the direct loss: each part is a sum of nonnegative flows.
    func hitWorldAtLeastDirect(_ model: StaticPropagation.Model, table: InputOutputTable) -> Bool {
        guard let hit = try? StaticPropagation.run(model, table: table, plan: plan(table)) else { return false }
        return hit.outputLoss.reduce(0, +) >= hit.directLoss.reduce(0, +) && hit.directLoss.reduce(0, +) > 0
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
