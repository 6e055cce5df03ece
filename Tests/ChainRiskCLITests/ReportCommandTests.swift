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

    @Test("report prints Table 2 and the five sectors of particular importance, byte-identical across runs")
    func reportEnglish() throws {
        let cli = CLIRunner()
        let first = try cli.run(["report"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Table 2."))
        // Imports + exports of own make 2018 (EUR mln): petroleum 45,094, food 60,442, chemicals 50,392,
        // electrotechnical 38,730, machinery 29,692 — the five largest of Table 2.
        #expect(first.stdout.contains("Sectors of particular importance (largest imports + exports of own make): Food, beverages and tobacco; Chemicals; Petroleum industry; Computer electronic and optical products; Machinery."))
        #expect(first.stdout.contains("| Petroleum industry | 2 | 4 | 7 | 5 | 8 | 13 | 24,509 | 20,585 | 45,094 |"))
        let second = try cli.run(["report"])
        #expect(second.stdout == first.stdout)
    }

    @Test("report --lang nl uses Dutch labels and sector names")
    func reportDutch() throws {
        let result = try CLIRunner().run(["report", "--lang", "nl"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Tabel 2."))
        #expect(result.stdout.contains("| Aardolie-industrie |"))
    }

    @Test("report --format json has sorted keys and the letter's tables")
    func reportJSON() throws {
        let result = try CLIRunner().run(["report", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sectors = try #require(json["table2_sectors"] as? [[String: Any]])
        #expect(sectors.count == 17)
        let top = try #require(json["sectors_of_particular_importance"] as? [String])
        #expect(top == ["food-beverages-and-tobacco", "chemicals", "petroleum-industry", "computer-electronic-and-optical-products", "machinery"])
        #expect((json["table4_top_imports"] as? [Any])?.count == 10)
        #expect((json["table5_high_concentration"] as? [Any])?.count == 9)
    }
}
