import ChainRiskCore
import ChainRiskIngest
import Foundation

/// Paths to the shared real data and temporary files for the BACI, Comext, canonical and mapped reader tests.
enum BACITestData {
    /// The package root, three levels above this file (`Tests/ChainRiskIngestTests/BACITestData.swift`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` relative to the package root.
    static let sharedData = packageRoot.appendingPathComponent("../shared/data").standardizedFileURL

    /// The path of a file under the shared data folder, e.g. `baci_sample/…csv`.
    static func path(_ relative: String) -> String { sharedData.appendingPathComponent(relative).path }

    /// The BACI sample file of one year.
    static func baciSample(year: Int) -> InputFile {
        InputFile(path: path("baci_sample/BACI_HS92_Y\(year)_V202501_sample0.1pct.csv"))
    }

    /// A fresh temporary directory for one test (tests run in parallel), all under one `chainrisk-baci-tests` folder.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chainrisk-baci-tests").appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Writes `contents` to a new temporary file called `name` and returns it as an input file.
    static func file(named name: String, contents: String) throws -> InputFile {
        try file(named: name, bytes: Array(contents.utf8))
    }

    static func file(named name: String, bytes: [UInt8]) throws -> InputFile {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return InputFile(path: url.path, displayName: name)
    }

    /// Reads a whole file into memory with `reader`: the flows with their lines, and the summary.
    static func readAll(
        _ reader: any TradeReader, _ file: InputFile, options: ReadOptions = ReadOptions()
    ) throws -> (flows: [TradeFlow], lines: [Int], summary: ReadSummary) {
        var flows: [TradeFlow] = []
        var lines: [Int] = []
        let summary = try reader.read(file, options: options) { flow, line in
            flows.append(flow)
            lines.append(line)
        }
        return (flows, lines, summary)
    }
}
