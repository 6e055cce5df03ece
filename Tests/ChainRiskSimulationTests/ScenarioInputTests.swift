import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

@testable import ChainRiskSimulation

@Suite("Scenario inputs: region scaling, events, scenario files, direct exposure, time to survive")
struct ScenarioInputTests {
    @Test("a country inside an aggregate region is scaled by its share of the region's sector output")
    func countryScaling() {
        let sectors = ["ASIA_c14", "ASIA_c3", "NLD_c14"].map { IOSectorLabel(combined: $0) }
        let scaling = RegionScaling(
            regionOfCountry: ["TWN": "ASIA", "JPN": "ASIA", "NLD": "NLD"],
            countryOutput: ["TWN": ["c14": 30, "c3": 10], "JPN": ["c14": 70, "c3": 90], "NLD": ["c14": 5, "c3": 5]],
            source: "test")
        let scenario = Scenario(
            name: "t", source: "test",
            shocks: [Shock(regions: ["twn", "XXX"], sectors: ["c14"], capacityLoss: 0.5, durationWeeks: 1)])
        let plan = ShockPlanner(sectors: sectors, scaling: scaling).plan(scenario)
        #expect(plan.fullLosses == [0.15, 0, 0])
        #expect(plan.explanations.first?.outputShare == 0.3)
        #expect(plan.notes.contains { $0.contains("XXX") })
    }

    @Test("event 2 (Taiwan earthquake, 22 weeks) becomes a 20 % loss of Taiwan's manufacturing c3–c16 for 154 days")
    func earthquakeEvent() throws {
        let letter = try BuiltInDatasets.nlLetter2021()
        let event = try #require(letter.events.first { $0.id == 2 })
        let scenario = EventScenario().scenario(for: event)
        let shock = try #require(scenario.shocks.first)
        #expect(shock.regions == ["TWN"])
        #expect(shock.sectors.first == "c3" && shock.sectors.last == "c16" && shock.sectors.count == 14)
        #expect(shock.capacityLoss == 0.2)
        #expect(shock.recoveredDay == 154)
        #expect(scenario.assumptions.count == 3)
    }

    func file(_ text: String) throws -> InputFile {
        let path = NSTemporaryDirectory() + "scenario-\(UUID().uuidString).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return InputFile(path: path, displayName: "scenario.json")
    }

