public import ChainRiskIngest
import Foundation
public import Logging

/// What `chainrisk serve` is started with: where to listen, which store, who may write, and the limits.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback by default so that nothing is exposed without asking.
    public var host: String
    public var port: Int
    /// The store (`--db`: a SQLite path or a `postgresql://` URL), or nil for a private in-memory store (tests).
    public var database: String?
    /// The bearer token write endpoints require (`CHAINRISK_TOKEN`); nil disables writes altogether.
    public var token: String?
    /// Largest request body of an upload, in bytes (default 200 MB).
    public var uploadLimit: Int
    /// Largest request body of any other request, in bytes (default 1 MB).
    public var bodyLimit: Int
    /// Results kept in the response cache (keyed by dataset and parameters).
    public var cacheEntries: Int
    /// Most rows one concentration or world-market response returns (`limit` may ask for fewer).
    public var maximumRows: Int
    public var logLevel: Logger.Level
    /// The input-output table (`--mrio`) behind origins and scenarios; nil answers those endpoints with 404.
    public var inputOutput: LoadedInputOutputTable?
    /// Most days one ARIO scenario run may simulate.
    public var maximumScenarioDays: Int
    /// How many long computations (scenario runs, origins, analyses of stored datasets) may run at once, each on a
    /// thread of its own; more wait their turn. Default `defaultWorkers`.
    public var workers: Int
    /// How many cheap computations (the built-in letter's pages and JSON, dataset listings) may run at once, in a lane
    /// of their own so that they never wait behind long ones (see `WorkPool`). Default 1.
    public var cheapWorkers: Int
    /// Seconds a connection may stay without a complete request (idle between requests, or stopped in the middle
    /// of its headers) before the server closes it; a request being answered is never cut.
    public var idleTimeout: Double

    /// max(2, active processors): one long computation per core, and at least two so that one never holds up all.
    public static var defaultWorkers: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: String? = nil, token: String? = nil,
        uploadLimit: Int = 200 * 1024 * 1024, bodyLimit: Int = 1024 * 1024, cacheEntries: Int = 512,
        maximumRows: Int = 20_000, logLevel: Logger.Level = .info, inputOutput: LoadedInputOutputTable? = nil,
        maximumScenarioDays: Int = 730, workers: Int = ServerConfiguration.defaultWorkers, cheapWorkers: Int = 1,
        idleTimeout: Double = 30
    ) {
        self.idleTimeout = idleTimeout
        self.host = host
        self.port = port
        self.database = database
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.uploadLimit = uploadLimit
        self.bodyLimit = bodyLimit
        self.cacheEntries = cacheEntries
        self.maximumRows = maximumRows
        self.logLevel = logLevel
        self.inputOutput = inputOutput
        self.maximumScenarioDays = maximumScenarioDays
        self.workers = max(1, workers)
        self.cheapWorkers = max(1, cheapWorkers)
    }
}
