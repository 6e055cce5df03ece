import ChainRiskSimulation
import Testing

@Suite("Shock")
struct ShockTests {
    @Test func shockRoundTripsThroughItsFields() {
        let shock = Shock(regions: ["TWN"], sectors: ["c14"], capacityLoss: 0.3, durationWeeks: 22)
        #expect(shock.recovery == .linear)
        #expect(shock.capacityLoss == 0.3)
    }
}
