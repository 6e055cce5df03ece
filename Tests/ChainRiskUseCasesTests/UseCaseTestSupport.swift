import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases
import Foundation

/// A workspace over a fresh in-memory store, and files written for one test.
struct UseCaseFixture {
    let workspace: Workspace
    let folder: String

    init() throws {
        workspace = Workspace(store: try SQLiteTradeStore())
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

/// The `value_at_risk` total of a direct-exposure report, read from its JSON as a user would.
func valueAtRisk(_ report: ScenarioReport) throws -> Double? {
    let json = try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any]
    let totals = json?["totals"] as? [[String: Any]]
    return totals?.first { $0["key"] as? String == "value_at_risk" }?["value"] as? Double
}
