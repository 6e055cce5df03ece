import Foundation
import Testing

/// `--help` texts are paragraphs that argument-parser wraps to the terminal, not lines broken by hand: a hand break
/// inside a sentence shows as a ragged line at every other width.
@Suite("--help discussions: paragraphs, not hand-wrapped lines")
struct HelpTextTests {
    @Test(
        "in every command's discussion, a prose line that continues a paragraph ends with a line continuation; example lines fit 80 columns"
    )
    func noHandBreaks() throws {
        let folder = CLIRunner.packageRoot.appendingPathComponent("Sources/chainrisk").path
        var checked = 0
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) where name.hasSuffix(".swift") {
            let source = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            var lines: [String] = []
            var inside = false
            for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                if line.hasSuffix("discussion: \"\"\"") {
                    inside = true
                    lines = []
                    continue
                }
                guard inside else { continue }
                if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" {
                    inside = false
                    checked += 1
                    check(lines, file: name)
                    continue
                }
                lines.append(line)
            }
        }
        #expect(checked >= 10, "found \(checked) discussions")
    }

    /// Prose lines have the literal's own indentation (12 spaces); example lines more.
    private func check(_ lines: [String], file: String) {
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        func isProse(_ line: String) -> Bool {
            let text = line.trimmingCharacters(in: .whitespaces)
            return !text.isEmpty && indent(line) <= 12 && !text.hasPrefix("Example")
        }
        for (index, line) in lines.enumerated() {
            if index + 1 < lines.count, isProse(line), isProse(lines[index + 1]) {
                #expect(line.hasSuffix("\\"), "\(file): a paragraph is broken by hand after '\(line.suffix(40))'")
            }
            if indent(line) > 12 {
                #expect(
                    line.count - 12 <= 80,
                    "\(file): example line over 80 columns: \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
    }
}
