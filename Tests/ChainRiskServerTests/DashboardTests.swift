import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Dashboard pages")
struct DashboardTests {
    @Test(
        "every page answers in English and Dutch, with navigation, the language switch and no external assets",
        arguments: [
            ("/", "Vulnerability of Dutch business", "Kwetsbaarheid van het Nederlandse bedrijfsleven"),
            ("/sectors", "Sector vulnerability", "Kwetsbaarheid per sector"),
            ("/products", "Products", "Producten"),
            ("/products/3", "Natural gas", "Aardgas"),
            ("/events", "Causes and events of disruption", "Oorzaken en gebeurtenissen"),
            ("/scenario", "Disruption scenario", "Verstoringsscenario"),
            ("/datasets", "Datasets", "Datasets"),
        ])
    func pages(path: String, english: String, dutch: String) async throws {
        try await TestServer.run { client in
            let page = try await client.get(path)
            #expect(page.status == .ok, "\(path): \(page.text.prefix(300))")
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(page.text.contains("<h1>\(english)"), "\(path)")
            #expect(page.text.contains("id=\"lang-switch\""))
            #expect(!page.text.contains("src=\"http") && !page.text.contains("href=\"http"))
            let separator = path.contains("?") ? "&" : "?"
            let nl = try await client.get(path + separator + "lang=nl")
            #expect(nl.status == .ok)
            #expect(nl.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
            #expect(nl.text.contains("<h1>\(dutch)"), "\(path)")
        }
    }

    @Test("the overview names the key findings: five sectors, three of the ten largest imports highly concentrated")
    func overview() async throws {
        try await TestServer.run { client in
            let text = try await client.get("/").text
            // letter_table4_top10_imports.csv: natural gas, machinery n.e.s. and aircraft are "hoog geconcentreerd".
            #expect(text.contains("3 of the 10 largest imported products are highly concentrated"))
            #expect(text.contains("<svg"))
            #expect(text.contains("/api/v1/report?format=html"))
        }
    }

    @Test(
        "the product table lists the letter's 18 products (Tables 4 and 5, natural gas in both) with sortable headers")
    func productTable() async throws {
        try await TestServer.run { client in
            let text = try await client.get("/products").text
            #expect(text.components(separatedBy: "<tr data-class=").count - 1 == 18)
            #expect(text.contains("<table id=\"products\" class=\"sortable\">"))
            #expect(text.contains("<th scope=\"col\" class=\"num\"><button type=\"button\">HHI</button></th>"))
            #expect(text.contains("<label>Search product <input type=\"search\" name=\"q\""))
            // Without JavaScript the form filters on the server: 11 highly concentrated (3 in Table 4, 8 more in Table 5).
            let high = try await client.get("/products?class=highly_concentrated").text
            #expect(high.components(separatedBy: "<tr data-class=\"highly_concentrated\"").count - 1 == 11)
            #expect(!high.contains("<tr data-class=\"not_concentrated\""))
        }
    }

    @Test("text from the request is escaped, never echoed as markup")
    func escaping() async throws {
        try await TestServer.run { client in
            let text = try await client.get("/products?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").text
            #expect(text.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
            #expect(!text.contains("<script>alert(1)"))
        }
    }

    @Test("bad parameters and unknown products are HTML error pages with their status")
    func errors() async throws {
        try await TestServer.run { client in
            let bad = try await client.get("/products?year=soon&dataset=x")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("role=\"alert\""))
            #expect(try await client.get("/products/404").status == .notFound)
            #expect(try await client.get("/nowhere").status == .notFound)
            #expect(try await client.get("/sectors?colour=red").status == .badRequest)
        }
    }

    @Test("the datasets page offers the upload form with a labelled password field, and says when writes are disabled")
    func datasetsPage() async throws {
        try await TestServer.run(TestServer.configuration(token: nil)) { client in
            let text = try await client.get("/datasets").text
            #expect(text.contains("<form class=\"upload\""))
            #expect(text.contains("<label>Token <input type=\"password\" name=\"token\""))
            #expect(text.contains("Uploads are disabled"))
        }
    }
}
