import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChainRiskServer

@Suite("Concurrent requests through the router")
struct ConcurrentRequestTests {
    /// Two identical scenario runs sent at once (their parameters in another order) compute once: the second waits
    /// for the first's computation or finds its result in the cache, and both get the same bytes.
    @Test func identicalScenarioRunsComputeOnce() async throws {
        let service = try AnalysisService(configuration: TestServer.configuration(inputOutput: try TestServer.nld11()))
        let router = Router(context: BasicRequestContext.self)
        APIRoutes(service: service, access: WriteAccess(token: nil)).register(on: RouteTable(router: router))
        try await Application(router: router).test(.router) { client in
            async let first = client.execute(uri: "/api/v1/scenarios?event=2&model=ario&days=60", method: .post)
            async let second = client.execute(uri: "/api/v1/scenarios?days=60&model=ario&event=2", method: .post)
            let (a, b) = try await (first, second)
            #expect(a.status == .ok, "\(a.text.prefix(300))")
            #expect(b.status == .ok)
            #expect(a.body == b.body)
        }
        #expect(service.computations.value == 1)
    }
}
