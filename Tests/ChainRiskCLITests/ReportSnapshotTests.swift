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
    ])
    func snapshot(arguments: [String], name: String) throws {
        let result = try CLIRunner().run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let path = Self.folder.appendingPathComponent(name)
        if Self.recording {
            try Data(result.stdout.utf8).write(to: path)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        #expect(result.stdout == expected, "\(name) differs from its snapshot; record with CHAINRISK_RECORD_SNAPSHOTS=1 and review the diff")
    }
}
