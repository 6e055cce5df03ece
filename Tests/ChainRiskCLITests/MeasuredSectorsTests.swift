import Foundation
import Testing

/// `report --mrio`: Table 2 measured from the input-output table, for the Netherlands and for any other reporter.
@Suite("report --mrio: sectors measured — foreign inputs, origin concentration, hidden exposure, exports")
struct MeasuredSectorsTests {
    static func json(_ arguments: [String], cli: CLIRunner = CLIRunner()) throws -> [String: Any] {
        let result = try cli.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("nld11, textiles (WIOD c4 + c5 by gross output): every figure equals numpy's")
    func netherlands() throws {
        let report = try Self.json(["report", "--mrio", CLIRunner.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"])
        let rows = try #require(report["table2_measured"] as? [[String: Any]])
        #expect(rows.count == 17)
        let textiles = try #require(rows.first { $0["sector"] as? String == "textiles-apparel-leather-and-footwear" })
        #expect(textiles["industries"] as? [String] == ["c4", "c5"])
        // numpy (L − I and A of nld11, NLD c4 and c5 weighted by x; exports = Z and Y to other regions):
        let expected: [(String, Double)] = [
            ("foreign_input_share", 0.666397890651967), ("origin_hhi", 0.14541872282370744),
            ("largest_origin_share", 0.25871806315235046), ("largest_origin_direct_share", 0.21944444444444441),
            ("largest_origin_hidden_share", 0.7246224107461428), ("export_dependence", 0.9053890140356957),
        ]
        for (key, value) in expected {
            let got = try #require(textiles[key] as? Double, "\(key)")
            #expect(abs(got - value) < 1e-9, "\(key): \(got) vs numpy \(value)")
        }
        #expect(textiles["largest_origin"] as? String == "CHN")
        #expect(textiles["origin_class"] as? String == "not_concentrated")
        // WIOD's c9 is chemicals and pharmaceuticals at once: both get its figures and say so.
        let pharma = try #require(rows.first { $0["sector"] as? String == "pharmaceuticals" })
        #expect(pharma["shared"] as? Bool == true)
    }

    @Test("DEU from an ICIO 2023 table: Table 3 and the measured Table 2 are Germany's, the ranks said to be Dutch")
    func germany() throws {
        let cli = CLIRunner()
        let eu27 =
            CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"
        #expect(try cli.run(["import", eu27, "--name", "eu27"]).status == 0)
        let icio = CLIRunner.packageRoot.path + "/Tests/ChainRiskIngestTests/Fixtures/mrio_layouts/ICIO2023_2020.csv"
        let arguments = ["report", "--mrio", icio, "--imports", "eu27", "--reporter", "DEU"]
        let report = try Self.json(arguments, cli: cli)
        let origins = try #require(report["origins"] as? [String: Any])
        #expect(origins["status"] as? String == "computed")
        let rows = try #require(report["table2_measured"] as? [[String: Any]])
        // The fixture's industries A01_02 and C26 are in the letter's sectors; G46 (wholesale) in none.
        #expect(
            rows.compactMap { $0["sector"] as? String }.sorted() == [
                "agriculture-forestry-fishing", "computer-electronic-and-optical-products",
            ])
        let markdown = try cli.run(arguments + ["--format", "markdown"]).stdout
        #expect(
            markdown.contains(
                "Table 2's ranks above are McKinsey's for the Netherlands; these figures are measured for Germany"))
        // Wood, paper and furniture only: no sector conclusions, so no measured priority either.
        #expect((report["measured_priorities"] as? [Any])?.isEmpty == true)
    }

    @Test(
        "complete German trade with an ICIO table: priorities and sector options from measured ranks, none from Dutch")
    func germanPriorities() throws {
        let cli = CLIRunner()
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("deu-all-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var csv = "year,reporter,partner,product,flow,value\n"
        for (index, chapter) in (1...97).filter({ $0 != 77 }).enumerated() {
            let code = chapter < 10 ? "0\(chapter)" : "\(chapter)"
            csv += "2022,DEU,CHN,\(code),import,\((index + 1) * 1_000_000)\n"
            csv += "2022,DEU,FRA,\(code),export,\((index + 1) * 2_000_000)\n"
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", file.path, "--name", "all"]).status == 0)
        let icio = CLIRunner.packageRoot.path + "/Tests/ChainRiskIngestTests/Fixtures/mrio_layouts/ICIO2023_2020.csv"
        let report = try Self.json(["report", "--mrio", icio, "--imports", "all"], cli: cli)
        #expect(report["sensitivity_ranks_apply"] as? Bool == false)
        #expect((report["priority_matrix"] as? [Any])?.isEmpty == true)
        // Two sectors measured: the letter's bands scaled to 2 give rank 1 orange, rank 2 yellow.
        let rows = try #require(report["table2_measured"] as? [[String: Any]])
        let electronics = try #require(
            rows.first { $0["sector"] as? String == "computer-electronic-and-optical-products" })
        let ranks = try #require(electronics["ranks"] as? [String: [String: Any]])
        #expect(ranks["origin_concentration"]?["band"] as? String == "orange")
        let priorities = try #require(report["measured_priorities"] as? [[String: Any]])
        #expect(priorities.count == 8, "2 sectors × 4 measured factors")
        for priority in priorities {
            let sector = try #require(rows.first { $0["sector"] as? String == priority["sector"] as? String })
            let rank = (sector["ranks"] as? [String: [String: Any]])?[priority["factor"] as? String ?? ""]
            #expect(rank?["band"] as? String == priority["band"] as? String, "the priority's band is the table's")
        }
        let options = try #require(report["policy_options"] as? [[String: Any]])
        let keys = options.flatMap { ($0["figures"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String } }
        #expect(!keys.contains { $0.hasPrefix("rank_") }, "no Dutch rank behind a German option")
        let rules = Set(options.compactMap { $0["rule"] as? String })
        #expect(rules.contains("sector-measured-concentrated-origins"), "\(rules)")
        let markdown = try cli.run(["report", "--mrio", icio, "--imports", "all"]).stdout
        #expect(
            markdown.contains("Highest priority (sector of particular importance and orange band on a measured factor"))
    }
}
