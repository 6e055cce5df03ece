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

    @Test("EXIOBASE 3 with its own industry names (the fixture renamed): partial with mapped ratings too")
    func exiobaseNames() throws {
        let names = [
            "A01": "Cultivation of paddy rice", "C26": "Manufacture of office machinery and computers (30)",
            "G46": "Wholesale trade and commission trade, except of motor vehicles and motorcycles (51)",
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("IOT_2020_ixi-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["A.txt", "Y.txt", "x.txt", "unit.txt"] {
            let text = try String(contentsOfFile: Self.fixtures + "IOT_2020_ixi/" + file, encoding: .utf8)
            let renamed = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: "\t", omittingEmptySubsequences: false).map { names[String($0)] ?? String($0) }
                    .joined(separator: "\t")
            }
            try renamed.joined(separator: "\n").write(
                to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let result = try CLIRunner().run([
            "scenario", "--mrio", folder.path, "--shock", "CHN:0.5:8", "--reporter", "NLD", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let settings = try #require((object["provenance"] as? [String: Any])?["settings"] as? [String: Any])
        let production = try #require(settings["production_function"] as? String)
        #expect(production.hasPrefix("partial: inputs rated critical bind"), "\(production)")
    }

    @Test("ICIO 2016 (ISIC Rev. 3 codes such as C24CHM, pymrio's mock): partial with mapped ratings too")
    func icio2016() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", CLIRunner.sharedData + "/pymrio_mock_mrios/oecd_mock/ICIO2016_2003.csv", "--shock",
            "CHN:C24CHM:0.5:8", "--reporter", "AUS", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let settings = try #require((object["provenance"] as? [String: Any])?["settings"] as? [String: Any])
        let production = try #require(settings["production_function"] as? String)
        #expect(production.hasPrefix("partial: inputs rated critical bind"), "\(production)")
        #expect(!production.contains("run as leontief"))
    }
}
