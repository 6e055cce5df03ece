import Foundation

/// Runs the built `chainrisk` binary as a subprocess, as a user would.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// A fresh database path in a temporary folder, so tests running in parallel never share a store.
    let database = NSTemporaryDirectory() + "chainrisk-cli-\(UUID().uuidString)/store.sqlite"

    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shared real data beside the checkout.
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").path

    /// The binary next to the test bundle (the same build folder), or the default debug build.
    static let binary: String = {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("chainrisk").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        let bundles = Bundle.allBundles.map {
            $0.bundleURL.deletingLastPathComponent().appendingPathComponent("chainrisk").path
        }
        if let found = bundles.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        return packageRoot.appendingPathComponent(".build/debug/chainrisk").path
    }()

    /// Runs `chainrisk ARGS` with `--db` pointing at this runner's database (via `CHAINRISK_DB`), and `environment`
    /// added to the inherited variables.
    func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CHAINRISK_DB"] = database
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            // Written on its own thread: a large input fills the pipe before the process reads it.
            let writer = input.fileHandleForWriting
            DispatchQueue.global().async {
                writer.write(Data(stdin.utf8))
                try? writer.close()
            }
        }
        // Read both pipes concurrently with the process so a full pipe buffer cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `text` to a new temporary file with `name` and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try file(name, Data(text.utf8))
    }

    func file(_ name: String, _ data: Data) throws -> String {
        let folder = NSTemporaryDirectory() + "chainrisk-cli-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
