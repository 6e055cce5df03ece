import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskUseCases
import Foundation
import Testing

@Suite("Scenario use case: definitions, typed models and direct exposure")
struct ScenarioUseCaseTests {
    @Test("typed shocks parse regions, sectors and HS products; malformed ones name the shock")
    func shocks() throws {
        let shock = try ShockSpecification.parse("TWN+CHN:c3-c16,hs8542:0.2:22", recovery: .linear, recoveryDays: 7, startDay: 3)
        #expect(shock.regions == ["TWN", "CHN"] && shock.sectors == ["c3-c16"] && shock.products == ["8542"])
        #expect(shock.capacityLoss == 0.2 && shock.durationWeeks == 22 && shock.startDay == 3 && shock.recovery == .linear)
        for bad in ["TWN", "TWN:1.5:4", "TWN:0.5:-1", ":0.5:4"] {
            #expect(try #require(throws: RequestError.self) { try ShockSpecification.parse(bad, recovery: .step, recoveryDays: 0, startDay: 0) }.parameter == "shock")
        }
    }

    @Test("direct exposure: 50 % of the Chinese supply for 13 weeks puts a quarter-year's half at risk")
    func directExposure() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("nl.csv", """
            year,reporter,partner,product,flow,value,unit
            2022,NLD,CHN,854231,import,1040,USD
            2022,NLD,DEU,854231,import,520,USD
            """)
        var request = ScenarioRequest(definition: .shocks(["CHN:0.5:13"]), data: .trade(.files([InputFile(path: path)], ReadSettings()), years: []))
        request.model = .direct
        let result = try fixture.workspace.scenario(request)
        // 1040 × 0.5 × 13 / 52 = 130; the German supply is not hit.
        #expect(abs(try #require(try valueAtRisk(result.report)) - 130) < 1e-9)
    }

    @Test("a table model without a table, a series without ARIO and a loss above 1 are refused before any work")
    func validation() throws {
        let fixture = try UseCaseFixture()
        var request = ScenarioRequest(definition: .shocks(["CHN:0.5:1"]), data: .trade(.dataset("none"), years: []))
        request.model = .ario
        #expect(try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "model")
        request.model = .direct
        request.series = true
        #expect(try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "series")
        request.series = false
        request.definition = .event(id: 2, eventsFile: nil, loss: 1.5, sectors: nil)
        #expect(try #require(throws: RequestError.self) { try fixture.workspace.scenario(request) }.parameter == "loss")
    }

    @Test("a chapter and its heading in the same data are not both counted: the heading is left out and named")
    func nestedCodesCountOnce() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("mixed.csv", """
            year,reporter,partner,product,flow,value,unit
            2022,NLD,CHN,85,import,1040,USD
            2022,NLD,CHN,8542,import,520,USD
            """)
        var request = ScenarioRequest(definition: .shocks(["CHN:0.5:13"]), data: .trade(.files([InputFile(path: path)], ReadSettings()), years: []))
        request.model = .direct
        let report = try fixture.workspace.scenario(request).report
        // Only chapter 85 counts: 1040 × 0.5 × 13 / 52 = 130, not 195.
        #expect(try valueAtRisk(report) == 130)
        #expect(report.notes.contains { $0.contains("1 product codes lie under a coarser code") && $0.hasSuffix("8542") })
    }
}
