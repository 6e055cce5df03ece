import ChainRiskCore
import ChainRiskSimulation
import Testing

@Suite("ARIO dynamic model")
struct ARIOModelTests {
    func run(loss: Double, weeks: Double = 4, days: Int = 200, inventory: Double = 10) throws -> ARIOResult {
        let table = try SmallTable.make()
        let scenario = Scenario(
            name: "t", source: "test",
            shocks: [Shock(regions: ["R1"], sectors: ["a"], capacityLoss: loss, startDay: 5, durationWeeks: weeks)])
        let plan = ShockPlanner(sectors: table.sectors).plan(scenario)
        return ARIOModel(table: table, inventory: .uniform(inventory, sectors: table.sectors)).run(
            plan: plan, days: days)
    }

    @Test("a zero shock changes nothing: every day's production is the baseline")
    func zeroShock() throws {
        let result = try run(loss: 0)
        for day in 0..<result.days {
            for i in 0..<4 {
                #expect(
                    abs(result.production[day * 4 + i] - result.baselineOutput[i]) <= 1e-12 * result.baselineOutput[i])
            }
        }
        #expect(result.limitingInput.allSatisfy { $0 == -1 })
        #expect(result.totals().outputLost.magnitude < 1e-9)
    }

    @Test("the disconnected region stays exactly at baseline while the hit region loses output")
    func disconnectedBlock() throws {
        let result = try run(loss: 0.5)
        for day in 0..<result.days {
            #expect(result.production[day * 4 + 2] == result.baselineOutput[2])
            #expect(result.production[day * 4 + 3] == result.baselineOutput[3])
        }
        #expect(result.summary(industry: 0).outputLost > 0)
        #expect(result.summary(industry: 1).outputLost > 0)
    }

    @Test("output lost grows with the shock's size")
    func monotone() throws {
        let losses = try [0.1, 0.3, 0.6, 0.9].map { try run(loss: $0).totals().outputLost }
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("after the recovery time the economy returns to its baseline")
    func fullRecovery() throws {
        let result = try run(loss: 0.3, weeks: 4, days: 1500, inventory: 30)
        #expect(result.summary(industry: 1).outputLost > 0)
        for i in 0..<4 {
            let last = result.production[(result.days - 1) * 4 + i]
            #expect(abs(last / result.baselineOutput[i] - 1) < 1e-3)
        }
    }

    @Test("a deep shock with short stocks rations inputs, and no output or stock goes negative")
    func shortagesWithoutNegatives() throws {
        let result = try run(loss: 0.9, weeks: 8, days: 200, inventory: 3)
        #expect(result.production.allSatisfy { $0 >= 0 })
        #expect(result.inventoryCover.allSatisfy { $0 >= 0 })
        #expect(result.unmetFinalDemand.allSatisfy { $0 >= -1e-12 })
        let buyer = result.summary(industry: 1)
        #expect(buyer.shortageDays > 0)
        #expect(buyer.limitingInput == "a")
        #expect(buyer.troughLevel < 0.9)
    }
}
