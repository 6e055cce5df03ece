import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("API: analyses, report, OpenAPI and validation")
struct AnalysisAPITests {
    @Test("the OpenAPI document describes every registered API route, and every documented route is registered")
    func openAPICoversRoutes() async throws {
        let routes = try buildRouter(configuration: TestServer.configuration()).routes.filter {
            $0.path.hasPrefix("/api/")
        }
        let documented = Set(OpenAPIDocument.shared.operations)
        #expect(routes.count >= 14)
        for route in routes {
            #expect(documented.contains(route.description), "\(route) is not in openapi.json")
        }
        #expect(Set(routes.map(\.description)) == documented)
        try await TestServer.run { client in
            let response = try await client.get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            let json = try response.json()
            #expect(json["openapi"] as? String == "3.1.0")
            #expect((json["paths"] as? [String: Any])?.keys.contains("/api/v1/scenarios") == true)
            let index = try await client.get("/api/v1").json()
            #expect((index["endpoints"] as? [String])?.contains("/api/v1/origins") == true)
        }
    }

    @Test(
        "sectors: the letter's 17 sectors, the five of particular importance first (petroleum, chemicals, electrotechnical, machinery, food)"
    )
    func sectors() async throws {
        try await TestServer.run { client in
            let json = try await client.get("/api/v1/sectors").json()
            let rows = try #require(json["sectors"] as? [[String: Any]])
            #expect(rows.count == 17)
            // letter_table2_sectors.csv: the five largest by imports + exports of own make (the letter's conclusion).
            #expect(rows.prefix(5).allSatisfy { $0["particular_importance"] as? String == "yes" })
            #expect(rows.dropFirst(5).allSatisfy { $0["particular_importance"] as? String == "no" })
            let inputs = try #require((json["provenance"] as? [String: Any])?["inputs"] as? [[String: Any]])
            #expect(inputs.first?["kind"] as? String == "builtin")
            let dutch = try await client.get("/api/v1/sectors?lang=nl&sort=pandemic").json()
            let first = try #require((dutch["sectors"] as? [[String: Any]])?.first)
            #expect(first["pandemic"] as? Int == 1)
            #expect(
                first["particular_importance"] as? String == "ja" || first["particular_importance"] as? String == "nee")
        }
    }

    @Test("events: the letter's five disruptions of 2018 and a summary by category")
    func events() async throws {
        try await TestServer.run { client in
            let json = try await client.get("/api/v1/events?by=region").json()
            #expect((json["events"] as? [Any])?.count == 5)
            #expect((json["summary"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("options: every policy option names its rule and evidence")
    func options() async throws {
        try await TestServer.run { client in
            let rows = try #require(
                try await client.get("/api/v1/options").json()["policy_options"] as? [[String: Any]])
            #expect(!rows.isEmpty)
            #expect(
                rows.allSatisfy { !($0["rule"] as? String ?? "").isEmpty && !($0["evidence"] as? String ?? "").isEmpty }
            )
        }
    }

    @Test("report: JSON with the published Tables 4 and 5, HTML and Markdown")
    func report() async throws {
        try await TestServer.run { client in
            let json = try await client.get("/api/v1/report").json()
            #expect(json["concentration_source"] as? String == "published")
            #expect((json["table4"] as? [Any])?.count == 10)
            #expect((json["table5"] as? [Any])?.count == 9)
            let html = try await client.get("/api/v1/report?format=html&lang=nl")
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
            let markdown = try await client.get("/api/v1/report?format=markdown")
            #expect(markdown.text.hasPrefix("# Vulnerability of Dutch business"))
            #expect(try await client.get("/api/v1/report?world=x").status == .unprocessableContent)
        }
    }

    @Test(
        "concentration on the built-in dataset: the letter's published Tables 4 and 5 (crude petroleum first, HHI 0.13)"
    )
    func publishedConcentration() async throws {
        try await TestServer.run { client in
            let json = try await client.get("/api/v1/concentration").json()
            #expect(json["concentration_source"] as? String == "published")
            let first = try #require((json["table4"] as? [[String: Any]])?.first)
            // letter_table4_top10_imports.csv, row 1: Crude petroleum, 23,604 EUR mln, HHI 0.13, RU (RUS).
            #expect(first["product"] as? String == "Crude petroleum")
            #expect(first["hhi"] as? Double == 0.13)
            #expect(first["top_supplier"] as? String == "RUS")
        }
    }

    @Test(
        "world market on an uploaded world-exports file: 50/30/20 shares give HHI 0.38, highly concentrated, few alternatives"
    )
    func worldMarket() async throws {
        let csv = """
            year,reporter,partner,product,flow,value,classification,unit
            2017,AUS,W00,2701,export,50,HS4,USD
            2017,IDN,W00,2701,export,30,HS4,USD
            2017,RUS,W00,2701,export,20,HS4,USD

            """
        try await TestServer.run { client in
            #expect(try await client.upload("world", Data(csv.utf8)).status == .created)
            let response = try await client.get("/api/v1/world-market?dataset=world&product=27")
            #expect(response.status == .ok, "\(response.text)")
            let row = try #require((try response.json()["rows"] as? [[String: Any]])?.first)
            // 0.5² + 0.3² + 0.2² = 0.38.
            #expect(abs((row["hhi"] as? Double ?? 0) - 0.38) < 1e-12)
            #expect(row["exporters"] as? Int == 3)
            #expect(row["top_exporter"] as? String == "AUS")
            #expect(row["verdict"] as? String == "few")
            #expect(try await client.get("/api/v1/world-market").status == .badRequest)
        }
    }

    @Test("product detail: the letter's crude petroleum (RUS 5,899 of 23,604 EUR mln) with its policy options")
    func publishedProduct() async throws {
        try await TestServer.run { client in
            let json = try await client.get("/api/v1/products/1").json()
            #expect(json["product_name"] as? String == "Crude petroleum")
            let suppliers = try #require(json["suppliers"] as? [[String: Any]])
            #expect(suppliers.first?["country"] as? String == "RUS")
            #expect(abs((suppliers.first?["value"] as? Double ?? 0) - 5_899) < 1e-9)
            #expect(abs((suppliers.last?["value"] as? Double ?? 0) - (23_604 - 5_899)) < 1e-9)
            #expect(json["policy_options"] is [Any])
            #expect(try await client.get("/api/v1/products/99").status == .notFound)
        }
    }

    @Test(
        "every bad parameter is a 400 with {error, detail}",
        arguments: [
            "/api/v1/concentration?year=abc", "/api/v1/concentration?year=1700", "/api/v1/concentration?level=99",
            "/api/v1/concentration?class=very", "/api/v1/concentration?preset=strict",
            "/api/v1/concentration?flow=sideways",
            "/api/v1/concentration?top=0", "/api/v1/concentration?min_value=-1",
            "/api/v1/concentration?reporter=NETHERLANDS",
            "/api/v1/concentration?product=44;DROP", "/api/v1/concentration?colour=red",
            "/api/v1/concentration?lang=fr",
            "/api/v1/concentration?dataset=a&dataset=b", "/api/v1/concentration?limit=0",
            "/api/v1/concentration?relevant_only=perhaps",
            "/api/v1/sectors?sort=alphabet", "/api/v1/events?by=weekday", "/api/v1/options?x=1",
            "/api/v1/report?format=pdf",
            "/api/v1/world-market?dataset=w&level=0", "/api/v1/datasets?x=1", "/api/v1/origins?x=1",
        ])
    func badParameters(uri: String) async throws {
        try await TestServer.run { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest, "\(uri): \(response.text)")
            let json = try response.json()
            #expect(json["error"] as? String == "bad_parameter")
            #expect(!(json["detail"] as? String ?? "").isEmpty)
        }
    }

    @Test("unknown datasets are 404, unknown API paths 404 as JSON, origins 404 without an input-output table")
    func notFoundAndPending() async throws {
        try await TestServer.run { client in
            let unknown = try await client.get("/api/v1/concentration?dataset=missing")
            #expect(unknown.status == .notFound)
            #expect(try unknown.json()["error"] as? String == "unknown_dataset")
            let path = try await client.get("/api/v1/nothing")
            #expect(path.status == .notFound)
            #expect(try path.json()["error"] as? String == "not_found")
            let origins = try await client.get("/api/v1/origins")
            #expect(origins.status == .notFound)
            #expect(try origins.json()["error"] as? String == "no_input_output_table")
        }
    }

    @Test("a repeated query is answered from the cache with the same bytes; a write invalidates it")
    func caching() async throws {
        try await TestServer.run { client in
            #expect(
                try await client.upload(
                    "a",
                    Data(
                        "year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,3\n2019,NLD,BEL,4401,import,1\n"
                            .utf8)
                ).status == .created)
            let first = try await client.get("/api/v1/concentration?dataset=a&year=2019").text
            let second = try await client.get("/api/v1/concentration?year=2019&dataset=a").text
            #expect(first == second)
            // DEU 3, BEL 1: HHI 0.75² + 0.25² = 0.625.
            let row = try #require(
                (try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["rows"]
                    as? [[String: Any]])
            #expect(abs((row.first?["hhi"] as? Double ?? 0) - 0.625) < 1e-12)
            #expect(
                try await client.execute(uri: "/api/v1/datasets/a", method: .delete, headers: TestServer.bearer).status
                    == .ok)
            #expect(try await client.get("/api/v1/concentration?dataset=a&year=2019").status == .notFound)
        }
    }
}
