import Foundation
import Testing

/// `chainrisk exposure`: direct exposure (A), total through every tier (L − I) and the hidden part.
@Suite("exposure: direct, total and hidden dependence on supplier countries")
struct ExposureCommandTests {
    /// JSON rows of the exposure table by "industry supplier".
    static func rows(_ output: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let rows = try #require(object["exposure"] as? [[String: Any]])
        var byKey: [String: [String: Any]] = [:]
        for row in rows { byKey["\(row["industry"] as? String ?? "") \(row["supplier"] as? String ?? "")"] = row }
        return byKey
    }

    @Test("a chain NLD ← DEU ← CHN without Chinese inputs in NLD: direct 0, total 0.25 × 0.2 = 0.05, all hidden")
    func handBuiltChain() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chain-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // CHN sells 50 to DEU, DEU sells 20 to NLD; outputs 100, 200, 100. A[DEU,NLD] = 20/100, A[CHN,DEU] = 50/200;
        // (L − I)[CHN,NLD] = A[CHN,DEU]·A[DEU,NLD] = 0.05 (A³ = 0: no cycle).
        try "row,CHN_c1,DEU_c1,NLD_c1\nCHN_c1,0,50,0\nDEU_c1,0,0,20\nNLD_c1,0,0,0\n".write(
            to: folder.appendingPathComponent("chain_Z.csv"), atomically: true, encoding: .utf8)
        try "row,CHN_CONS_h,DEU_CONS_h,NLD_CONS_h\nCHN_c1,50,0,0\nDEU_c1,0,180,0\nNLD_c1,0,0,100\n".write(
            to: folder.appendingPathComponent("chain_Y.csv"), atomically: true, encoding: .utf8)
        try "row,gross_output\nCHN_c1,100\nDEU_c1,200\nNLD_c1,100\n".write(
            to: folder.appendingPathComponent("chain_x.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner().run([
            "exposure", "--mrio", folder.appendingPathComponent("chain_Z.csv").path, "--reporter", "NLD",
            "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.rows(result.stdout)
        let china = try #require(rows["c1 CHN"])
        #expect(china["direct"] as? Double == 0)
        #expect(abs((china["total"] as? Double ?? 0) - 0.05) < 1e-15)
        #expect(abs((china["hidden"] as? Double ?? 0) - 0.05) < 1e-15)
        #expect(abs((china["hidden_share"] as? Double ?? 0) - 100) < 1e-12)
        let germany = try #require(rows["c1 DEU"])
        #expect(abs((germany["direct"] as? Double ?? 0) - 0.2) < 1e-15)
        #expect(abs((germany["total"] as? Double ?? 0) - 0.2) < 1e-15)
        // Of all foreign inputs through every tier (0.25), China's is a fifth; directly it is none.
        #expect(abs((china["total_foreign_share"] as? Double ?? 0) - 20) < 1e-12)
        #expect(china["direct_foreign_share"] as? Double == 0)
    }

    @Test("full WIOD 2011, NLD: every figure equals numpy's to 1e-9; total above direct for CHN in manufacturing")
    func fullWIOD() throws {
        let result = try CLIRunner().run([
            "exposure", "--mrio", CLIRunner.sharedData + "/wiod2013/wiod2013_2011_full_Z_long.csv.gz", "--reporter",
            "NLD", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.rows(result.stdout)
        // scripts/expected/exposure_expected.py: numpy inverse of I − A on the 1,435-sector table.
        let expected = try String(
            contentsOfFile: CLIRunner.packageRoot.path + "/Tests/ChainRiskCLITests/Fixtures/exposure_nld_full.csv",
            encoding: .utf8
        ).split(separator: "\n").dropFirst()
        #expect(expected.count == 35 * 40)
        #expect(rows.count == 35 * 40)
        for line in expected {
            let fields = line.split(separator: ",").map(String.init)
            let row = try #require(rows["\(fields[0]) \(fields[1])"])
            for (column, value) in [("direct", fields[2]), ("total", fields[3])] {
                let want = try #require(Double(value))
                let got = try #require(row[column] as? Double)
                #expect(abs(got - want) <= 1e-9 * max(abs(want), 1e-12), "\(fields[0]) \(fields[1]) \(column)")
            }
        }
        for industry in (3...16).map({ "c\($0)" }) {
            let china = try #require(rows["\(industry) CHN"])
            #expect((china["total"] as? Double ?? 0) > (china["direct"] as? Double ?? 0), "\(industry)")
        }
    }
}