    @Test("a scenario file reads into shocks with defaults")
    func scenarioFile() throws {
        let scenario = try ScenarioFileReader().read(
            file(
                """
                {"name": "two", "shocks": [
                  {"regions": ["TWN"], "sectors": ["c14"], "loss": 0.5, "weeks": 8, "recovery": "linear", "recovery_days": 28},
                  {"regions": ["chn"], "products": ["8542"], "loss": 0.2, "weeks": 4, "start_day": 10}
                ]}
                """))
        #expect(scenario.name == "two")
        #expect(scenario.shocks.count == 2)
        #expect(scenario.shocks[0].recoveredDay == 56 + 28)
        #expect(
            scenario.shocks[1].regions == ["chn"] && scenario.shocks[1].products == ["8542"]
                && scenario.shocks[1].startDay == 10)
    }

    @Test(
        "mistakes in a scenario file name the file, line and column",
        arguments: [
            (
                "{\"shocks\": [{\"regions\": [\"TWN\"],\n  \"loss\": 1.5, \"weeks\": 2}]}", "scenario.json:2:11",
                "between 0 and 1"
            ),
            (
                "{\"shocks\": [{\"regions\": [\"TWN\"], \"loss\": 0.5, \"weeks\": 2, \"los\": 1}]}",
                "scenario.json:1:66", "unknown key"
            ),
            ("{\"shocks\": [{\"regions\": [\"TWN\"] \"loss\": 0.5}]}", "scenario.json:1:33", "expected"),
            ("{\"shocks\": [{\"regions\": [\"TWN\"], \"weeks\": 2}]}", "scenario.json:1:13", "needs \"loss\""),
        ])
    func scenarioFileErrors(text: String, place: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try ScenarioFileReader().read(file(text)) }
        #expect(error.description.contains(place), "\(error)")
        #expect(error.description.contains(message), "\(error)")
    }

    @Test("direct exposure: value from hit suppliers × loss × weeks/52, per product and sector")
    func directExposure() {
        let map = ProductSectorMap(sectorOfHS6: ["854231": ("32", "c14"), "090111": ("01", "c1")], source: "test")
        let flows = [
            DirectExposure.Flow(partner: "TWN", product: "854231", value: 520),
            DirectExposure.Flow(partner: "KOR", product: "854231", value: 480),
            DirectExposure.Flow(partner: "TWN", product: "090111", value: 100),
        ]
        let scenario = Scenario(
            name: "t", source: "test",
            shocks: [Shock(regions: ["TWN"], sectors: ["c3-c16"], capacityLoss: 0.5, durationWeeks: 26)])
        let rows = DirectExposure.rows(flows: flows, scenario: scenario, map: map)
        #expect(rows.count == 1)
        // 520 × 0.5 × (182 days / 7 = 26 weeks) / 52 = 130.
        #expect(abs(rows[0].valueAtRisk - 130) < 1e-9)
        #expect(rows[0].affectedShare == 0.52)
        #expect(rows[0].sector == "c14")
    }

    @Test("time to survive = usable stock days / (share lost × (1 − switched share)), flagged against time to recover")
    func timeToSurvive() throws {
        let table = try SmallTable.make()
        let scenario = Scenario(
            name: "t", source: "test",
            shocks: [Shock(regions: ["R1"], sectors: ["a"], capacityLoss: 0.5, durationWeeks: 26)])
        let plan = ShockPlanner(sectors: table.sectors).plan(scenario)
        func assess(_ production: ProductionFunction, share: Double) -> [TimeToSurvive.Row] {
            let rule = TimeToSurvive.Rule(
                production: production,
                substitution: SupplierSubstitution(share: share, worldHHI: ["a": 0.5, "b": 0.5]))
            return TimeToSurvive.assess(
                table: table, plan: plan, inventory: .uniform(10, sectors: table.sectors), rule: rule,
                industries: [1, 3])
        }
        // R1_b buys 20 of a from R1_a (hit 50 %) and nothing else of a. All switched that could be (φ = 1):
        // shortfall 0.5 × (1 − 1 × (1 − 0.5)) = 0.25 → 10 / 0.25 = 40 days < 182 (partial draws the whole stock).
        let rows = assess(.partial, share: 1)
        #expect(rows[0].criticalInput == "a")
        #expect(abs(rows[0].timeToSurviveDays - 40) < 1e-12)
        #expect(rows[0].timeToRecoverDays == 182)
        #expect(!rows[0].bridged)
        #expect(rows[1].criticalInput == nil && rows[1].timeToSurviveDays == .infinity && rows[1].bridged)
        // No switching: shortfall 0.5 → 20 days; Leontief holds back at ψ = 0.8 of the target: (1 − 0.8) × 10 / 0.5 = 4.
        #expect(abs(assess(.partial, share: 0)[0].timeToSurviveDays - 20) < 1e-12)
        #expect(abs(assess(.leontief, share: 0)[0].timeToSurviveDays - 4) < 1e-12)
        // Half switched: shortfall 0.5 × (1 − 0.25) = 0.375 → 26.67 days.
        #expect(abs(assess(.partial, share: 0.5)[0].timeToSurviveDays - 10 / 0.375) < 1e-12)
    }

    @Test("one verdict from the simulation: shortage days decide, the estimate stands beside it and is named")
    func verdict() {
        let row = TimeToSurvive.Row(
            industry: 0, criticalInput: "a", lostShare: 0.5, worldHHI: 0.5, substitutable: 0.25,
            shortfall: 0.375, stockDays: 10, timeToSurviveDays: 60, timeToRecoverDays: 56)
        let estimate = StocksVerdict(survival: row, shortageDays: nil)
        #expect(estimate.bridges && estimate.basis == .estimate && estimate.reason.isEmpty)
        let held = StocksVerdict(survival: row, shortageDays: 0)
        #expect(held.bridges && held.basis == .simulation && held.reason.isEmpty)
        let short = StocksVerdict(survival: row, shortageDays: 3)
        #expect(!short.bridges && short.shortageDays == 3)
        #expect(
            short.reason
                == "inputs short 3 days in the simulation, although the estimate has stocks outlasting recovery")
        var late = row
        late.timeToSurviveDays = 40
        // The estimate says no, the simulation ran no input short: yes, and the reason says why they differ.
        let simulated = StocksVerdict(survival: late, shortageDays: 0)
        #expect(simulated.bridges && simulated.reason.hasPrefix("no input short in the simulation; the estimate"))
        #expect(StocksVerdict(survival: late, shortageDays: 5).reason == "inputs short 5 days in the simulation")
        let staticRun = StocksVerdict(survival: late, shortageDays: nil)
        #expect(!staticRun.bridges && staticRun.basis == .estimate && staticRun.reason == "survive < recover")
    }
}
