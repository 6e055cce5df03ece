import ChainRiskCore
import ChainRiskTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every dashboard page, for the letter, Germany (Comtrade extract) and Japan (BACI), in English and Dutch: charts
/// whose labels neither overprint nor leave the chart, no raw class codes, and Dutch pages without English UI text.
@Suite("dashboard pages throughout: charts, words not codes, Dutch")
struct DashboardThroughoutTests {
    /// Every English product description (HS 2022 and the earlier editions' own texts).
    static let descriptions: [String] = {
        let hs = ClassificationHierarchy.hs2022
        let editions = HSEditionNames.bundled
        var texts = Set(hs.codes.compactMap { hs.description(of: $0) })
        for edition in editions.editions { texts.formUnion(editions.names(in: edition).values) }
        return texts.sorted()
    }()

    /// True for a name: a product description, whole or a chart line of it, or a country named alike in Dutch.
    static func isName(_ text: String) -> Bool {
        if let match = text.firstMatch(of: /^(.+) \(([A-Z]{3})\)$/) {
            guard let code = CountryCode(rawValue: String(match.2)) else { return false }
            return CountryTable.shared.country(code)?.nameNL == String(match.1)
        }
        return descriptions.contains { $0.contains(text) }
    }

    /// The pages of one dataset view, with the first product page its product list links to.
    static func paths(_ client: any TestClientProtocol, query: String) async throws -> [String] {
        let separator = query.isEmpty ? "" : "?" + query
        var paths = ["/", "/sectors", "/products", "/events", "/scenario", "/datasets"].map { $0 + separator }
        // The navigation carries dataset and reporter from page to page.
        let overview = try await client.get("/" + separator).text
        if !query.isEmpty {
            #expect(overview.contains("href=\"/sectors?" + query.replacingOccurrences(of: "&", with: "&amp;") + "\""))
        }
        // A scenario run: its results, notes and chart (the table's default reporter, the Netherlands).
        paths.append("/scenario?region=CHN&weeks=8&share=50" + (query.isEmpty ? "" : "&" + query))
        let products = try await client.get("/products" + separator).text
        if let link = products.firstMatch(of: /href="(\/products\/[^"?]+)(\?[^"]*)?"/) {
            paths.append(String(link.1) + separator)
        }
        return paths
    }

    @Test("letter, DEU and JPN: every page in both languages")
    func pages() async throws {
        let eu27 = try Data(
            contentsOf: URL(
                fileURLWithPath: TestServer.sharedData
                    + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"))
        let baci = try Data(
            contentsOf: URL(
                fileURLWithPath: TestServer.sharedData + "/baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv"))
        try await TestServer.run(TestServer.configuration(inputOutput: try TestServer.nld11())) { client in
            #expect(try await client.upload("eu27", eu27, extra: "&filename=eu27.csv.gz").status == .created)
            #expect(try await client.upload("baci", baci, extra: "&filename=baci.csv").status == .created)
            var checked = 0
            for query in ["", "dataset=eu27&reporter=DEU", "dataset=baci&reporter=JPN"] {
                for path in try await Self.paths(client, query: query) {
                    let english = try await client.get(path)
                    let dutch = try await client.get(path + (path.contains("?") ? "&" : "?") + "lang=nl")
                    #expect(english.status == .ok && dutch.status == .ok, "\(path): \(english.text.prefix(300))")
                    for (language, page) in [("en", english.text), ("nl", dutch.text)] {
                        let problems = ChartLabelCheck.problems(page)
                        #expect(problems.isEmpty, "\(path) \(language): \(problems.prefix(8))")
                        let codes = PageText.rawClassCodes(page)
                        #expect(codes.isEmpty, "\(path) \(language): \(codes.prefix(5))")
                    }
                    // English words inside otherwise Dutch text (a unit in a Dutch title).
                    let mixed = PageText.textNodes(dutch.text).filter { node in
                        !Self.isName(node) && node.firstMatch(of: /\b(million|thousand|days|weeks|annual)\b/) != nil
                    }
                    #expect(mixed.isEmpty, "\(path): \(mixed.sorted().prefix(5))")
                    let left = PageText.untranslated(english: english.text, dutch: dutch.text, isName: Self.isName)
                    #expect(left.isEmpty, "\(path): \(left.prefix(12))")
                    checked += 1
                }
            }
            #expect(checked == 24)
        }
    }
}
