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
            let long = #"{"name": "long", "shocks": [{"regions": ["TWN"], "sectors": ["c14"], "loss": 0.5, "weeks": 2e18}]}"#
            let refused = try await client.execute(uri: "/api/v1/scenarios?model=iim", method: .post, body: ByteBuffer(string: long))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("must be between 0 and 5214"))
            let unknown = #"{"name": "typo", "shocks": [{"regions": ["ZZZ"], "loss": 0.5, "weeks": 4}]}"#
            let bad = try await client.execute(uri: "/api/v1/scenarios?model=iim", method: .post, body: ByteBuffer(string: unknown))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("unknown region 'ZZZ'"))
            #expect(try await client.get("/api/v1/sectors").status == .ok)
        }
    }
}
