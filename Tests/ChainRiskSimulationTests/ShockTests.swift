import ChainRiskCore
import ChainRiskSimulation
import Testing

@Suite("Shock")
struct ShockTests {
    @Test("a step shock holds its loss for weeks × 7 days, then capacity is back at once")
    func stepProfile() {
        let shock = Shock(regions: ["TWN"], sectors: ["c14"], capacityLoss: 0.3, startDay: 5, durationWeeks: 2)
        #expect(shock.recovery == .step)
        #expect(shock.fullLossDays == 14)
        #expect(shock.recoveredDay == 19)
        #expect(shock.loss(onDay: 4) == 0)
        #expect(shock.loss(onDay: 5) == 0.3)
        #expect(shock.loss(onDay: 18) == 0.3)
        #expect(shock.loss(onDay: 19) == 0)
        #expect(abs(shock.yearShare - 14.0 / 365) < 1e-15)
    }

    @Test("linear recovery over R days steps down by 1/(R + 1) per day and reaches 0 on the recovered day")
    func linearProfile() {
        let shock = Shock(regions: ["TWN"], capacityLoss: 1, durationWeeks: 1, recovery: .linear, recoveryDays: 3)
        #expect(shock.recoveredDay == 10)
        #expect([7, 8, 9, 10].map { shock.remainingShare(onDay: $0) } == [0.75, 0.5, 0.25, 0])
        // Capacity-days: 7 full + 0.75 + 0.5 + 0.25 = 8.5.
        #expect(abs(shock.yearShare - 8.5 / 365) < 1e-15)
    }

    @Test("exponential recovery falls monotonically and is exactly 0 from the recovered day")
    func exponentialProfile() {
        let shock = Shock(
            regions: ["TWN"], capacityLoss: 0.5, durationWeeks: 0, recovery: .exponential, recoveryDays: 20)
        let shares = (0...21).map { shock.remainingShare(onDay: $0) }
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(shares[0] < 1 && shares[0] > 0.8)
        #expect(shares[20] == 0 && shares[21] == 0)
    }

    @Test("sector ranges expand, other codes pass through once")
    func rangesExpand() {
        #expect(ShockPlanner.expand(["c3-c6", "c5", "F"]) == ["c3", "c4", "c5", "c6", "F"])
    }
}
