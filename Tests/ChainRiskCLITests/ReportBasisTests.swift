import Foundation
import Testing

/// Table 4 ranks imports for own use (the letter's basis) where the data allows it, and says which basis it used.
@Suite("report: Table 4 on the own-use basis (imports − re-exports, pro rata) or total with a caveat")
struct ReportBasisTests {
    static let fixtures = CLIRunner.packageRoot.appendingPathComponent("Tests/ChainRiskCLITests/Fixtures").path

    static func table4(_ result: CLIRunner.Result) throws -> (rows: [[String: Any]], basis: String?) {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (try #require(json["table4"] as? [[String: Any]]), json["table4_basis"] as? String)
    }

    @Test("M and RX flows: Table 4 equals scripts/expected/own_use_table4.py; --basis total ranks total imports")
    func ownUse() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["import", Self.fixtures + "/nld_m_rx_2022.csv", "--name", "rx"]).status == 0)
        let result = try cli.run(["report", "--imports", "rx", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let (rows, basis) = try Self.table4(result)
        #expect(basis == "own_use_pro_rata")
        let expected = try String(contentsOfFile: Self.fixtures + "/own_use_table4_expected.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == expected.count)
        for (row, line) in zip(rows, expected) {
            #expect(row["product"] as? String == line[0])
            let value = try #require(row["total_value"] as? Double)
            let own = try #require(Double(line[1]))
            #expect(abs(value - own) <= 1e-9 * own, "\(line[0]): \(value) against \(own)")
        }
        let markdown = try cli.run(["report", "--imports", "rx"])
        #expect(markdown.stdout.contains("Table 4 ranks imports for own use: imports minus re-exports per product"))
        let total = try Self.table4(try cli.run(["report", "--imports", "rx", "--basis", "total", "--format", "json"]))
        #expect(total.basis == "total")
        // 48 before and after: 6,897,752,780.137 USD of imports, 2,759,101,112.055 for own use.
        #expect(abs((total.rows.first?["total_value"] as? Double ?? 0) - 6_897_752_780.137) < 1e-3)
        #expect(total.rows.map { $0["product"] as? String } != rows.map { $0["product"] as? String })
    }

    @Test("imports without re-exports: total imports, and the report says own use cannot be computed")
    func withoutReExports() throws {
        let cli = CLIRunner()
        let file =
            CLIRunner.sharedData
            + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        #expect(try cli.run(["import", file, "--name", "nl"]).status == 0)
        #expect(
            try Self.table4(try cli.run(["report", "--imports", "nl", "--format", "json"])).basis
                == "total_no_re_exports")
        let markdown = try cli.run(["report", "--imports", "nl", "--lang", "nl"])
        #expect(markdown.stdout.contains("de data bevat geen wederuitvoer, dus invoer voor eigen gebruik"))
    }
}
