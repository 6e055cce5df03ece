import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API: scenario input that once crashed the server")
struct ScenarioInputAPITests {
    @Test("a body with 2e18 weeks and a shock on region ZZZ are refused with their reasons; the server answers on")
    func extremeInput() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            let long =
                #"{"name": "long", "shocks": [{"regions": ["TWN"], "sectors": ["c14"], "loss": 0.5, "weeks": 2e18}]}"#
            let refused = try await client.execute(
                uri: "/api/v1/scenarios?model=iim", method: .post, body: ByteBuffer(string: long))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("must be above 0 and at most 5214"))
            let unknown = #"{"name": "typo", "shocks": [{"regions": ["ZZZ"], "loss": 0.5, "weeks": 4}]}"#
            let bad = try await client.execute(
                uri: "/api/v1/scenarios?model=iim", method: .post, body: ByteBuffer(string: unknown))
            // The body is data: a region the table does not have makes it unprocessable (422), as a bad upload is.
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("unknown region 'ZZZ'") && bad.text.contains("bad_scenario"))
            #expect(try await client.get("/api/v1/sectors").status == .ok)
        }
    }

    @Test(
        "production and substitution are validated like the CLI's, and change the run: leontief without switching loses more"
    )
    func productionAndSubstitution() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            let body = #"{"name": "china", "shocks": [{"regions": ["CHN"], "loss": 0.5, "weeks": 8}]}"#
            for query in ["production=cobb", "substitution=2", "substitution=-1"] {
                let refused = try await client.execute(
                    uri: "/api/v1/scenarios?\(query)", method: .post, body: ByteBuffer(string: body))
                #expect(refused.status == .badRequest, "\(query)")
            }
            // The use case's range check and message, in the API's words (a parameter, not the CLI's --substitution).
            let range = try await client.execute(
                uri: "/api/v1/scenarios?substitution=2", method: .post, body: ByteBuffer(string: body))
            #expect(
                try range.json()["detail"] as? String == "substitution must be a number from 0 to 1", "\(range.text)")
            let reporter = try await client.execute(
                uri: "/api/v1/scenarios?reporter=XYZ&model=iim", method: .post, body: ByteBuffer(string: body))
            #expect(reporter.status == .unprocessableContent)
            #expect(try reporter.json()["error"] as? String == "unknown_region", "\(reporter.text)")
            func worldLost(_ query: String) async throws -> Double {
                let response = try await client.execute(
                    uri: "/api/v1/scenarios?\(query)", method: .post, body: ByteBuffer(string: body))
                #expect(response.status == .ok, "\(response.text)")
                let document = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                let totals = try #require(document["totals"] as? [[String: Any]])
                return try #require(totals.first { $0["key"] as? String == "world_output_lost" }?["value"] as? Double)
            }
            let defaults = try await worldLost("days=365")
            let boario = try await worldLost("days=365&production=leontief&substitution=0")
            #expect(boario > 3 * defaults)
        }
    }
}

@Suite("dashboard: the scenario page's result table in the page's language")
struct ScenarioPageLanguageTests {
    @Test("the Dutch page's ARIO table has Dutch titles and words; the English page keeps English")
    func dutchTable() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            let dutch = try await client.get("/scenario?region=CHN&weeks=8&share=50&lang=nl")
            #expect(dutch.status == .ok)
            #expect(dutch.text.contains("Productieverlies en -winst per sector (ARIO, 365 dagen"))
            #expect(dutch.text.contains("Voorraad overbrugt"))
            #expect(!dutch.text.contains("Output lost"))
            #expect(!dutch.text.contains("Stocks bridge"))
            let english = try await client.get("/scenario?region=CHN&weeks=8&share=50")
            #expect(english.text.contains("Output lost and gained per sector (ARIO, 365 days"))
        }
    }

    @Test("totals and the band come first; the sector field narrows the shock; the Dutch band is in Dutch")
    func totalsBandAndSectors() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            let english = try await client.get("/scenario?region=DEU&sectors=c12&weeks=4&share=30").text
            let totals = try #require(english.range(of: "Output the shock itself took"))
            let chart = try #require(english.range(of: "Result: NLD output over time"))
            #expect(totals.lowerBound < chart.lowerBound)
            // 0.3 × DEU c12 output × 28 / 365: the same direct loss as `scenario --shock DEU:c12:0.3:4` (8,664).
            #expect(english.contains("<dd>8,664</dd>"))
            #expect(english.contains("Range over the assumptions, one changed at a time"))
            #expect(english.contains("name=\"sectors\" value=\"c12\""))
            let dutch = try await client.get("/scenario?region=DEU&sectors=c12&weeks=4&share=30&lang=nl").text
            #expect(dutch.contains("<dd>8.664</dd>"))
            #expect(dutch.contains("Bandbreedte over de aannames"))
            #expect(!dutch.contains("stock days") && !dutch.contains("switching share"))
            let unknown = try await client.get("/scenario?region=DEU&sectors=c99&weeks=4&share=30")
            #expect(unknown.status == .badRequest)
        }
    }
}
