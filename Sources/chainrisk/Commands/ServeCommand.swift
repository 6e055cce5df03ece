import ArgumentParser
import ChainRiskServer
import ChainRiskStore
import ChainRiskUseCases
import Foundation
import Logging

/// `chainrisk serve`: the dashboard and JSON API on a local web server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard and the JSON API (/api/v1, described at /api/v1/openapi.json).",
        discussion: """
            Listens on loopback by default. Write endpoints (upload, delete) need the bearer token in \
            $CHAINRISK_TOKEN and are disabled when it is not set. Stops cleanly on SIGINT or SIGTERM. \
            With --mrio PATH (an input-output table, as for `chainrisk origins`) the server also answers \
            /api/v1/origins (the letter's Table 3) and runs scenarios (POST /api/v1/scenarios, the /scenario page).
            Example:
              CHAINRISK_TOKEN=$(openssl rand -hex 16) chainrisk serve --port 8080 \\
                --mrio ../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv
            """
    )

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .customLong("upload-limit"), help: "Largest upload in bytes.")
    var uploadLimit: Int = 200 * 1024 * 1024

    @Option(name: .customLong("body-limit"), help: "Largest body of any other request in bytes.")
    var bodyLimit: Int = 1024 * 1024

    @Option(
        name: .customLong("idle-timeout"),
        help: "Seconds a connection may stay without a complete request before it is closed.")
    var idleTimeout: Double = 30

    @Option(
        help:
            "Long computations (scenario runs, analyses of stored datasets) run at once (default: the number of cores, at least 2)."
    )
    var workers: Int?

    @Option(name: .customLong("log-level"), help: "Access and error log level.")
    var logLevel: Logger.Level = .info

    @OptionGroup var store: StoreOptions

    @OptionGroup var io: InputOutputOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be between 1 and 256") }
        guard idleTimeout > 0, idleTimeout <= 86_400 else {
            throw ValidationError("--idle-timeout must be between 0 and 86400 seconds")
        }
        guard uploadLimit > 0, bodyLimit > 0 else {
            throw ValidationError("--upload-limit and --body-limit must be positive")
        }
    }

    func run() async throws {
        let configuration = ServerConfiguration(
            host: host, port: port, database: store.db ?? Workspace.defaultStoreLocation,
            token: ProcessInfo.processInfo.environment["CHAINRISK_TOKEN"], uploadLimit: uploadLimit,
            bodyLimit: bodyLimit,
            logLevel: logLevel,
            inputOutput: try io.source()?.load(), workers: workers ?? ServerConfiguration.defaultWorkers,
            idleTimeout: idleTimeout
        )
        let store = Workspace.displayedStoreLocation(configuration.database)
        let writes = configuration.token == nil ? "disabled (set CHAINRISK_TOKEN)" : "need the bearer token"
        try await runServer(configuration: configuration) { [host] port in
            FileOutput.standardError.write(
                "chainrisk: listening on http://\(host):\(port) (store \(store); writes \(writes))\n")
        }
    }
}

// swift-format-ignore: AvoidRetroactiveConformances
// swift-log's level is the server's own vocabulary; argument-parser only needs its raw values.
extension Logger.Level: @retroactive ExpressibleByArgument {}
