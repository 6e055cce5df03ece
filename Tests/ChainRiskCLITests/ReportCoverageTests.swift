import Foundation
import Testing

/// A report says what its data covers and draws sector conclusions only where the data can carry them (issue 24).
@Suite("report: coverage first, no data is not zero, no conclusions from partial data")
struct ReportCoverageTests {
    static let eu27 =
        CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"

    static func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("39 German wood, paper and furniture imports: coverage stated, 'no data' sectors, no ranks or options")
    func partialData() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["import", Self.eu27, "--name", "eu27"]).status == 0)
        let result = try cli.run(["report", "--imports", "eu27", "--reporter", "DEU", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.json(result)
        // DEU 2022 in the file: 39 HS codes (4401…4421, 4701…470693, 48, 49, 9401…940610) in chapters 44, 47, 48,
        // 49 and 94, imports only (counted with Python's csv module over the same file).
        let coverage = try #require(json["coverage"] as? [String: Any])
        let imports = try #require(coverage["imports"] as? [String: Any])
        #expect(imports["products"] as? Int == 39)
        #expect(imports["hs_chapters"] as? Int == 5)
        #expect(imports["levels"] as? [Int] == [2, 4, 6])
        #expect(coverage["exports"] is NSNull)
        #expect(coverage["flows"] as? [String] == ["import"])
        #expect(coverage["sufficient_for_sectors"] as? Bool == false)
        #expect(json["sector_conclusions"] as? Bool == false)
        #expect((json["sectors_of_particular_importance"] as? [Any])?.isEmpty == true)
        #expect((json["policy_options"] as? [Any])?.isEmpty == true)
        let sectors = try #require(json["table2_sectors"] as? [[String: Any]])
        let petroleum = try #require(sectors.first { ($0["sector"] as? String) == "Petroleum industry" })
        #expect(petroleum["imports"] is NSNull, "no product of the petroleum industry in the data: no data, not 0")
        #expect(sectors.allSatisfy { $0["exports_own_make"] is NSNull }, "the data holds no exports")
        let wood = try #require(sectors.first { ($0["sector"] as? String) == "Wood products" })
        #expect((wood["imports"] as? Double ?? 0) > 0)

        let markdown = try cli.run(["report", "--imports", "eu27", "--reporter", "DEU"])
        let context = try #require(markdown.stdout.range(of: "## Context"))
        let events = try #require(markdown.stdout.range(of: "## Causes and events of disruption"))
        let top = markdown.stdout[context.upperBound..<events.lowerBound]
        #expect(top.contains("Coverage: the data holds Germany's imports of 39 HS products"))
        #expect(top.contains("in 5 of 96 HS chapters"))
        #expect(top.contains("chainrisk fetch comtrade --reporter DEU --year 2022 --flow export"))
        #expect(
            markdown.stdout.contains("| Petroleum industry | 2 | 4 | 7 | 5 | 8 | 13 | no data | no data | no data |"))
        #expect(!markdown.stdout.contains("Highest priority"))
        // Words for a person, codes for a program: Table 4's largest row, 48 (HHI 0.077, Poland 11.8 %).
        #expect(markdown.stdout.contains("| 0.077 | not concentrated | Poland (POL) | 0.118 |"), "\(markdown.stdout)")
        let table4 = try #require(json["table4"] as? [[String: Any]])
        #expect(table4.first?["class"] as? String == "not_concentrated")
        #expect(table4.first?["top_supplier"] as? String == "POL")
        #expect(
            markdown.stdout.contains(
                "None: no product of the data is highly concentrated with imports above 263 mln USD, so Table 5 has no rows"
            ))
        #expect(!markdown.stdout.contains("Public or private stockpiles"))

        let dutch = try cli.run(["report", "--imports", "eu27", "--reporter", "DEU", "--lang", "nl"])
        #expect(dutch.stdout.contains("Dekking: de data bevat de invoer van Duitsland van 39 HS-producten"))
        #expect(dutch.stdout.contains("| geen data |"))
    }

    /// German imports and exports in every HS chapter: the rule passes and the sector sections are filled.
    @Test("with imports and exports in all 96 HS chapters the same report ranks sectors and derives options")
    func completeData() throws {
        let cli = CLIRunner()
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("deu-all-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var csv = "year,reporter,partner,product,flow,value\n"
        let chapters = (1...97).filter { $0 != 77 }.map { $0 < 10 ? "0\($0)" : "\($0)" }
        for (index, chapter) in chapters.enumerated() {
            for (partner, share) in [("CHN", 6), ("FRA", 3), ("USA", 1)] {
                csv += "2022,DEU,\(partner),\(chapter),import,\((index + 1) * share * 1_000_000)\n"
            }
            csv += "2022,DEU,FRA,\(chapter),export,\((index + 1) * 2_000_000)\n"
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", file.path, "--name", "all"]).status == 0)
        let result = try cli.run(["report", "--imports", "all", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.json(result)
        let coverage = try #require(json["coverage"] as? [String: Any])
        #expect((coverage["imports"] as? [String: Any])?["hs_chapters"] as? Int == 96)
        #expect((coverage["exports"] as? [String: Any])?["hs_chapters"] as? Int == 96)
        #expect(coverage["sufficient_for_sectors"] as? Bool == true)
        #expect(json["sector_conclusions"] as? Bool == true)
        #expect((json["sectors_of_particular_importance"] as? [Any])?.count == 5)
        #expect((json["policy_options"] as? [Any])?.isEmpty == false)
        let sectors = try #require(json["table2_sectors"] as? [[String: Any]])
        #expect(sectors.allSatisfy { $0["imports"] is Double && $0["exports_own_make"] is Double })
        // The sensitivity ranks are McKinsey's for Dutch industries: no German priority or option rests on them.
        #expect(json["sensitivity_ranks_apply"] as? Bool == false)
        #expect((json["priority_matrix"] as? [Any])?.isEmpty == true)
        let options = try #require(json["policy_options"] as? [[String: Any]])
        let keys = options.flatMap { ($0["figures"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String } }
        #expect(!keys.isEmpty && !keys.contains { $0.hasPrefix("rank_") }, "\(Set(keys))")
        let markdown = try cli.run(["report", "--imports", "all"]).stdout
        #expect(markdown.contains("No priority is set: the sensitivity ranks above describe Dutch industries"))
        #expect(!markdown.contains("orange on:"), "no band named for Germany from Dutch ranks")
    }

    @Test("a Dutch report on USD data says Tables 4 and 5 are in USD beside the letter's EUR, and adds nothing across")
    func units() throws {
        let cli = CLIRunner()
        let file =
            CLIRunner.sharedData
            + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        #expect(try cli.run(["import", file, "--name", "nl"]).status == 0)
        let result = try cli.run(["report", "--imports", "nl"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Units: Tables 4 and 5 are in USD, the data's currency; Table 2's trade is the letter's, in EUR mln."))
        #expect(result.stdout.contains("- units: imports USD"))
    }

    @Test("a dataset whose rows are partly USD and partly EUR is refused naming both units (65), not ranked together")
    func mixedCurrencies() throws {
        let cli = CLIRunner()
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mixed-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        year,reporter,partner,product,flow,value,classification,unit
        2022,DEU,CHN,4418,import,100,HS,USD
        2022,DEU,POL,4407,import,200,HS,EUR

        """.write(to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["import", file.path, "--name", "mixed"]).status == 0)
        let result = try cli.run(["report", "--imports", "mixed"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("the data mixes units (EUR and USD)"), "\(result.stderr)")
    }

    @Test(
        "Table 5's EUR 250 mln floor on USD data: converted at the year's ECB average, stated; overridable; refused without a rate"
    )
    func floorConversion() throws {
        let cli = CLIRunner()
        let file =
            CLIRunner.sharedData
            + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        #expect(try cli.run(["import", file, "--name", "nl"]).status == 0)
        // The data's latest year is 2022; ECB eurofxref-hist.csv's 257 daily USD rates of 2022 average 1.0530
        // (python3: mean of the USD column over 2022 rows), so EUR 250 mln = USD 263.25 mln.
        let bundled = try cli.run(["report", "--imports", "nl"])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        #expect(
            bundled.stdout.contains(
                "- table5_floor_conversion: EUR 250 mln = USD 263.25 mln at 1.0530 USD per EUR, the 2022 average (ECB euro reference rates, annual average of daily rates, bundled)"
            ), "\(bundled.stdout.suffix(1500))")
        #expect(bundled.stdout.contains("- table5_min_value: 263250000.0"))
        #expect(bundled.stdout.contains("Highly concentrated imports above 263 mln USD"))

        let rates = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rates-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: rates) }
        try "year,usd_per_eur\n2021,1.1\n2022,1.2\n".write(to: rates, atomically: true, encoding: .utf8)
        let own = try cli.run(["report", "--imports", "nl", "--exchange-rates", rates.path])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stdout.contains("EUR 250 mln = USD 300.00 mln at 1.2000 USD per EUR, the 2022 average (rates-"))
        #expect(own.stdout.contains("- table5_min_value: 300000000.0"))
        #expect(own.stdout.contains(rates.lastPathComponent + " sha256 "), "the rate table is an input")

        let given = try cli.run(["report", "--imports", "nl", "--min-value", "1e8"])
        #expect(given.stdout.contains("- table5_min_value: 100000000.0"))
        #expect(!given.stdout.contains("table5_floor_conversion"))

        try "year,usd_per_eur\n2021,1.1\n".write(to: rates, atomically: true, encoding: .utf8)
        let missing = try cli.run(["report", "--imports", "nl", "--exchange-rates", rates.path])
        #expect(missing.status == 64)
        #expect(
            missing.stderr.contains(
                "the import data is in USD for 2022, for which \(rates.lastPathComponent) has no EUR→USD rate"),
            "\(missing.stderr)")
    }
}
