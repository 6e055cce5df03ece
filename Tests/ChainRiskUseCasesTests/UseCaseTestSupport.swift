import ChainRiskIngest
import ChainRiskStore
import ChainRiskUseCases
import Foundation

/// A workspace over a fresh in-memory store, and files written for one test.
struct UseCaseFixture {
    let workspace: Workspace
    let folder: String

    init() throws {
        workspace = Workspace(store: try TradeStore())
        folder = NSTemporaryDirectory() + "chainrisk-usecases-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the test's folder and returns the path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The shared data folder beside the checkout (`../shared/data`).
    static let sharedData: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()
}
