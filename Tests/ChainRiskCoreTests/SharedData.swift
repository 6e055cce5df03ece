import Foundation

@testable import ChainRiskCore

/// The shared public data next to the repository (`../shared/data`), which some tests read to check the bundled
/// tables against their sources.
enum SharedData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data").standardizedFileURL

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// A CSV file under the shared data folder, read with the reference table reader.
    static func table(_ path: String) throws -> ReferenceTable {
        let data = try Data(contentsOf: directory.appendingPathComponent(path))
        return try ReferenceTable(resource: path, bytes: Array(data))
    }
}
