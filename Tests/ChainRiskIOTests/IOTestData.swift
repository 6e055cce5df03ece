import ChainRiskCore
import ChainRiskIngest
import Foundation

/// Paths of the shared real tables and tables read once per test run (the full WIOD table takes seconds to read).
enum IOTestData {
    static let sharedData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data").path
    static let wiod = sharedData + "/wiod2013"
    static let pymrio = sharedData + "/pymrio_testmrio/mrio_data"
    static let national = sharedData + "/io_be_pichler"

    static let fullLong = wiod + "/wiod2013_2011_full_Z_long.csv.gz"
    static let nld11 = wiod + "/wiod2013_2011_nld11_Z.csv"

    private static let fullResult = Result {
        try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: fullLong))
    }
    private static let nld11Result = Result {
        try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: nld11))
    }

    /// The full WIOD 2011 table (41 regions × 35 industries) from its long files.
    static func fullTable() throws -> LoadedInputOutputTable { try fullResult.get() }
    /// The 11-region aggregate with NLD from its matrix files.
    static func nld11Table() throws -> LoadedInputOutputTable { try nld11Result.get() }

    /// |actual − expected| ≤ tolerance · |expected|.
    static func close(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-9) -> Bool {
        abs(actual - expected) <= tolerance * abs(expected)
    }

    /// Writes `text` to `path`.
    static func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Writes `text` to a fresh temporary folder under `name` and returns its path.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = NSTemporaryDirectory() + "chainrisk-io-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
