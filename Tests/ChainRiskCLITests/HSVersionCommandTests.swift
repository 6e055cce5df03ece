import Foundation
import Testing

/// `--hs-version`: codes of the other HS edition moved into one before the analysis. Expected values from
/// `scripts/expected/hs_version_concentration.py`.
@Suite("concentration and report --hs-version: one HS edition across years, splits shared by the data's own trade")
struct HSVersionCommandTests {
    let runner = CLIRunner()
    let extract = CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_from_world_full_api_columns_2018_2022.csv"

    func rows(_ result: CLIRunner.Result) throws -> [[String: Any]] {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return try #require(document["rows"] as? [[String: Any]])
    }

    @Test(
        "the Netherlands' 4401 imports 2018-2022: reported in HS2017 then HS2022, one HS2022 series with the same totals"
    )
    func oneSeries() throws {
        let arguments = [
            "concentration", "--input", extract, "--reporter", "NLD", "--product", "4401", "--year", "all", "--format",
            "json",
        ]
        let asReported = try rows(try runner.run(arguments))
        #expect(
            asReported.map { $0["classification"] as? String } == ["HS2017", "HS2017", "HS2017", "HS2017", "HS2022"])
        let bridged = try runner.run(arguments + ["--hs-version", "HS2022"])
        #expect(bridged.status == 0, "\(bridged.stderr)")
        let converted = try rows(bridged)
        #expect(converted.map { $0["classification"] as? String } == Array(repeating: "HS2022", count: 5))
        let expected: [Int: Double] = [
            2018: 165842287.522, 2019: 296975967.503, 2020: 558265269.175, 2021: 633476489.462, 2022: 574271628.08,
        ]
        for row in converted {
            let year = try #require(row["year"] as? Int)
            #expect(abs((row["total_value"] as? Double ?? 0) - (expected[year] ?? -1)) < 1e-6, "\(year)")
        }
        #expect(bridged.stdout.contains("\"hs_version\": \"HS2022\""))
    }

    @Test(
        "HS2017 441820 splits into HS2022 441821 and 441829 by the data's 2022 trade (3:1): totals 750 and 250, HHI kept at 0.52"
    )
    func split() throws {
        let file = NSTemporaryDirectory() + "chainrisk-hs-\(UUID().uuidString).csv"
        try """
        year,reporter,partner,product,flow,value,classification,unit
        2021,NLD,CHN,441820,import,600,HS2017,USD
        2021,NLD,DEU,441820,import,400,HS2017,USD
        2022,NLD,CHN,441821,import,300,HS2022,USD
        2022,NLD,DEU,441829,import,100,HS2022,USD

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runner.run([
            "concentration", "--input", file, "--year", "2021", "--hs-version", "HS2022", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("split_code") && result.stderr.contains("441820"), "\(result.stderr)")
        let byProduct = Dictionary(uniqueKeysWithValues: try rows(result).map { ($0["product"] as? String ?? "", $0) })
        #expect(Set(byProduct.keys) == ["441821", "441829"])
        #expect(abs((byProduct["441821"]?["total_value"] as? Double ?? 0) - 750) < 1e-9)
        #expect(abs((byProduct["441829"]?["total_value"] as? Double ?? 0) - 250) < 1e-9)
        for row in byProduct.values { #expect(abs((row["hhi"] as? Double ?? 0) - 0.52) < 1e-12) }
        let asReported = try rows(
            try runner.run(["concentration", "--input", file, "--year", "2021", "--format", "json"]))
        #expect(asReported.map { $0["product"] as? String } == ["441820"])
    }

    @Test(
        "split weights come from all the data, reporters and years alike: a file and its stored dataset give the same shares (1:3)"
    )
    func weightsFromAllTheData() throws {
        let file = NSTemporaryDirectory() + "chainrisk-hs-\(UUID().uuidString).csv"
        try """
        year,reporter,partner,product,flow,value,classification,unit
        2021,NLD,CHN,441820,import,800,HS2017,USD
        2021,NLD,DEU,441820,import,200,HS2017,USD
        2022,NLD,CHN,441821,import,300,HS2022,USD
        2022,DEU,CHN,441829,import,900,HS2022,USD

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let arguments = [
            "concentration", "--reporter", "NLD", "--year", "2021", "--hs-version", "HS2022", "--format", "json",
        ]
        let fromFile = try rows(try runner.run(arguments + ["--input", file]))
        #expect(try runner.run(["import", file, "--name", "doors"]).status == 0)
        let fromDataset = try rows(try runner.run(arguments + ["--dataset", "doors"]))
        for rows in [fromFile, fromDataset] {
            let totals = Dictionary(
                uniqueKeysWithValues: rows.map { ($0["product"] as? String ?? "", $0["total_value"] as? Double ?? 0) })
            #expect(abs((totals["441821"] ?? 0) - 250) < 1e-9 && abs((totals["441829"] ?? 0) - 750) < 1e-9, "\(totals)")
        }
    }

    @Test("report --imports --hs-version names the edition and its rule in the provenance")
    func report() throws {
        #expect(try runner.run(["import", extract, "--name", "eu"]).status == 0)
        let report = try runner.run([
            "report", "--imports", "eu", "--reporter", "NLD", "--hs-version", "HS2022", "--format", "json",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("hs_version_rule") && report.stdout.contains("HS2022"))
    }
}
