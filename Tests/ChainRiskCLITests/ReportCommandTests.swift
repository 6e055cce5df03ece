import Foundation
import Testing

@Suite("chainrisk report and --version, end to end")
struct ReportCommandTests {
    @Test("--version prints the version")
    func version() throws {
        let result = try CLIRunner().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("report prints every section in the letter's order, byte-identical across runs")
    func reportEnglish() throws {
        let cli = CLIRunner()
        let first = try cli.run(["report"])
        #expect(first.status == 0, "\(first.stderr)")
        let headings = [
            "## Context", "## Causes and events of disruption", "## Sector vulnerability",
            "## Origin of inputs used for exports",
            "## Import concentration and world-market alternatives", "## Caveats", "## Policy options",
            "## Differences from the letter", "## Provenance",
        ]
        let positions = headings.compactMap { first.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == headings.count)
        #expect(positions == positions.sorted())
        #expect(first.stdout.contains("| Petroleum industry | 2 | 4 | 7 | 5 | 8 | 13 | 24,509 | 20,585 | 45,094 |"))
        // Imports + exports of own make 2018 (EUR mln): food 60,442, chemicals 50,392, petroleum 45,094,
        // electrotechnical 38,730, machinery 29,692 — the five largest of Table 2.
        #expect(
            first.stdout.contains(
                "- Food, beverages and tobacco — imports + exports EUR 60,442 mln; orange on: Flood 5"))
        #expect(first.stdout.contains("- Machinery — imports + exports EUR 29,692 mln; orange on: Trade dispute 4"))
        #expect(
            first.stdout.contains(
                "| Coal (not agglomerated) | Public or private stockpiles | Government | Concentrated imports and a concentrated world market |"
            ))
        #expect(first.stdout.contains("Machinery and appliances n.e.s."))
        #expect(try cli.run(["report"]).stdout == first.stdout)
    }

    @Test("report --lang nl uses Dutch labels and sector names")
    func reportDutch() throws {
        let result = try CLIRunner().run(["report", "--lang", "nl"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("## Kwetsbaarheid per sector"))
        #expect(result.stdout.contains("| Aardolie-industrie | 2 | 4 | 7 | 5 | 8 | 13 |"))
        #expect(result.stdout.contains("## Handelingsperspectieven"))
    }

    @Test("report --format json carries the letter's numbers with stable keys")
    func reportJSON() throws {
        let result = try CLIRunner().run(["report", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["table2_sectors"] as? [Any])?.count == 17)
        let top = try #require(json["sectors_of_particular_importance"] as? [[String: Any]])
        #expect(
            top.compactMap { $0["sector"] as? String } == [
                "food-beverages-and-tobacco", "chemicals", "petroleum-industry",
                "computer-electronic-and-optical-products", "machinery",
            ])
        #expect((json["table4"] as? [Any])?.count == 10)
        #expect((json["table5"] as? [Any])?.count == 9)
        let differences = try #require(json["differences_from_letter"] as? [[String: Any]])
        #expect(differences.contains { ($0["text"] as? String ?? "").contains("Machinery and appliances n.e.s.") })
        let options = try #require(json["policy_options"] as? [[String: Any]])
        #expect(
            options.contains {
                $0["subject_name"] as? String == "Natural gas"
                    && $0["rule"] as? String == "product-concentrated-alternatives"
            })
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
            String($0.split(separator: "\"")[1])
        }
        #expect(keys == keys.sorted())
    }

    @Test("report --format html is one self-contained, well-formed page with inline SVG charts")
    func reportHTML() throws {
        let result = try CLIRunner().run(["report", "--format", "html"])
        #expect(result.status == 0)
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(html.contains("class=\"num band-orange\">1</td>") || html.contains("band-orange"))
        #expect(HTMLStructure.unbalancedTags(in: html).isEmpty)
    }

    @Test("report --imports computes Tables 4 and 5 from a stored Comtrade dataset, and options cite its numbers")
    func reportFromData() throws {
        let cli = CLIRunner()
        #expect(
            try cli.run([
                "import",
                CLIRunner.sharedData
                    + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv", "--name", "nl",
            ]).status == 0)
        let result = try cli.run(["report", "--imports", "nl", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["concentration_source"] as? String == "computed")
        #expect(json["concentration_year"] as? Int == 2022)
        let table4 = try #require(json["table4"] as? [[String: Any]])
        #expect(table4.count == 10)
        #expect(table4.first?["product"] as? String == "48")
        let table5 = try #require(json["table5"] as? [[String: Any]])
        // 2022, highly concentrated and above 250e6 USD: 4401 fuel wood (HHI 0.354, 574 mln) and 940340 kitchen
        // furniture (HHI 0.694, 643 mln), from `chainrisk concentration --class high --min-value 250e6`.
        #expect(table5.compactMap { $0["product"] as? String }.sorted() == ["4401", "940340"])
        let options = try #require(json["policy_options"] as? [[String: Any]])
        #expect(
            options.contains {
                ($0["subject_name"] as? String ?? "").hasPrefix("4401")
                    && ($0["evidence"] as? String ?? "").contains("0.354")
            })
    }
}

