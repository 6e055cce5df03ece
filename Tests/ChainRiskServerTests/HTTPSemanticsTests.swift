import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("HTTP semantics: HEAD, methods the server never answers, and what browsers may do with a page")
struct HTTPSemanticsTests {
    @Test("HEAD answers like GET without a body, for pages and the API")
    func head() async throws {
        try await TestServer.run { client in
            for path in ["/", "/products", "/api/v1/sectors"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == .ok && get.status == .ok, "\(path)")
                #expect(head.text.isEmpty && !get.text.isEmpty, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
            }
        }
    }

    @Test(
        "a method a path does not answer is 405 with that path's Allow (TRACE, or POST on a GET route), as JSON under /api and as a page elsewhere; unknown paths stay 404"
    )
    func methodNotAllowed() async throws {
        try await TestServer.run { client in
            let api = try await client.execute(uri: "/api/v1/sectors", method: .trace)
            #expect(api.status == .methodNotAllowed)
            #expect(api.headers[.allow] == "GET, HEAD")
            #expect(try api.json()["error"] as? String == "method_not_allowed")
            let post = try await client.execute(uri: "/api/v1/concentration?dataset=x", method: .post)
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET, HEAD")
            let dataset = try await client.execute(uri: "/api/v1/datasets/some-name", method: .post)
            #expect(dataset.status == .methodNotAllowed && dataset.headers[.allow] == "GET, HEAD, DELETE")
            let collection = try await client.execute(uri: "/api/v1/datasets", method: .delete)
            #expect(collection.status == .methodNotAllowed && collection.headers[.allow] == "GET, HEAD, POST")
            let page = try await client.execute(uri: "/", method: .put)
            #expect(page.status == .methodNotAllowed && page.text.contains("405"))
            #expect(try await client.execute(uri: "/api/v1/no-such-thing", method: .post).status == .notFound)
        }
    }

    @Test("every response carries a Content-Security-Policy that loads nothing from elsewhere, nosniff and no framing")
    func securityHeaders() async throws {
        try await TestServer.run { client in
            for path in ["/", "/api/v1/sectors", "/no-such-page"] {
                let response = try await client.execute(uri: path, method: .get)
                let policy = try #require(response.headers[HTTPField.Name("Content-Security-Policy")!], "\(path)")
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("http"))
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    @Test("an enum parameter given empty is a 400 naming it under /api; a form's empty 'all' option still works")
    func emptyEnumValues() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            for path in ["/api/v1/sectors?sort=", "/api/v1/origins?measure=", "/api/v1/events?by="] {
                let response = try await client.get(path)
                #expect(response.status == .badRequest, "\(path)")
                #expect(try response.json()["error"] as? String == "bad_parameter", "\(path)")
            }
            let scenario = try await client.execute(uri: "/api/v1/scenarios?event=2&model=", method: .post)
            #expect(scenario.status == .badRequest)
            #expect(try await client.get("/products?class=").status == .ok)
            #expect(try await client.get("/api/v1/sectors").status == .ok)
        }
    }
}
