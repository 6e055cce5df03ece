import Foundation
import Testing

/// `scenario` on tables beyond WIOD runs the credible default (the partial production function) with the IHS Markit
/// ratings carried to the table's NACE/ISIC Rev. 4 industries, and says which ratings.
@Suite("scenario on FIGARO and ICIO tables: partial production with mapped criticality")
struct ScenarioSpineTests {
    static let fixtures = CLIRunner.packageRoot.path + "/Tests/ChainRiskIngestTests/Fixtures/mrio_layouts/"

    @Test(
        "FIGARO matrix and ICIO 2023: partial, mapped ratings and NACE inventory days named; never run as leontief",
        arguments: ["matrix_eu-ic-io_ind-by-ind_25ed_2020.csv", "ICIO2023_2020.csv"])
    func partial(file: String) throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", Self.fixtures + file, "--shock", "CHN:C26:0.5:8", "--reporter", "NLD",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let provenance = try #require(object["provenance"] as? [String: Any])
        let settings = try #require(provenance["settings"] as? [String: Any])
        let production = try #require(settings["production_function"] as? String)
        #expect(production.hasPrefix("partial: inputs rated critical bind"), "\(production)")
        #expect(production.contains("carried to the table's industries by NACE division"))
        #expect(!production.contains("run as leontief"))
        #expect((settings["inventory_days"] as? String)?.hasPrefix("goods inputs (NACE divisions 01-33)") == true)
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.first?.hasPrefix("model: partial production function") == true, "\(notes)")
    }
}
