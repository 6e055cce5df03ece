import Foundation
import Testing

/// Snapshot tests of the rendered report. Record new snapshots with `CHAINRISK_RECORD_SNAPSHOTS=1 swift test
/// --filter ReportSnapshotTests`, then review the diff before committing.
@Suite("Report snapshots")
struct ReportSnapshotTests {
    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/ChainRiskCLITests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["CHAINRISK_RECORD_SNAPSHOTS"] == "1"

    @Test("rendered report matches its snapshot", arguments: [
        (["report"], "report.en.md"), (["report", "--lang", "nl"], "report.nl.md"),
        (["report", "--format", "html"], "report.en.html"), (["report", "--format", "json"], "report.en.json"),
        (["report", "--format", "html", "--lang", "nl"], "report.nl.html"),
        (["report"] + OriginsCommandTests.nld11, "report.mrio.en.md"), (["report", "--lang", "nl"] + OriginsCommandTests.nld11, "report.mrio.nl.md"),
        (["report", "--format", "json"] + OriginsCommandTests.nld11, "report.mrio.en.json"),
        (["report", "--format", "html", "--lang", "nl"] + OriginsCommandTests.nld11, "report.mrio.nl.html"),
    ])
    func snapshot(arguments: [String], name: String) throws {
        let result = try CLIRunner().run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        try Self.compare(result.stdout, snapshot: name)
    }

    /// Compares `output` with the snapshot file `name` (or records it when recording).
    static func compare(_ output: String, snapshot name: String) throws {
        let path = folder.appendingPathComponent(name)
        if recording {
            try Data(output.utf8).write(to: path)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        #expect(output == expected, "\(name) differs from its snapshot; record with CHAINRISK_RECORD_SNAPSHOTS=1 and review the diff")
    }
}
