import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import Foundation
import Testing

@testable import ChainRiskUseCases

@Suite("Scenario use case: definitions, typed models and direct exposure")
struct ScenarioUseCaseTests {
    /// Direct exposure of the import flows in `path` to `shock`, every year of the file considered.
    static func direct(_ path: String, shock: String) -> ScenarioRequest {
        var request = ScenarioRequest(
            definition: .shocks([shock]), data: .trade(.files([InputFile(path: path)], ReadSettings()), years: []))
        request.settings.model = .direct
        return request
    }

    @Test("typed shocks parse regions, sectors and HS products; malformed ones name the shock")
    func shocks() throws {
        let shock = try ShockSpecification.parse(
            "TWN+CHN:c3-c16,hs8542:0.2:22", recovery: .linear, recoveryDays: 7, startDay: 3)
        #expect(shock.regions == ["TWN", "CHN"] && shock.sectors == ["c3-c16"] && shock.products == ["8542"])
        #expect(
            shock.capacityLoss == 0.2 && shock.durationWeeks == 22 && shock.startDay == 3 && shock.recovery == .linear)
        for bad in ["TWN", "TWN:1.5:4", "TWN:0.5:-1", ":0.5:4"] {
            #expect(
                try #require(throws: RequestError.self) {
                    try ShockSpecification.parse(bad, recovery: .step, recoveryDays: 0, startDay: 0)
                }.parameter == "shock")
        }
    }

    @Test("direct exposure: 50 % of the Chinese supply for 13 weeks puts a quarter-year's half at risk")
    func directExposure() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file(
            "nl.csv",
            """
            year,reporter,partner,product,flow,value,unit
            2022,NLD,CHN,854231,import,1040,USD
            2022,NLD,DEU,854231,import,520,USD
            """)
        let request = Self.direct(path, shock: "CHN:0.5:13")
        let result = try fixture.workspace.scenario(request)
        // 1040 × 0.5 × 13 / 52 = 130; the German supply is not hit.
        #expect(abs(try #require(try valueAtRisk(result.report)) - 130) < 1e-9)
    }

    @Test("a table model without a table, a series without ARIO and a loss above 1 are refused before any work")
    func validation() throws {
        let fixture = try UseCaseFixture()
        var request = ScenarioRequest(definition: .shocks(["CHN:0.5:1"]), data: .trade(.dataset("none"), years: []))
        request.settings.model = .ario
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "model")
        request.settings.model = .direct
        request.settings.series = true
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "series")
        request.settings.series = false
        request.definition = .event(id: 2, eventsFile: nil, loss: 1.5, sectors: nil)
        #expect(try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "loss")
    }

    @Test("a chapter and its heading in the same data are not both counted: the heading is left out and named")
    func nestedCodesCountOnce() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file(
            "mixed.csv",
            """
            year,reporter,partner,product,flow,value,unit
            2022,NLD,CHN,85,import,1040,USD
            2022,NLD,CHN,8542,import,520,USD
            """)
        let request = Self.direct(path, shock: "CHN:0.5:13")
        let report = try fixture.workspace.scenario(request).report
        // Only chapter 85 counts: 1040 × 0.5 × 13 / 52 = 130, not 195.
        #expect(try valueAtRisk(report) == 130)
        #expect(
            report.notes.contains { $0.contains("1 product codes lie under a coarser code") && $0.hasSuffix("8542") })
    }

    @Test("no number a user types can trap: 1e300 weeks is refused, a Shock of 2e18 weeks or NaN converts safely")
    func extremeNumbers() throws {
        #expect(
            try #require(throws: RequestError.self) {
                try ShockSpecification.parse("TWN:c14:0.5:1e300", recovery: .step, recoveryDays: 0, startDay: 0)
            }.message.contains("above 0 and at most 5214"))
        #expect(throws: RequestError.self) {
            try ShockSpecification.parse("TWN:c14:nan:4", recovery: .step, recoveryDays: 0, startDay: 0)
        }
        #expect(Shock(regions: ["TWN"], capacityLoss: 0.5, durationWeeks: 2e18).fullLossDays == Shock.maximumWeeks * 7)
        #expect(Shock(regions: ["TWN"], capacityLoss: 0.5, durationWeeks: .infinity).fullLossDays == 0)
        #expect(Shock(regions: ["TWN"], capacityLoss: 0.5, durationWeeks: .nan).fullLossDays == 0)
        let fixture = try UseCaseFixture()
        let file = try fixture.file(
            "long.json", #"{"name": "long", "shocks": [{"regions": ["TWN"], "loss": 0.5, "weeks": 2e18}]}"#)
        var request = ScenarioRequest(definition: .file(file), data: .trade(.dataset("none"), years: []))
        request.settings.model = .direct
        let error = try #require(throws: InputError.self) { try fixture.workspace.scenario(request) }
        #expect(
            error.description.contains("long.json:1:")
                && error.description.contains("\"weeks\" must be above 0 and at most 5214"))
        request.definition = .shocks(["TWN:0.5:4"])
        request.settings.startDay = 40_000
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "start-day"
        )
    }

    @Test(
        "a region that is no country and no table region is refused; a real country outside the table is left out with a note"
    )
    func unknownRegions() throws {
        let fixture = try UseCaseFixture()
        let path =
            UseCaseFixture.sharedData
            + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        var request = ScenarioRequest(
            definition: .shocks(["QQQ:0.5:4"]), data: .trade(.files([InputFile(path: path)], ReadSettings()), years: [])
        )
        request.settings.model = .direct
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.message.contains(
                "unknown region 'QQQ'"))
        let table = InputOutputSource(intermediate: UseCaseFixture.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv")
        request = ScenarioRequest(
            definition: .shocks(["ZZZ:0.5:4"]),
            data: .table(table, inventoryDays: nil, regionMap: nil, countryOutput: nil))
        request.settings.model = .iim
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.message.contains(
                "neither a region of the table"))
        request.definition = .shocks(["PHL+TWN:c14:0.2:4"])
        let report = try fixture.workspace.scenario(request).report
        #expect(report.notes.contains("shock 1: PHL is neither a region of the table nor in its region map; left out"))
    }

    @Test("partial production needs WIOD sector codes: other tables run as leontief and say so")
    func partialFallsBackOutsideWIOD() {
        let ratings: (weights: [String: [String: Double]], source: String) = (["c1": ["c1": 1]], "ratings")
        let other = ["R1_a", "R1_b"].map { IOSectorLabel(combined: $0) }
        #expect(ScenarioRunner.criticality(.partial, sectors: other, ratings: ratings) == nil)
        #expect(ScenarioRunner.describe(.partial, criticality: nil).contains("run as leontief"))
        let wiod = ["NLD_c1"].map { IOSectorLabel(combined: $0) }
        #expect(ScenarioRunner.criticality(.partial, sectors: wiod, ratings: ratings)?.weights == [1])
        #expect(ScenarioRunner.criticality(.leontief, sectors: wiod, ratings: ratings) == nil)
    }
}
