import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API: origins and scenarios from the server's input-output table")
struct InputOutputAPITests {
    /// Table 3 for NLD from nld11: the total row's EU import content and share equal numpy's
    /// (scripts/expected/origins_expected.py → origins_nld11_categories.csv: 73,058.68759044465 and 0.34380248958784704
    /// of 212,501.9155 million USD), to 1e-9 relative.
    @Test func originsMatchNumpy() async throws {
        let configuration = TestServer.configuration(inputOutput: try TestServer.nld11())
        try await TestServer.run(configuration) { client in
            let response = try await client.get("/api/v1/origins?reporter=NLD")
            #expect(response.status == .ok, "\(response.text.prefix(300))")
            let json = try response.json()
            let total = try #require(json["total"] as? [String: Any])
            let byOrigin = try #require(total["by_origin"] as? [String: Double])
            let eu = try #require(byOrigin["eu"])
            #expect(abs(eu - 73_058.68759044465) / 73_058.68759044465 < 1e-9)
            let content = try #require(total["import_content"] as? Double)
            #expect(abs(eu / content - 0.34380248958784704) < 1e-9)
            let rows = try #require(json["rows"] as? [[String: Any]])
            #expect(
                Set(rows.compactMap { $0["export_sector"] as? String }).count == 9,
                "nine export categories (the total is its own member)")
            let provenance = try #require(json["provenance"] as? [String: Any])
            #expect("\(provenance)".contains("wiod2013_2011_nld11_Z.csv"))

            let sectors = try await client.get("/api/v1/origins?by=sector&measure=foreign-value-added&lang=nl")
            #expect(sectors.status == .ok)
            let unknown = try await client.get("/api/v1/origins?reporter=XYZ")
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.json()["error"] as? String == "unknown_region")
        }
    }

    /// `GET /api/v1/exposure`: the same figures as `chainrisk exposure`, checked against numpy on the nld11 table.
    @Test func exposure() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            let response = try await client.get("/api/v1/exposure?reporter=NLD&supplier=CHN")
            #expect(response.status == .ok, "\(response.text.prefix(300))")
            let json = try response.json()
            let rows = try #require(json["exposure"] as? [[String: Any]])
            #expect(rows.count == 35)
            // numpy on wiod2013_2011_nld11_{Z,x}.csv: Σ A[CHN_*, NLD_c14] = 0.041435442101368854,
            // Σ (L − I)[CHN_*, NLD_c14] = 0.15901914392548536.
            let c14 = try #require(rows.first { $0["industry"] as? String == "c14" })
            #expect(abs((c14["direct"] as? Double ?? 0) - 0.041435442101368854) < 1e-12)
            #expect(abs((c14["total"] as? Double ?? 0) - 0.15901914392548536) < 1e-12)
            let origins = try #require(json["origins"] as? [[String: Any]])
            #expect(origins.count == 10, "every other region of the 11, largest total first")
            let unknown = try await client.get("/api/v1/exposure?supplier=XYZ")
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.json()["error"] as? String == "unknown_region")
        }
    }

    /// The Taiwan earthquake (event 2) through ARIO, the same run as `chainrisk scenario --event 2 --model ario`; a
    /// scenario file with zero loss leaves every sector at baseline (the model's zero-shock invariant).
    @Test func scenariosRunFromEventsAndFiles() async throws {
        let configuration = TestServer.configuration(inputOutput: try TestServer.nld11())
        try await TestServer.run(configuration) { client in
            let event = try await client.execute(uri: "/api/v1/scenarios?event=2&model=ario&days=200", method: .post)
            #expect(event.status == .ok, "\(event.text.prefix(300))")
            let json = try event.json()
            let totals = try #require(json["totals"] as? [[String: Any]])
            let world = try #require(totals.first { $0["key"] as? String == "world_output_lost" }?["value"] as? Double)
            #expect(world > 0)
            let scaling = try #require(json["shock_scaling"] as? [[String: Any]])
            #expect(scaling.contains { $0["sector"] as? String == "c14" && $0["region"] as? String == "ASIAPAC_OTH" })

            let zero = #"{"name": "nothing", "shocks": [{"regions": ["CHN"], "loss": 0, "weeks": 8}]}"#
            let file = try await client.execute(
                uri: "/api/v1/scenarios?model=leontief", method: .post, body: ByteBuffer(string: zero))
            #expect(file.status == .ok, "\(file.text.prefix(300))")
            let fileTotals = try #require(try file.json()["totals"] as? [[String: Any]])
            #expect(fileTotals.allSatisfy { ($0["value"] as? Double ?? 1) == 0 })

            let bad = try await client.execute(
                uri: "/api/v1/scenarios", method: .post,
                body: ByteBuffer(string: #"{"shocks": [{"regions": ["CHN"], "loss": 2, "weeks": 8}]}"#))
            #expect(bad.status == .unprocessableContent)
            let tooLong = try await client.execute(uri: "/api/v1/scenarios?event=2&days=5000", method: .post)
            #expect(tooLong.status == .badRequest)
            let both = try await client.execute(
                uri: "/api/v1/scenarios?event=2", method: .post, body: ByteBuffer(string: zero))
            #expect(both.status == .unprocessableContent)
            let noEvent = try await client.execute(uri: "/api/v1/scenarios?event=999", method: .post)
            #expect(noEvent.status == .badRequest)
        }
    }

    /// The API carries what the CLI does: the band of every result, `shock=demand` for the demand-driven static models
    /// only, and `compare=true` for the models beside the direct loss.
    @Test func scenarioBandDemandAndCompare() async throws {
        let configuration = TestServer.configuration(inputOutput: try TestServer.nld11())
        try await TestServer.run(configuration) { client in
            let run = try await client.execute(uri: "/api/v1/scenarios?event=2&model=ario&days=90", method: .post)
            #expect(run.status == .ok, "\(run.text.prefix(300))")
            let band = try #require(try run.json()["band"] as? [[String: Any]])
            let own = try #require(band.first { $0["key"] as? String == "reporter_output_lost" })
            #expect((own["low"] as? Double ?? 1) <= (own["central"] as? Double ?? 0))
            #expect((own["central"] as? Double ?? 1) <= (own["high"] as? Double ?? 0))
            let bare = try await client.execute(
                uri: "/api/v1/scenarios?event=2&model=ario&days=90&band=false", method: .post)
            #expect(try bare.json()["band"] == nil)
            let demand = try await client.execute(
                uri: "/api/v1/scenarios?event=2&model=leontief&shock=demand", method: .post)
            #expect(demand.status == .ok, "\(demand.text.prefix(300))")
            let settings = (try demand.json()["provenance"] as? [String: Any])?["settings"] as? [String: Any]
            #expect(settings?["shock_kind"] as? String == "demand")
            let refused = try await client.execute(
                uri: "/api/v1/scenarios?event=2&model=ghosh&shock=demand", method: .post)
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.json()["error"] as? String == "conflicting_input")
            let compare = try await client.execute(
                uri: "/api/v1/scenarios?event=2&compare=true&days=30", method: .post)
            let models = try #require(try compare.json()["models"] as? [[String: Any]])
            #expect(models.compactMap { $0["model"] as? String } == ["leontief", "ghosh", "iim", "ario"])
        }
    }

    @Test("every provenance input kind the server answers with is one the OpenAPI document lists")
    func provenanceKindsAreDocumented() async throws {
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            let document = try await client.get("/api/v1/openapi.json").json()
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let provenance = try #require(schemas["Provenance"] as? [String: Any])
            let inputs = try #require((provenance["properties"] as? [String: Any])?["inputs"] as? [String: Any])
            let kind = try #require(
                ((inputs["items"] as? [String: Any])?["properties"] as? [String: Any])?["kind"] as? [String: Any])
            let documented = Set(try #require(kind["enum"] as? [String]))
            var seen = Set<String>()
            for path in ["/api/v1/origins?reporter=NLD", "/api/v1/sectors", "/api/v1/report"] {
                let json = try await client.get(path).json()
                let answered = try #require(
                    (json["provenance"] as? [String: Any])?["inputs"] as? [[String: Any]], "\(path)")
                seen.formUnion(answered.compactMap { $0["kind"] as? String })
            }
            #expect(seen.contains("input_output_table") && seen.contains("builtin"))
            #expect(seen.isSubset(of: documented), "undocumented: \(seen.subtracting(documented))")
        }
    }
}
