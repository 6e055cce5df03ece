import Foundation
import Testing

/// The README's promise: every shell line runs, in order, on a fresh checkout after the set-up command.
@Suite("README: every command line runs, top to bottom")
struct ReadmeTests {
    /// A command line of a ```sh block, continuation lines joined; set-up, `serve`, `curl` and benchmark lines are
    /// left out (they install, listen or measure rather than answer).
    static func commandLines(_ readme: String) -> [String] {
        var lines: [String] = []
        var inShell = false
        var pending = ""
        for raw in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if raw.hasPrefix("```") {
                inShell = raw == "```sh"
                continue
            }
            guard inShell else { continue }
            if raw.hasSuffix("\\") {
                pending += raw.dropLast() + " "
                continue
            }
            let line = (pending + raw).trimmingCharacters(in: .whitespaces)
            pending = ""
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let skipped = ["scripts/setup.sh", "chainrisk serve", "curl ", "Benchmarks/"]
            if skipped.contains(where: { line.contains($0) }) { continue }
            lines.append(line)
        }
        return lines
    }

    @Test("each README shell line exits 0 in a fresh store, in the README's order (and --output files appear)")
    func readmeRuns() throws {
        let sharedData = CLIRunner.sharedData
        try #require(FileManager.default.fileExists(atPath: sharedData), "the shared data is missing at \(sharedData)")
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = Self.commandLines(readme)
        #expect(lines.count >= 25, "the README's command lines were not found")

        // A working folder beside a link to the shared data, so that ../shared/data resolves as in a checkout, with
        // the repository's docs linked in; outputs land here, not in the checkout.
        let root = NSTemporaryDirectory() + "chainrisk-readme-\(UUID().uuidString)"
        let work = root + "/work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root + "/shared",
            withDestinationPath: CLIRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
        )
        try FileManager.default.createSymbolicLink(
            atPath: work + "/docs", withDestinationPath: CLIRunner.packageRoot.appendingPathComponent("docs").path)

        for line in lines {
            let command = line.replacingOccurrences(of: "swift run chainrisk", with: "'\(CLIRunner.binary)'")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", command]
            process.currentDirectoryURL = URL(fileURLWithPath: work)
            var environment = ProcessInfo.processInfo.environment
            environment["CHAINRISK_DB"] = root + "/store.sqlite"
            process.environment = environment
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(
                process.terminationStatus == 0,
                "README line failed (exit \(process.terminationStatus)): \(line)\n\(String(decoding: stderr.prefix(1_000), as: UTF8.self))"
            )
            if let range = line.range(of: #"--output [^ ]+\.(html|json|csv|xlsx)"#, options: .regularExpression) {
                let file = String(line[range].dropFirst("--output ".count))
                #expect(
                    FileManager.default.fileExists(atPath: file.hasPrefix("/") ? file : work + "/" + file),
                    "\(line) wrote no \(file)")
            }
        }
    }

    /// The lines of the ```sh block that holds the API's `curl` examples, continuation lines joined.
    static func apiLines(_ readme: String) -> [String] {
        let blocks = readme.components(separatedBy: "```sh\n").dropFirst().map {
            $0.components(separatedBy: "\n```")[0]
        }
        guard let block = blocks.first(where: { $0.contains("curl ") }) else { return [] }
        return block.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("the README's curl lines run as written against a server started as the README says (token exported first)")
    func readmeCurlLines() throws {
        let readme = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = Self.apiLines(readme)
        #expect(lines.filter { $0.hasPrefix("curl ") }.count >= 2, "\(lines)")
        #expect(
            lines.first?.hasPrefix("export CHAINRISK_TOKEN=") == true,
            "the token must be exported before serve and curl: \(lines)")
        let root = NSTemporaryDirectory() + "chainrisk-readme-api-\(UUID().uuidString)"
        let work = root + "/work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root + "/shared",
            withDestinationPath: CLIRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
        )
        // The server the README's serve line starts, on a free port and with the token the export line would make.
        let token = UUID().uuidString
        let server = try ServedProcess(database: root + "/store.sqlite", environment: ["CHAINRISK_TOKEN": token])
        defer { server.stop() }
        let script =
            ["set -e", "export CHAINRISK_TOKEN=\(token)"]
            + lines.filter { $0.hasPrefix("curl ") }.map {
                // -f: an HTTP error fails the line, as a person would notice it.
                $0.replacingOccurrences(of: "curl ", with: "curl -sSf -o /dev/null ").replacingOccurrences(
                    of: "http://127.0.0.1:8080", with: server.url)
            }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script.joined(separator: "\n")]
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)\n\(script.joined(separator: "\n"))")
    }
}
