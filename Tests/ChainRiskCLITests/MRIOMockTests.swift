import Foundation
import Testing

/// pymrio's mock MRIOs in the native ICIO 2016/2018, EXIOBASE 3 and Eora26 layouts: `io multipliers` equals what
/// pymrio 0.7's own parser and `calc_all` give (scripts/expected/mrio_mocks.py → Fixtures/mrio_mocks_expected.csv).
@Suite("io multipliers on pymrio's mock ICIO, EXIOBASE 3 and Eora26 files equal pymrio's")
struct MRIOMockTests {
    static let mocks = CLIRunner.sharedData + "/pymrio_mock_mrios"

    /// (mock, region, sector) → output multiplier, from pymrio.
    static func expected() throws -> [String: [String: Double]] {
        let text = try String(
            contentsOfFile: CLIRunner.packageRoot.path + "/Tests/ChainRiskCLITests/Fixtures/mrio_mocks_expected.csv",
            encoding: .utf8)
        var result: [String: [String: Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            result[fields[0], default: [:]]["\(fields[1]) \(fields[2])"] = Double(fields[4])
        }
        return result
    }

    @Test(
        "multipliers to 1e-9 of pymrio's, every sector; validate names layout and unit",
        arguments: [
            ("ICIO2018_2010", "/oecd_mock/ICIO2018_2010.CSV", "icio", "million USD"),
            ("ICIO2018_2010", "/oecd_mock/ICIO2018_2010.zip", "icio", "million USD"),
            ("ICIO2016_2003", "/oecd_mock/ICIO2016_2003.csv", "icio", "million USD"),
            ("exio3_mock", "/exio3_mock", "exiobase", "million USD"),
            ("eora26_mock", "/eora26_mock/Eora26_2010_bp_T.txt", "eora26", "thousand USD"),
        ])
    func multipliers(mock: String, path: String, layout: String, unit: String) throws {
        let cli = CLIRunner()
        let expected = try #require(try Self.expected()[mock])
        let result = try cli.run(["io", "multipliers", "--mrio", Self.mocks + path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == expected.count)
        for row in rows {
            let key = "\(row["region"] as? String ?? "") \(row["sector"] as? String ?? "")"
            let value = try #require(row["output_multiplier"] as? Double)
            let want = try #require(expected[key], "\(key) not in pymrio's result")
            #expect(abs(value - want) <= 1e-9 * abs(want), "\(mock) \(key): \(value) vs pymrio \(want)")
        }
        let validate = try cli.run(["io", "validate", "--mrio", Self.mocks + path])
        #expect(validate.stdout.contains("layout  ") && validate.stdout.contains(" \(layout)\n"), "\(validate.stdout)")
        #expect(validate.stdout.contains(" \(unit)\n"))
    }
}
