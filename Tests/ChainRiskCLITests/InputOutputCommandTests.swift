import Foundation
import Testing

@Suite("chainrisk io, end to end")
struct InputOutputCommandTests {
    static let wiod = CLIRunner.sharedData + "/wiod2013"
    static let nld11 = wiod + "/wiod2013_2011_nld11_Z.csv"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// NLD_c14 on nld11: multiplier 2.6039387894342556, backward 1.2090292834737673, forward 0.9788407475513892
    /// (numpy, scripts/derive_io_expectations.py).
    @Test("io multipliers --format json prints sorted-key rows with provenance; NLD_c14 as numpy computes it")
    func multipliersJSON() throws {
        let result = try CLIRunner().run(["io", "multipliers", "--mrio", Self.nld11, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        #expect(Set(document.keys) == ["provenance", "rows"])
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.count == 385)
        #expect(Set(rows[0].keys) == ["region", "sector", "output_multiplier", "backward_linkage", "forward_linkage"])
        let nld14 = try #require(rows.first { $0["region"] as? String == "NLD" && $0["sector"] as? String == "c14" })
        let multiplier = try #require(nld14["output_multiplier"] as? Double)
        #expect(abs(multiplier - 2.6039387894342556) < 1e-9 * 2.6)
        #expect(abs(try #require(nld14["forward_linkage"] as? Double) - 0.9788407475513892) < 1e-9)
        let provenance = try #require(document["provenance"] as? [String: Any])
        let inputs = try #require(provenance["inputs"] as? [[String: Any]])
        let files = try #require(inputs.first?["files"] as? [[String: Any]])
        #expect(files.count == 3)
        #expect(files.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let firstRow = try #require(result.stdout.range(of: "\"rows\"")).upperBound
        let order = ["backward_linkage", "forward_linkage", "output_multiplier", "region", "sector"].compactMap {
            result.stdout.range(of: "\"\($0)\"", range: firstRow..<result.stdout.endIndex)?.lowerBound
        }
        #expect(order.count == 5 && order == order.sorted(), "keys sorted")
        let again = try CLIRunner().run(["io", "multipliers", "--mrio", Self.nld11, "--format", "json"])
        #expect(again.stdout == result.stdout, "same inputs, same bytes")
    }

    @Test("io multipliers --sort multiplier --top 1 is CHN_c14 (3.609688067719533, numpy)")
    func multipliersSorted() throws {
        let result = try CLIRunner().run([
            "io", "multipliers", "--mrio", Self.nld11, "--sort", "multiplier", "--top", "1", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "region,sector,output_multiplier,backward_linkage,forward_linkage")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("CHN,c14,3.60968806771953"))
    }

    @Test("a missing final-demand file exits 66 and names the path it looked for")
    func missingFinalDemand() throws {
        let cli = CLIRunner()
        let z = try cli.file("lonely_Z.csv", "row,A_s1\nA_s1,1\n")
        let result = try cli.run(["io", "validate", "--mrio", z])
        #expect(result.status == 66)
        #expect(result.stderr.contains("lonely_Y.csv"))
    }

    @Test("a malformed cell exits 65 with file, line and column")
    func malformedCell() throws {
        let cli = CLIRunner()
        let z = try cli.file("bad_Z.csv", "row,A_s1,A_s2\nA_s1,1,2\nA_s2,3,x\n")
        try Data("row,A_h\nA_s1,1\nA_s2,1\n".utf8).write(
            to: URL(fileURLWithPath: z.replacingOccurrences(of: "bad_Z.csv", with: "bad_Y.csv")))
        let result = try cli.run(["io", "multipliers", "--mrio", z])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad_Z.csv:3:8:"))
    }

    @Test("io validate reports the national Belgian table: 63 sectors, productive, no findings")
    func validateNational() throws {
        let result = try CLIRunner().run([
            "io", "validate", "--mrio", CLIRunner.sharedData + "/io_be_pichler/IO_BE_NACE64.csv", "--national-region",
            "BEL", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let summary = try #require(document["summary"] as? [[String: Any]])
        func value(_ measure: String) -> Any? { summary.first { $0["measure"] as? String == measure }?["value"] }
        #expect(value("sectors") as? Int == 63)
        #expect(value("layout") as? String == "national")
        #expect(value("productive") as? String == "yes")
        // numpy: max |eigvals(A)| = 0.43130323282415695 for IO_BE_NACE64 / other_accounts_BE_NACE64.
        #expect(abs(try #require(value("spectral_radius") as? Double) - 0.43130323282415695) < 1e-9)
        #expect((document["findings"] as? [Any])?.isEmpty == true)
    }

    @Test("io validate --strict exits 65 on the pymrio test system's column imbalances")
    func validateStrict() throws {
        let z = CLIRunner.sharedData + "/pymrio_testmrio/mrio_data/trade_flows_Z.txt"
        let relaxed = try CLIRunner().run(["io", "validate", "--mrio", z])
        #expect(relaxed.status == 0, "\(relaxed.stderr)")
        #expect(relaxed.stdout.contains("imbalance"))
        let strict = try CLIRunner().run(["io", "validate", "--mrio", z, "--strict"])
        #expect(strict.status == 65)
    }

    @Test("io aggregate writes matrix CSV that reads back with the same multipliers")
    func aggregateRoundTrip() throws {
        let cli = CLIRunner()
        let folder = NSTemporaryDirectory() + "chainrisk-io-aggregate-\(UUID().uuidString)"
        let map = try cli.file(
            "identity.csv",
            "region,group\n"
                + ["NLD", "DEU", "BEL", "FRA", "GBR", "EU_OTH", "USA", "CHN", "RUS", "ASIAPAC_OTH", "ROW"].map {
                    "\($0),\($0)"
                }.joined(separator: "\n") + "\n")
        let written = try cli.run([
            "io", "aggregate", "--mrio", Self.nld11, "--regions", map, "--output", folder, "--name", "same",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("same_Z.csv sha256"))
        let original = try String(contentsOfFile: Self.nld11, encoding: .utf8)
        let copy = try String(contentsOfFile: folder + "/same_Z.csv", encoding: .utf8)
        #expect(
            copy == original.replacingOccurrences(of: "\r\n", with: "\n"),
            "an identity map writes the shipped integers back unchanged")
        let before = try cli.run(["io", "multipliers", "--mrio", Self.nld11, "--format", "csv"])
        let after = try cli.run(["io", "multipliers", "--mrio", folder + "/same_Z.csv", "--format", "csv"])
        #expect(before.stdout == after.stdout)
    }

    @Test("io leontief --output writes L; L·y from the solve matches gross output where the table balances")
    func leontiefInverse() throws {
        let cli = CLIRunner()
        let path = NSTemporaryDirectory() + "chainrisk-io-L-\(UUID().uuidString).csv"
        let z = CLIRunner.sharedData + "/pymrio_testmrio/mrio_data/trade_flows_Z.txt"
        let result = try cli.run(["io", "leontief", "--mrio", z, "--output", path, "--timing", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        // Standard error: the timings as one JSON line, then the line naming the file written.
        let errorLines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            errorLines.count == 2 && errorLines.last?.hasPrefix("chainrisk: wrote \(path) (") == true,
            "\(result.stderr)")
        let timing = try json(errorLines.first ?? "")
        #expect(
            Set(timing.keys) == ["read", "coefficients", "productivity", "factorise", "solve", "inverse", "sectors"])
        let rows = try #require(try json(result.stdout)["rows"] as? [[String: Any]])
        // pymrio: x = row totals of Z and Y, so L·y = x exactly up to rounding.
        for row in rows {
            let output = try #require(row["gross_output"] as? Double)
            let solved = try #require(row["leontief_output"] as? Double)
            #expect(abs(solved - output) <= 1e-9 * output)
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 49)
        #expect(lines[0].hasPrefix("row,reg1_food,reg1_mining"))
        // pymrio L[(reg1, food), (reg1, food)] = 1.1101020720270822.
        let first = try #require(Double(String(lines[1].split(separator: ",")[1])))
        #expect(abs(first - 1.1101020720270822) < 1e-9)
    }

    @Test(
        "io --help exits 0 and lists the subcommands (a group's help request is argument-parser's, not an internal error)"
    )
    func groupHelp() throws {
        let result = try CLIRunner().run(["io", "--help"])
        #expect(result.status == 0, "\(result.stderr)")
        for subcommand in ["validate", "multipliers", "aggregate", "leontief"] {
            #expect(result.stdout.contains(subcommand))
        }
    }
}
