import Foundation
import Testing

/// Snapshot tests of the rendered report. Record new snapshots with `CHAINRISK_RECORD_SNAPSHOTS=1 swift test
/// --filter ReportSnapshotTests`, then review the diff before committing.
@Suite("Report snapshots")
struct ReportSnapshotTests {
    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/ChainRiskCLITests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["CHAINRISK_RECORD_SNAPSHOTS"] == "1"

    @Test(
        "rendered report matches its snapshot",
        arguments: [
            (["report"], "report.en.md"), (["report", "--lang", "nl"], "report.nl.md"),
            (["report", "--format", "html"], "report.en.html"), (["report", "--format", "json"], "report.en.json"),
            (["report", "--format", "html", "--lang", "nl"], "report.nl.html"),
            (["report"] + OriginsCommandTests.nld11, "report.mrio.en.md"),
            (["report", "--lang", "nl"] + OriginsCommandTests.nld11, "report.mrio.nl.md"),
            (["report", "--format", "json"] + OriginsCommandTests.nld11, "report.mrio.en.json"),
            (["report", "--format", "html", "--lang", "nl"] + OriginsCommandTests.nld11, "report.mrio.nl.html"),
        ])
    func snapshot(arguments: [String], name: String) throws {
        let result = try CLIRunner().run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        try Self.compare(result.stdout, snapshot: name)
    }

    /// Compares `output` with the snapshot file `name` (or records it when recording).
    ///
    /// Text must match exactly; numbers within `SnapshotDiff.relativeTolerance` (a changed last digit is no
    /// regression; machine independence is `MachineIndependenceTests`' job, byte for byte). A failure lists at most
    /// 15 differing lines instead of the whole document.
    static func compare(_ output: String, snapshot name: String) throws {
        let path = folder.appendingPathComponent(name)
        if recording {
            try Data(output.utf8).write(to: path)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        guard output != expected else { return }
        let diff = SnapshotDiff(expected: expected, actual: output)
        if !diff.differences.isEmpty {
            Issue.record(
                "\(name) differs from its snapshot in \(diff.differences.count) line(s); record with CHAINRISK_RECORD_SNAPSHOTS=1 and review:\n\(diff.summary(limit: 15))"
            )
        }
    }
}

/// Line-by-line differences between a snapshot and an output, numbers compared with a relative tolerance.
struct SnapshotDiff {
    /// Numbers agreeing to this relative difference are equal (IEEE doubles printed shortest carry ~16 digits).
    static let relativeTolerance = 1e-9

    struct Difference {
        let line: Int
        let expected: String
        let actual: String
    }

    let differences: [Difference]

    init(expected: String, actual: String) {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [Difference] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : "(no line)"
            let b = index < new.count ? new[index] : "(no line)"
            if !Self.equivalent(a, b) { found.append(Difference(line: index + 1, expected: a, actual: b)) }
        }
        differences = found
    }

    func summary(limit: Int) -> String {
        var lines = differences.prefix(limit).map {
            "line \($0.line):\n  - \($0.expected.prefix(200))\n  + \($0.actual.prefix(200))"
        }
        if differences.count > limit { lines.append("… and \(differences.count - limit) more") }
        return lines.joined(separator: "\n")
    }

    /// Same text between numbers, and numbers within the tolerance.
    static func equivalent(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let (textA, numbersA) = split(a)
        let (textB, numbersB) = split(b)
        guard textA == textB, numbersA.count == numbersB.count else { return false }
        return zip(numbersA, numbersB).allSatisfy { x, y in
            x == y || abs(x - y) <= relativeTolerance * max(abs(x), abs(y))
        }
    }

    /// The line with each number replaced by `#`, and the numbers.
    static func split(_ line: String) -> (String, [Double]) {
        var text = ""
        var numbers: [Double] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if let value = Double(current), current.contains(where: \.isNumber) {
                numbers.append(value)
                text += "#"
            } else {
                text += current
            }
            current = ""
        }
        for character in line {
            if character.isNumber || character == "." || character == "e" || character == "E"
                || ((character == "-" || character == "+")
                    && (current.isEmpty || current.last == "e" || current.last == "E"))
            {
                if character == "e" || character == "E", current.isEmpty {
                    text.append(character)
                    continue
                }
                current.append(character)
            } else {
                flush()
                text.append(character)
            }
        }
        flush()
        return (text, numbers)
    }
}