/// A minimal well-formedness check: every non-void tag is closed in order.
enum HTMLStructure {
    static let voidElements: Set<String> = [
        "meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source", "wbr",
    ]

    static func unbalancedTags(in html: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            guard let close = html[open...].firstIndex(of: ">") else {
                problems.append("unclosed <")
                break
            }
            let tag = html[html.index(after: open)..<close]
            index = html.index(after: close)
            if tag.hasPrefix("!") { continue }
            let selfClosing = tag.hasSuffix("/")
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if tag.hasPrefix("/") {
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "")>")
                }
            } else if !selfClosing && !voidElements.contains(name) {
                stack.append(name)
            }
        }
        return problems + stack.map { "<\($0)> never closed" }
    }
}

@Suite("report --output")
struct ReportOutputTests {
    @Test("report --output F writes the same bytes as standard output and says so in one line on standard error")
    func writesAndSays() throws {
        let cli = CLIRunner()
        let path = NSTemporaryDirectory() + "chainrisk-report-\(UUID().uuidString).md"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = try cli.run(["report", "--output", path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        let lines = written.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("chainrisk: wrote \(path) (") == true, "\(written.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == cli.run(["report"]).stdout)
    }
}

@Suite("report: the policy section reads as a brief")
struct PolicyBriefTests {
    @Test(
        "the Markdown policy section has at most 40 table rows and names every option that applies; the appendix keeps every rule and product"
    )
    func brief() throws {
        let cli = CLIRunner()
        let markdown = try cli.run(["report"]).stdout
        let section = try #require(
            markdown.components(separatedBy: "\n## Policy options\n").dropFirst().first?.components(
                separatedBy: "\n## "
            ).first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Option") }
        #expect(rows.count <= 40 && rows.count >= 5)
        let options = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run(["options", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let all = try #require(
            options.values.compactMap { $0 as? [[String: Any]] }.first { $0.first?["option"] != nil })
        let names = Set(all.compactMap { $0["option"] as? String })
        #expect(names.count >= 5)
        for name in names { #expect(section.contains("| \(name) |"), "the brief does not name '\(name)'") }
        let appendix = try #require(
            markdown.components(separatedBy: "\n## Appendix: policy options by product and rule\n").dropFirst().first)
        #expect(appendix.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == all.count + 1)
    }
}

@Suite("report --format html: charts a designer would pass")
struct ReportChartTests {
    struct TextBox {
        let text: String
        let minX, minY, maxX, maxY: Double
    }

    /// The point labels of the page's scatter charts as boxes (0.6 em a character, ascent 0.8 em, descent 0.25 em).
    static func pointLabels(_ html: String) throws -> [TextBox] {
        let pattern = try NSRegularExpression(
            pattern:
                #"<text class="point-label" x="([0-9.]+)" y="([0-9.]+)" text-anchor="(start|middle|end)" font-size="([0-9.]+)">([^<]*)</text>"#
        )
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            func group(_ index: Int) -> String {
                Range(match.range(at: index), in: html).map { String(html[$0]) } ?? ""
            }
            guard let x = Double(group(1)), let y = Double(group(2)), let size = Double(group(4)) else { return nil }
            let text = group(5).replacingOccurrences(of: "&amp;", with: "&")
            let width = Double(text.count) * 0.6 * size
            let minX = group(3) == "start" ? x : group(3) == "end" ? x - width : x - width / 2
            return TextBox(text: text, minX: minX, minY: y - 0.8 * size, maxX: minX + width, maxY: y + 0.25 * size)
        }
    }

    @Test(
        "no two point labels of the HHI scatter overlap, in English and Dutch, letter and mrio reports; axes read 100 mln, 1 bn (1 mld)"
    )
    func labelsAndAxes() throws {
        let cli = CLIRunner()
        for arguments in [["report", "--format", "html"], ["report", "--format", "html", "--lang", "nl"]] {
            let html = try cli.run(arguments).stdout
            let boxes = try Self.pointLabels(html)
            #expect(boxes.count >= 15, "\(arguments): \(boxes.count) labels")
            for (index, a) in boxes.enumerated() {
                for b in boxes[(index + 1)...] {
                    let overlap = a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
                    #expect(!overlap, "\(arguments): '\(a.text)' overlaps '\(b.text)'")
                }
            }
            #expect(!html.contains(">1e"), "an axis still reads 1e…")
            #expect(html.contains(arguments.contains("nl") ? ">1 mld<" : ">1 bn<") && html.contains(">100 mln<"))
            #expect(
                html.contains(#"width="100%""#) && !html.contains("…</text>"),
                "charts are full width and names are not cut")
        }
    }
}

@Suite("report: the provenance nests")
struct ProvenanceOutlineTests {
    @Test("each input's files are a list under it, in Markdown and HTML")
    func nests() throws {
        let cli = CLIRunner()
        let markdown = try cli.run(["report"]).stdout
        #expect(markdown.contains("- builtin nl-letter-2021\n  - nl-letter-2021/letter_table1_events.csv sha256 "))
        let html = try cli.run(["report", "--format", "html"]).stdout
        #expect(html.contains("<li>builtin nl-letter-2021\n<ul>\n<li>nl-letter-2021/letter_table1_events.csv sha256 "))
    }
}
