import Foundation

/// A PostgreSQL server for the tests that need one.
///
/// `CHAINRISK_TEST_POSTGRES_URL` (set by `.ci/run`, which starts a throwaway cluster) names a superuser URL; without it
/// the first test that asks starts a throwaway cluster of its own through `scripts/postgres-throwaway.sh` (stopped when
/// the test process exits). Tests that need PostgreSQL are enabled only when `isAvailable`: the server binaries
/// (initdb, pg_ctl, psql) are missing otherwise, and they say so.
public enum TestPostgres {
    /// The superuser URL of the test server, nil when none can be had.
    public static let serverURL: String? = {
        if let url = ProcessInfo.processInfo.environment["CHAINRISK_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        return startThrowawayCluster()
    }()

    public static var isAvailable: Bool { serverURL != nil }

    /// A new empty database on the test server, and its URL.
    public static func freshDatabase() throws -> String {
        guard let server = serverURL, let components = URLComponents(string: server) else {
            throw Failure(message: "no PostgreSQL server for the tests")
        }
        let name = "chainrisk_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql(server, "CREATE DATABASE \(name)")
        var database = components
        database.path = "/" + name
        return try database.string ?? { throw Failure(message: "cannot build a URL for \(name)") }()
    }

    /// Runs one SQL statement with psql and returns its unaligned, tuples-only output.
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let result = try run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql])
        guard result.status == 0 else { throw Failure(message: "psql failed: \(result.error)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    /// The repository root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    nonisolated(unsafe) static var clusterDirectory: String?

    private static func startThrowawayCluster() -> String? {
        guard (try? run(["psql", "--version"]))?.status == 0 else { return nil }
        let directory = NSTemporaryDirectory() + "chainrisk-test-pg-\(UUID().uuidString)"
        let script = root.appendingPathComponent("scripts/postgres-throwaway.sh").path
        // The server inherits the script's open files, so its output is read from DIR/url, never from a pipe
        // (reading a pipe to its end would wait for the server to exit).
        guard (try? run(["bash", script, "start", directory], capture: false))?.status == 0,
            let url = try? String(contentsOfFile: directory + "/url", encoding: .utf8)
        else { return nil }
        clusterDirectory = directory
        atexit {
            guard let directory = TestPostgres.clusterDirectory else { return }
            let script = TestPostgres.root.appendingPathComponent("scripts/postgres-throwaway.sh").path
            _ = try? TestPostgres.run(["bash", script, "stop", directory], capture: false)
        }
        return url.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `arguments`; with `capture`, returns what it wrote (only for programs that leave nothing running).
    static func run(_ arguments: [String], capture: Bool = true) throws -> (
        status: Int32, output: String, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        guard capture else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, "", "")
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
