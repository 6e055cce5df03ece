import ChainRiskTestSupport
import Foundation
import Testing

/// A Dutch report is Dutch throughout: no text of the English report appears in the Dutch one, beyond names (HS
/// product descriptions, which exist in English only, and country names spelled alike) and codes or commands.
@Suite("--lang nl: no English UI text in the HTML report")
struct DutchThroughoutTests {
    /// The product names of the report's Table 4 (`code description`, as the HTML shows them).
    static func productNames(_ cli: CLIRunner, _ arguments: [String]) throws -> [String] {
        let json = try cli.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = object["table4"] as? [[String: Any]] ?? []
        return rows.flatMap { row -> [String] in
            let code = row["product"] as? String ?? ""
            let name = row["product_name"] as? String ?? ""
            return [name, "\(code) \(name)"].filter { !$0.isEmpty }
        }
    }

    @Test("the built-in report and Germany's report from the EU27 extract: the Dutch HTML repeats no English text")
    func dutchHTML() throws {
        let cli = CLIRunner()
        let eu27 =
            CLIRunner.sharedData
            + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"
        #expect(try cli.run(["import", eu27, "--name", "eu27"]).status == 0)
        for arguments in [["report"], ["report", "--imports", "eu27", "--reporter", "DEU"]] {
            let english = try cli.run(arguments + ["--format", "html"])
            let dutch = try cli.run(arguments + ["--format", "html", "--lang", "nl"])
            #expect(english.status == 0 && dutch.status == 0, "\(dutch.stderr)")
            let names = try Self.productNames(cli, arguments)
            let left = PageText.untranslated(english: english.stdout, dutch: dutch.stdout) { core in
                names.contains { $0.contains(core) || core.contains($0) }
            }
            #expect(left.isEmpty, "\(arguments): \(left)")
            let mixed = PageText.textNodes(dutch.stdout).filter { node in
                node.firstMatch(of: /\b(million|thousand|days|weeks|annual)\b/) != nil
                    && !names.contains { node.contains($0) }
            }
            #expect(mixed.isEmpty, "\(arguments): English words in Dutch text: \(mixed.sorted().prefix(5))")
        }
    }
}
