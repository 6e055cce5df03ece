import Foundation
import Testing

/// Inputs that can be read only once: `/dev/stdin`, a FIFO (`import <(zcat f.gz)` in a shell).
@Suite("Pipes and devices as input: read once, imported and analysed like the file")
struct StreamInputTests {
    /// A new FIFO with `bytes` written into it by a background thread once a reader opens it.
    static func fifo(_ bytes: Data) throws -> String {
        let folder = NSTemporaryDirectory() + "chainrisk-fifo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/input"
        #expect(mkfifo(path, 0o600) == 0)
        Thread.detachNewThread {
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            handle.write(bytes)
            try? handle.close()
        }
        return path
    }

    @Test("import /dev/stdin stores the Comtrade NL file's 10,631 flows under the file's SHA-256, named /dev/stdin")
    func standardInput() throws {
        let cli = CLIRunner()
        let text = try String(contentsOfFile: ImportCommandTests.comtradeNL, encoding: .utf8)
        let result = try cli.run(["import", "/dev/stdin", "--name", "piped"], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 10,631 flows"), "\(result.stdout)")
        let listing = try cli.run(["datasets", "--format", "json"])
        #expect(
            listing.stdout.contains("\"sha256\" : \"b81396845349d370e636872f6b21af78a07d68a2296e349b788d49d7a27a5efd\"")
                || listing.stdout.contains(
                    "\"sha256\":\"b81396845349d370e636872f6b21af78a07d68a2296e349b788d49d7a27a5efd\""),
            "\(listing.stdout.prefix(600))")
        #expect(listing.stdout.contains("/dev/stdin"))
    }

    @Test(
        "a FIFO carrying gzip bytes imports like the file, and concentration --input on a FIFO prints the file's bytes")
    func fifoGzipAndAnalysis() throws {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-c", ImportCommandTests.comtradeNL]
        let out = Pipe()
        gzip.standardOutput = out
        try gzip.run()
        let compressed = out.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0 && compressed.starts(with: [0x1F, 0x8B]))

        let cli = CLIRunner()
        let imported = try cli.run(["import", try Self.fifo(compressed), "--name", "zipped"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 10,631 flows"), "\(imported.stdout)")

        let arguments = ["concentration", "--year", "2022", "--product", "4401", "--format", "json"]
        let fromFile = try cli.run(arguments + ["--input", ImportCommandTests.comtradeNL])
        let fromFIFO = try cli.run(
            arguments + [
                "--input", try Self.fifo(try Data(contentsOf: URL(fileURLWithPath: ImportCommandTests.comtradeNL))),
            ])
        #expect(fromFIFO.status == 0, "\(fromFIFO.stderr)")
        // The provenance names each input as given (and hashes the same bytes); the rows are the same.
        func rows(_ output: String) throws -> NSArray {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            return try #require(json["rows"] as? NSArray)
        }
        let fileRows = try rows(fromFile.stdout)
        #expect(fileRows.count == 1 && fromFile.stdout.contains("\"hhi\": 0.354218840852711"))
        #expect(try rows(fromFIFO.stdout) == fileRows)
        #expect(fromFIFO.stdout.contains("b81396845349d370e636872f6b21af78a07d68a2296e349b788d49d7a27a5efd"))
    }
}
