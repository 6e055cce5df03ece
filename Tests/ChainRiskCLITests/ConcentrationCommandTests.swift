import Foundation
import Testing

@Suite("chainrisk concentration and world-market, end to end")
struct ConcentrationCommandTests {
    static let comtradeNL =
        CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
    static let worldHS4 = CLIRunner.sharedData + "/world_exports_oec/world_exports_by_country_hs4_2017.csv"
    static let worldReading = [
        "--input-format", "csv", "--map", "reporter=reporter_iso,product=product_code,value=export_value_usd",
        "--file-flow", "export", "--file-year", "2017", "--classification", "HS4",
    ]

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("NL fuel wood 2022 straight from the Comtrade file: HHI, suppliers, top supplier, unallocated value")
    func fuelWood() throws {
        let cli = CLIRunner()
        let result = try cli.run([
            "concentration", "--input", Self.comtradeNL, "--year", "2022", "--product", "4401", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        // python3 (csv + math.fsum): partners of 4401 in 2022 excluding _X/X1/E19/W00, S19 as TWN → 64 countries,
        // HHI 0.35421884085271105, USA 329,654,239.947 USD; all partners 574,271,628.082 USD.
        #expect(abs((row["hhi"] as? Double ?? 0) - 0.35421884085271105) < 1e-12)
        #expect(row["suppliers"] as? Int == 64)
        #expect(row["top_supplier"] as? String == "USA")
        #expect(abs((row["top_supplier_value"] as? Double ?? 0) - 329_654_239.947) < 1e-3)
        #expect(abs((row["total_value"] as? Double ?? 0) - 574_271_628.082) < 1e-3)
        #expect(abs((row["unallocated_value"] as? Double ?? 0) - (574_271_628.082 - 574_271_313.22)) < 1e-3)
        #expect(row["class"] as? String == "highly_concentrated")
        let thresholds = try #require(document["thresholds"] as? [String: Any])
        #expect(thresholds["preset"] as? String == "letter")
        #expect(thresholds["rule"] as? String == "[0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1] highly concentrated")
        let provenance = try #require(document["provenance"] as? [String: Any])
        let inputs = try #require(provenance["inputs"] as? [[String: Any]])
        let files = try #require(inputs.first?["files"] as? [[String: Any]])
        #expect(files.first?["sha256"] as? String == "b81396845349d370e636872f6b21af78a07d68a2296e349b788d49d7a27a5efd")
    }

    @Test("a stored dataset gives the same rows as the file, byte for byte, run after run")
    func storedEqualsFile() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["import", Self.comtradeNL, "--name", "nl"]).status == 0)
        let fromStore = try cli.run(["concentration", "--dataset", "nl", "--format", "csv", "--year", "all"])
        let fromFile = try cli.run(["concentration", "--input", Self.comtradeNL, "--format", "csv", "--year", "all"])
        #expect(fromStore.status == 0)
        #expect(fromStore.stdout == fromFile.stdout)
        #expect(
            try cli.run(["concentration", "--dataset", "nl", "--format", "csv", "--year", "all"]).stdout
                == fromStore.stdout)
        // 191 rows: python3 len({(r['refYear'], r['cmdCode']) for r in csv.DictReader(f)}) (39 products, not all
        // in every year), plus the header.
        #expect(fromStore.stdout.split(separator: "\n").count == 192)
        // Without --year: the latest year only, 2022's 39 products (python3: the cmdCodes of refYear 2022).
        let latest = try cli.run(["concentration", "--dataset", "nl", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(latest.count == 40 && latest.dropFirst().allSatisfy { $0.hasPrefix("NLD,2022,") })
    }

    @Test("--top 10 keeps the ten largest products per year; --class high --min-value filters like Table 5")
    func tableShapes() throws {
        let cli = CLIRunner()
        let top = try json(
            try cli.run([
                "concentration", "--input", Self.comtradeNL, "--top", "10", "--year", "all", "--format", "json",
            ]).stdout)
        #expect((top["rows"] as? [Any])?.count == 50)
        let latest = try json(
            try cli.run(["concentration", "--input", Self.comtradeNL, "--top", "10", "--format", "json"]).stdout)
        #expect((latest["rows"] as? [[String: Any]])?.map { $0["year"] as? Int } == Array(repeating: 2022, count: 10))
        let high = try json(
            try cli.run([
                "concentration", "--input", Self.comtradeNL, "--year", "2022", "--class", "high", "--min-value",
                "100e6", "--format", "json",
            ]).stdout)
        let rows = try #require(high["rows"] as? [[String: Any]])
        #expect(
            rows.allSatisfy {
                $0["class"] as? String == "highly_concentrated" && ($0["total_value"] as? Double ?? 0) > 100e6
            })
        #expect(rows.compactMap { $0["product"] as? String }.contains("4401"))
    }

    @Test("world-market on the OEC HS4 file: coal is somewhat concentrated, as in the letter's Table 5")
    func worldMarketCoal() throws {
        let result = try CLIRunner().run(
            ["world-market", "--input", Self.worldHS4] + Self.worldReading + ["--product", "2701", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try json(result.stdout)["rows"] as? [[String: Any]])
        let coal = try #require(rows.first)
        // python3: 165 exporters of 2701, HHI 0.19573026887127723, total 141,548,642,382 USD.
        #expect(coal["exporters"] as? Int == 165)
        #expect(abs((coal["hhi"] as? Double ?? 0) - 0.19573026887127723) < 1e-12)
        #expect(coal["class"] as? String == "somewhat_concentrated")
        #expect(coal["verdict"] as? String == "limited")
        #expect(coal["top_exporter"] as? String == "AUS")
    }

    @Test("bad options exit 64; an unknown dataset exits 66")
    func errors() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["concentration"]).status == 64)
        #expect(try cli.run(["concentration", "--input", Self.comtradeNL, "--thresholds", "0,0.2"]).status == 64)
        #expect(try cli.run(["concentration", "--input", Self.comtradeNL, "--drill"]).status == 64)
        #expect(try cli.run(["concentration", "--dataset", "nope"]).status == 66)
    }

    @Test("trend, EU dependency criteria and risk weighting appear as JSON sections with their numbers")
    func sections() throws {
        let cli = CLIRunner()
        let scores = try cli.file("risk.csv", "iso3,score\nUSA,0.2\nDEU,0.1\n")
        let result = try cli.run([
            "concentration", "--input", Self.comtradeNL, "--product", "4401", "--trend", "--criteria", "ec2021",
            "--risk-scores", scores, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let trends = try #require(document["trends"] as? [[String: Any]])
        #expect(trends.count == 1)
        #expect(abs((trends.first?["hhi_2022"] as? Double ?? 0) - 0.35421884085271105) < 1e-12)
        let dependency = try #require(document["ec2021_dependency"] as? [[String: Any]])
        #expect(dependency.count == 5)
        let risk = try #require(document["risk_weighted"] as? [[String: Any]])
        #expect(risk.count == 5)
        let bad = try cli.file("bad-risk.csv", "iso3,score\nUSA,1.5\n")
        let refused = try cli.run(["concentration", "--input", Self.comtradeNL, "--risk-scores", bad])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad-risk.csv:2:5"))
    }

    @Test("a world dataset in SITC is mapped into HS for HS imports, and the match is reported as approximate")
    func crossClassificationWorld() throws {
        let cli = CLIRunner()
        let sitc = CLIRunner.sharedData + "/world_exports_oec/world_exports_by_country_sitc2_4digit_avg_1998_2000.csv"
        #expect(
            try cli.run([
                "import", sitc, "--format", "csv", "--map", "reporter=country,product=product,value=value", "--flow",
                "export",
                "--year", "2000", "--classification", "SITC4", "--name", "world-sitc",
            ]).status == 0)
        let result = try cli.run([
            "concentration", "--input", Self.comtradeNL, "--year", "2022", "--product", "4401", "--world-dataset",
            "world-sitc", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let row = try #require((document["rows"] as? [[String: Any]])?.first)
        #expect(row["world_match"] as? String == "approximate")
        #expect(row["world_verdict"] as? String == "alternatives_available")
        #expect((row["world_hhi"] as? Double ?? 1) < 0.15)
        let settings = try #require((document["provenance"] as? [String: Any])?["settings"] as? [String: Any])
        #expect(settings["world_mapping"] as? String == "SITC4 → HS2022, equal split over many-to-many codes")
    }
}
