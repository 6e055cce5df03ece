import Foundation
import Testing

/// `chainrisk origins` and `report --mrio` on the WIOD 2011 nld11 table. Figures: scripts/expected/origins_expected.py
/// (numpy) gives NLD exports 534,997 and import content 212,501.9 million USD (39.7 %), EU 34.4 %, Russia 9.2 %.
@Suite("chainrisk origins, end to end")
struct OriginsCommandTests {
    static let wiod = "../shared/data/wiod2013"
    static let nld11 = [
        "--mrio", "\(wiod)/wiod2013_2011_nld11_Z.csv", "--final-demand", "\(wiod)/wiod2013_2011_nld11_Y.csv",
        "--gross-output", "\(wiod)/wiod2013_2011_nld11_x.csv",
    ]

    @Test("JSON rows: export_sector, origin, import_content, share; shares sum to 1 per category")
    func jsonRows() throws {
        let result = try CLIRunner().run(["origins"] + Self.nld11 + ["--reporter", "NLD", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 9 * 6)
        #expect(Set(rows.flatMap { $0.keys }) == ["export_sector", "origin", "import_content", "share"])
        var sums: [String: Double] = [:]
        for row in rows { sums[row["export_sector"] as? String ?? "", default: 0] += row["share"] as? Double ?? 0 }
        #expect(sums.count == 9)
        #expect(sums.values.allSatisfy { abs($0 - 1) < 1e-12 })
        let total = try #require(object["total"] as? [String: Any])
        #expect(abs((total["import_content"] as? Double ?? 0) - 212_501.915_498_133_7) < 1e-6)
        #expect(total["exports"] as? Double == 534_997)
        let provenance = try #require(object["provenance"] as? [String: Any])
        let inputs = try #require(provenance["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["kind"] as? String } == ["input_output_table", "builtin", "builtin"])
        let files = try #require(inputs.first?["files"] as? [[String: Any]])
        #expect(
            files.map { $0["path"] as? String } == [
                "\(Self.wiod)/wiod2013_2011_nld11_Z.csv", "\(Self.wiod)/wiod2013_2011_nld11_Y.csv",
                "\(Self.wiod)/wiod2013_2011_nld11_x.csv",
            ])
        #expect(files.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
    }

    @Test("the letter-style table for NLD 2011 matches its snapshot")
    func tableSnapshot() throws {
        let result = try CLIRunner().run(["origins"] + Self.nld11)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Total                                         34.4              11.1              8.9      5.3       9.2             31.0                       212,502                534,997                        39.7"
            ))
        try ReportSnapshotTests.compare(result.stdout, snapshot: "origins.nld11.txt")
    }

    @Test("--by sector gives every NLD sector; foreign value added is a measure")
    func bySectorAndMeasure() throws {
        let result = try CLIRunner().run(
            ["origins"] + Self.nld11 + ["--by", "sector", "--measure", "foreign-value-added", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "export_sector,origin,foreign_value_added,share")
        #expect(lines.count == 1 + 35 * 6)
        // numpy (origins_nld11_categories.csv): c1 from the EU (DEU + BEL + FRA + EU_OTH) 2,004.2532 foreign value added.
        #expect(lines.contains { $0.hasPrefix("c1,eu,2004.25") })
    }

    @Test("an unknown reporter is bad data (65) naming the table's regions")
    func unknownReporter() throws {
        let result = try CLIRunner().run(["origins"] + Self.nld11 + ["--reporter", "XYZ"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "unknown region 'XYZ'; the table has NLD, DEU, BEL, FRA, GBR, EU_OTH, USA, CHN, RUS, ASIAPAC_OTH, ROW"))
    }

    @Test("no --mrio is a usage error; a missing --groups file is missing input")
    func usageAndMissingInput() throws {
        #expect(try CLIRunner().run(["origins"]).status == 64)
        let missing = try CLIRunner().run(["origins"] + Self.nld11 + ["--groups", "no-such-groups.csv"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("--groups file not found: no-such-groups.csv"))
    }

    @Test("a user grouping replaces the built-in one")
    func userGrouping() throws {
        let cli = CLIRunner()
        let groups = try cli.file(
            "groups.csv", "region,group,group_en\nDEU,neighbours,Neighbours\nBEL,neighbours,Neighbours\n")
        let result = try cli.run(["origins"] + Self.nld11 + ["--groups", groups, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let groupIDs = (object["groups"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(groupIDs == ["neighbours", "FRA", "GBR", "EU_OTH", "USA", "CHN", "RUS", "ASIAPAC_OTH", "ROW"])
        let notes = object["notes"] as? [String] ?? []
        #expect(
            notes.contains(
                "Regions not in the grouping, shown on their own: FRA, GBR, EU_OTH, USA, CHN, RUS, ASIAPAC_OTH, ROW"))
    }

    @Test("report --mrio fills the origin section with Table 3 and lists the table's files")
    func reportWithTable() throws {
        let result = try CLIRunner().run(["report"] + Self.nld11)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Total | 34.4 | 11.1 | 8.9 | 5.3 | 9.2 | 31.0 | 212,502 | 534,997 | 39.7 |"))
        #expect(!result.stdout.contains("Give one with --mrio"))
        #expect(result.stdout.contains("- input_output_table wiod2013_2011_nld11_Z.csv"))
        #expect(result.stdout.contains("- origin_reporter: NLD"))
        let html = try CLIRunner().run(["report", "--format", "html"] + Self.nld11)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<caption>Table 3. Origin of imported inputs used for exports"))
        #expect(HTMLStructure.unbalancedTags(in: html.stdout).isEmpty)
    }
}
