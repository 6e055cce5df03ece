import Foundation
import Testing

/// `scenario --model direct` answers for one reporter in one unit, and never turns missing data into "0 at risk".
@Suite("scenario --model direct: one reporter, one unit, no zero from missing data")
struct DirectScenarioTests {
    static let eu27 =
        CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"

    @Test(
        "a product the data does not hold is 65; 27 reporters need --reporter (64); DEU 4418 from China matches Python")
    func wood() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["import", Self.eu27, "--name", "eu27"]).status == 0)
        let direct = ["scenario", "--model", "direct", "--dataset", "eu27"]
        let absent = try cli.run(direct + ["--reporter", "DEU", "--shock", "CHN:hs8542:0.5:8"])
        #expect(absent.status == 65)
        #expect(absent.stderr.contains("shock 1 names hs8542, and the data holds no imports of it"), "\(absent.stderr)")
        #expect(absent.stderr.contains("39 HS products in chapters 44, 47, 48, 49, 94"))
        let several = try cli.run(direct + ["--shock", "CHN:hs4418:0.5:8"])
        #expect(several.status == 64)
        #expect(several.stderr.contains("the data holds the imports of 27 reporters"), "\(several.stderr)")
        let german = try cli.run(direct + ["--reporter", "DEU", "--shock", "CHN:hs4418:0.5:8", "--format", "json"])
        #expect(german.status == 0, "\(german.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(german.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [[String: Any]])
        let atRisk = try #require(totals.first { $0["key"] as? String == "value_at_risk" }?["value"] as? Double)
        // Python's csv module over the same file: DEU 2022 imports of 4418 from CHN 253,291,045.367 USD × 0.5 × 8/52.
        #expect(abs(atRisk - 19_483_926.566_692_308) < 1e-3)
    }

    @Test("USD and EUR flows of one reporter are refused naming both units (65), not summed")
    func mixedUnits() throws {
        let cli = CLIRunner()
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("units-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        year,reporter,partner,product,flow,value,classification,unit
        2022,DEU,CHN,4418,import,100,HS,USD
        2022,DEU,POL,4418,import,200,HS,EUR

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try cli.run([
            "scenario", "--model", "direct", "--input", file.path, "--shock", "CHN:hs4418:0.5:8",
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("the data mixes units (EUR and USD)"), "\(result.stderr)")
    }
}
