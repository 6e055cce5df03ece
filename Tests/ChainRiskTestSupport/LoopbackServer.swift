public import Hummingbird
import Logging
import NIOCore

/// A Hummingbird server on a free 127.0.0.1 port for tests that need a real HTTP peer (fetch stand-ins, redirects).
///
/// `start` returns once the server listens; `stop` cancels it, which the quiet logger does not report as an error.
public final class LoopbackServer: @unchecked Sendable {
    public private(set) var port = 0
    private var task: Task<Void, any Error>?

    public init() {}

    /// `http://127.0.0.1:PORT`.
    public var base: String { "http://127.0.0.1:\(port)" }

    /// Serves `router` and returns when the server listens.
    public func start(_ router: Router<BasicRequestContext>) async throws {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Self.quietLogger)
        task = Task { try await app.run() }
        for await port in stream {
            self.port = port
            break
        }
    }

    public func stop() { task?.cancel() }

    /// Stopping by cancellation is how a test ends the server, not an error to print.
    static let quietLogger: Logger = {
        var logger = Logger(label: "chainrisk.test-source")
        logger.logLevel = .critical
        return logger
    }()
}
