import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("API and dashboard for a dataset of several reporters")
struct ReporterAPITests {
    /// DEU buys 4407 from FRA (60) and POL (40): HHI 0.52; NLD buys 4407 from BEL only.
    static let flows = Data(
        """
        year,reporter,partner,product,flow,value,unit,classification
        2022,DEU,FRA,4407,import,60,USD,HS
        2022,DEU,POL,4407,import,40,USD,HS
        2022,NLD,BEL,4407,import,25,USD,HS
        """.utf8)

    @Test("the report needs a reporter and names it; products and overview show one reporter, NLD by default")
    func reporters() async throws {
        try await TestServer.run { client in
            #expect(try await client.upload("two", Self.flows, extra: "&filename=two.csv").status == .created)
            let refused = try await client.get("/api/v1/report?imports=two")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("holds the imports of 2 reporters (DEU, NLD)"))
            let german = try await client.get("/api/v1/report?imports=two&reporter=DEU")
            #expect(german.status == .ok, "\(german.text.prefix(300))")
            let json = try german.json()
            #expect(
                json["title"] as? String == "Vulnerability of business in Germany to disruptions in global value chains"
            )
            let row = try #require((json["table4"] as? [[String: Any]])?.first)
            #expect(row["reporter"] as? String == "DEU" && row["level"] as? Double == 4)
            #expect(abs((row["hhi"] as? Double ?? 0) - 0.52) < 1e-12)
            // A reporter the data holds nothing for: an empty selection, bad data on both faces (CLI 65, HTTP 422).
            let absent = try await client.get("/api/v1/report?imports=two&reporter=USA")
            let code = try absent.json()["error"] as? String
            #expect(absent.status == .unprocessableContent && code == "empty_selection", "\(absent.text)")
            let products = try await client.get("/products?dataset=two")
            #expect(products.status == .ok)
            #expect(products.text.contains("NLD, 2022") && products.text.contains("<select name=\"reporter\">"))
            let germanProducts = try await client.get("/products?dataset=two&reporter=DEU")
            #expect(germanProducts.text.contains("DEU, 2022") && germanProducts.text.contains("reporter=DEU"))
            let overview = try await client.get("/?dataset=two&reporter=DEU")
            #expect(overview.status == .ok)
            #expect(overview.text.contains("<option value=\"DEU\" selected>DEU</option>"))
            #expect(overview.text.contains("Vulnerability of business in Germany"))
            // One product in one chapter: the overview states the coverage and draws no sector finding from it.
            #expect(
                overview.text.contains("Coverage: the data holds Germany&#39;s imports of 1 HS product (")
                    || overview.text.contains("Coverage: the data holds Germany's imports of 1 HS product ("),
                "\(overview.text)")
            #expect(overview.text.contains("No sector is ranked and no priority or policy option is derived"))
            #expect(!overview.text.contains("Sectors of particular importance (largest imports + exports): "))
            #expect(
                overview.text.contains("imports=two&amp;reporter=DEU")
                    || overview.text.contains("imports=two&reporter=DEU"))
        }
    }
}
