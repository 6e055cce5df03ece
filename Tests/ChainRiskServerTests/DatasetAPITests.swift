import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("API: datasets, uploads, auth and limits")
struct DatasetAPITests {
    @Test("a fresh store lists no datasets and the built-in letter with its six tables")
    func listing() async throws {
        try await TestServer.run { client in
            let response = try await client.get("/api/v1/datasets")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let json = try response.json()
            #expect((json["datasets"] as? [Any])?.isEmpty == true)
            let builtin = try #require((json["builtin"] as? [[String: Any]])?.first)
            #expect(builtin["name"] as? String == "nl-letter-2021")
            #expect((builtin["files"] as? [Any])?.count == 6)
            let detail = try await client.get("/api/v1/datasets/nl-letter-2021")
            #expect(detail.status == .ok)
            #expect(try detail.json()["name"] as? String == "nl-letter-2021")
            #expect(try await client.get("/api/v1/datasets/nothing-here").status == .notFound)
        }
    }

    @Test(
        "uploading the Comtrade NL file with the token stores 10,631 flows; its concentration and dashboard rows appear"
    )
    func uploadThenConcentration() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestServer.comtradeNL))
        try await TestServer.run { client in
            let response = try await client.upload("nl", data, extra: "&filename=nld_imports.csv")
            #expect(response.status == .created, "\(response.text)")
            let json = try response.json()
            #expect(json["outcome"] as? String == "imported")
            let dataset = try #require(json["dataset"] as? [String: Any])
            // As `chainrisk import` (ImportCommandTests): 10,631 flows; sha256sum of the shared file.
            #expect(dataset["row_count"] as? Int == 10_631)
            let file = try #require((dataset["files"] as? [[String: Any]])?.first)
            #expect(file["sha256"] as? String == "b81396845349d370e636872f6b21af78a07d68a2296e349b788d49d7a27a5efd")
            #expect(file["path"] as? String == "nld_imports.csv")

            // Without filename=, the name a Content-Disposition header gives is kept (made a plain file name).
            var headers = TestServer.bearer
            headers[.contentDisposition] = "attachment; filename=\"nld imports (2022).csv\""
            let named = try await client.upload("nl2", data, headers: headers)
            #expect(named.status == .created, "\(named.text)")
            let namedFile = try #require(
                ((try named.json()["dataset"] as? [String: Any])?["files"] as? [[String: Any]])?.first)
            #expect(namedFile["path"] as? String == "nld_imports__2022_.csv")

            let concentration = try await client.get("/api/v1/concentration?dataset=nl&year=2022&product=4401")
            #expect(concentration.status == .ok, "\(concentration.text)")
            let rows = try #require(try concentration.json()["rows"] as? [[String: Any]])
            let row = try #require(rows.first)
            #expect(rows.count == 1)
            // python3 (csv + math.fsum), as in ConcentrationCommandTests.fuelWood: partners of 4401 in 2022 without
            // _X/X1/E19/W00, S19 as TWN → 64 countries, HHI 0.35421884085271105, USA 329,654,239.947 USD.
            #expect(abs((row["hhi"] as? Double ?? 0) - 0.35421884085271105) < 1e-12)
            #expect(row["suppliers"] as? Int == 64)
            #expect(row["top_supplier"] as? String == "USA")
            #expect(row["class"] as? String == "highly_concentrated")

            // python3: len({(r['refYear'], r['cmdCode']) for r in csv.DictReader(f)}) = 191 rows.
            let all = try await client.get("/api/v1/concentration?dataset=nl&year=all")
            #expect((try all.json()["rows"] as? [Any])?.count == 191)
            // Without year: the latest year's 39 products.
            #expect((try await client.get("/api/v1/concentration?dataset=nl").json()["rows"] as? [Any])?.count == 39)

            let page = try await client.get("/products?dataset=nl&year=2022")
            #expect(page.status == .ok)
            #expect(page.text.contains("/products/4401?dataset=nl"))
            // Five furniture headings read as five products, not five times "Furniture" (cut at the first ';'); a
            // long name is shortened at a word with the full name in the title; the top supplier is named.
            for code in ["940330", "940340", "940350", "940360", "940391"] {
                #expect(page.text.contains(">\(code) Furniture; "), "\(code)")
            }
            #expect(!page.text.contains(">940340 Furniture</a>"))
            #expect(page.text.contains("title=\"Fuel wood, in logs, billets, twigs, faggots or similar forms;"))
            #expect(page.text.contains("<td>United States (USA)</td>"))
            // The navigation carries the dataset to every page; the overview computes Tables 4 and 5 from it.
            for path in ["/", "/sectors", "/events", "/scenario", "/datasets", "/products/4401"] {
                #expect(try await client.get(path + "?dataset=nl").status == .ok, "\(path)")
            }
            #expect(try await client.get("/?dataset=nl").text.contains("NLD 2022:"))

            let again = try await client.upload("nl", data, extra: "&filename=nld_imports.csv")
            #expect(again.status == .ok)
            #expect(try again.json()["outcome"] as? String == "already_imported")
        }
    }

    @Test("without the token, with a wrong one, or with writes disabled, an upload is refused and stores nothing")
    func uploadRefused() async throws {
        let data = Data("year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,1\n".utf8)
        try await TestServer.run { client in
            let before = try await client.get("/api/v1/datasets").text
            let missing = try await client.upload("x", data, headers: [:])
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate] == "Bearer realm=\"chainrisk\"")
            #expect(try missing.json()["error"] as? String == "unauthorized")
            let wrong = try await client.upload("x", data, headers: [.authorization: "Bearer \(TestServer.token)x"])
            #expect(wrong.status == .unauthorized)
            #expect(try await client.execute(uri: "/api/v1/datasets/x", method: .delete).status == .unauthorized)
            #expect(try await client.get("/api/v1/datasets").text == before)
        }
        try await TestServer.run(TestServer.configuration(token: nil)) { client in
            let disabled = try await client.upload("x", data)
            #expect(disabled.status == .forbidden)
            let json = try disabled.json()
            #expect(json["error"] as? String == "writes_disabled")
            #expect((json["detail"] as? String)?.contains("CHAINRISK_TOKEN") == true)
        }
    }

    @Test("a malformed file is refused with its line and column and leaves the store unchanged")
    func failedUploadLeavesNothing() async throws {
        try await TestServer.run { client in
            let good = Data("year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,1\n".utf8)
            #expect(try await client.upload("good", good).status == .created)
            let before = try await client.get("/api/v1/datasets").text
            let bad = Data(
                "year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,12.5\n2019,NLD,BEL,4401,import,1O0\n"
                    .utf8)
            let response = try await client.upload("bad", bad, extra: "&filename=bad.csv")
            #expect(response.status == .unprocessableContent)
            let json = try response.json()
            #expect(json["error"] as? String == "bad_data")
            #expect((json["detail"] as? String)?.contains("bad.csv:3:") == true, "\(json)")
            #expect(try await client.get("/api/v1/datasets").text == before)
            #expect(try await client.get("/api/v1/datasets/bad").status == .notFound)
        }
    }

    @Test(
        "bodies over the limits are refused with 413: uploads over the upload limit, other requests over the body limit"
    )
    func bodyLimits() async throws {
        try await TestServer.run(TestServer.configuration(uploadLimit: 1_000, bodyLimit: 100)) { client in
            var text = "year,reporter,partner,product,flow,value\n"
            while text.utf8.count < 2_000 { text += "2019,NLD,DEU,4401,import,1\n" }
            let before = try await client.get("/api/v1/datasets").text
            let upload = try await client.upload("big", Data(text.utf8))
            #expect(upload.status == .contentTooLarge)
            #expect(try upload.json()["error"] as? String == "body_too_large")
            #expect(try await client.get("/api/v1/datasets").text == before)
            let scenario = try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: TestServer.bearer,
                body: ByteBuffer(string: String(repeating: "x", count: 500)))
            #expect(scenario.status == .contentTooLarge)
            let small = try await client.execute(
                uri: "/api/v1/scenarios", method: .post, body: ByteBuffer(string: "{}"))
            #expect(small.status == .notFound, "no input-output table in this server: \(small.text)")
        }
    }

    @Test("DELETE removes a stored dataset with the token; the built-in one cannot be removed")
    func remove() async throws {
        try await TestServer.run { client in
            #expect(
                try await client.upload(
                    "tiny", Data("year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,1\n".utf8)
                ).status == .created)
            #expect(try await client.get("/api/v1/concentration?dataset=tiny").status == .ok)
            let removed = try await client.execute(
                uri: "/api/v1/datasets/tiny", method: .delete, headers: TestServer.bearer)
            #expect(removed.status == .ok)
            #expect(try removed.json()["removed"] as? String == "tiny")
            #expect(try await client.get("/api/v1/datasets/tiny").status == .notFound)
            #expect(try await client.get("/api/v1/concentration?dataset=tiny").status == .notFound)
            #expect(
                try await client.execute(uri: "/api/v1/datasets/tiny", method: .delete, headers: TestServer.bearer)
                    .status == .notFound)
            #expect(
                try await client.execute(
                    uri: "/api/v1/datasets/nl-letter-2021", method: .delete, headers: TestServer.bearer
                ).status == .conflict)
        }
    }

    @Test(
        "upload names and formats are validated",
        arguments: ["name=", "name=../etc", "name=a%20b", "name=ok&format=xls", "name=ok&strict=maybe"])
    func uploadParameters(query: String) async throws {
        try await TestServer.run { client in
            let response = try await client.execute(
                uri: "/api/v1/datasets?\(query)", method: .post, headers: TestServer.bearer,
                body: ByteBuffer(string: "x"))
            #expect(response.status == .badRequest, "\(query): \(response.text)")
            #expect(try response.json()["error"] as? String == "bad_parameter")
        }
    }

    @Test("uploading under the built-in dataset's name is a conflict (409), not a bad parameter")
    func uploadOverBuiltIn() async throws {
        try await TestServer.run { client in
            let response = try await client.execute(
                uri: "/api/v1/datasets?name=nl-letter-2021", method: .post, headers: TestServer.bearer,
                body: ByteBuffer(string: "x"))
            #expect(response.status == .conflict)
            #expect(try response.json()["error"] as? String == "built_in_dataset")
        }
    }
}
