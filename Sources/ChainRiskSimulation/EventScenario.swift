public import ChainRiskCore

/// Turns a catalogue event (the letter's Table 1) into a scenario, with the assumptions the catalogue does not state.
///
/// The catalogue gives countries and a duration in weeks, not which sectors lost how much capacity. Defaults:
/// natural events hit manufacturing (WIOD c3–c16: food to manufacturing n.e.c.), the production sites the
/// catalogue counts being factories; other causes hit every sector. The loss is `defaultLoss` (20 %) of the hit
/// sectors' capacity for the stated weeks, then capacity comes back at once. Each default can be overridden.
public struct EventScenario: Sendable {
    /// Capacity loss assumed when none is given: 20 % of the hit sectors.
    public static let defaultLoss = 0.2
    /// Sectors a natural event hits when none are given: WIOD manufacturing c3–c16.
    public static let naturalEventSectors = (3...16).map { "c\($0)" }

    public var loss: Double?
    public var sectors: [String]?
    public var recovery: Shock.Recovery
    public var recoveryDays: Int
    public var startDay: Int

    public init(
        loss: Double? = nil, sectors: [String]? = nil, recovery: Shock.Recovery = .step, recoveryDays: Int = 0,
        startDay: Int = 0
    ) {
        self.loss = loss
        self.sectors = sectors
        self.recovery = recovery
        self.recoveryDays = recoveryDays
        self.startDay = startDay
    }

    /// The scenario of `event`, one shock over all its countries.
    public func scenario(for event: DisruptionEvent) -> Scenario {
        var assumptions: [String] = []
        let chosenSectors: [String]
        if let sectors {
            chosenSectors = sectors
        } else if event.category == .natural {
            chosenSectors = Self.naturalEventSectors
            assumptions.append(
                "the catalogue does not name sectors: a natural event is taken to hit manufacturing (c3–c16); override with --sectors"
            )
        } else {
            chosenSectors = []
            assumptions.append(
                "the catalogue does not name sectors: every sector of the countries hit; override with --sectors")
        }
        let chosenLoss = loss ?? Self.defaultLoss
        if loss == nil {
            assumptions.append(
                "the catalogue gives no capacity loss: \(Int((Self.defaultLoss * 100).rounded())) % of the hit sectors' capacity assumed; override with --loss"
            )
        }
        assumptions.append(
            "the full loss lasts the catalogue's \(Self.weeks(event.durationWeeks)) weeks, then recovery \(recovery.rawValue)"
                + (recoveryDays > 0 ? " over \(recoveryDays) days" : ""))
        let shock = Shock(
            regions: event.regions.map(\.rawValue), sectors: chosenSectors, capacityLoss: chosenLoss,
            startDay: startDay,
            durationWeeks: event.durationWeeks, recovery: recovery, recoveryDays: recoveryDays)
        let places = event.regions.map(\.rawValue).joined(separator: " ")
        return Scenario(
            name: "\(event.start) \(event.nameEN) (\(places))", source: "event \(event.id)", shocks: [shock],
            assumptions: assumptions)
    }

    static func weeks(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
