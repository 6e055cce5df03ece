import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A small blocking pool of PostgreSQL connections for the store's synchronous calls.
///
/// At most `limit` connections are open; a caller waits for a free one beyond that. A connection that failed is closed
/// rather than handed out again. Calls block the calling thread on NIO futures (never on Swift's cooperative pool), so
/// the CLI's main thread and the server's work lanes may call them alike.
final class PostgresConnectionPool: @unchecked Sendable {
    let location: PostgresLocation
    let limit: Int
    let logger: Logger
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 0

    init(location: PostgresLocation, limit: Int) {
        self.location = location
        self.limit = max(1, limit)
        var logger = Logger(label: "chainrisk.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// Runs `body` with a connection of its own; the connection returns to the pool afterwards unless it broke.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try acquire()
        do {
            let result = try body(connection)
            release(connection)
            return result
        } catch {
            release(connection)
            throw error
        }
    }

    /// Closes every idle connection (the store is going away).
    func shutdown() {
        condition.lock()
        let connections = idle
        idle.removeAll()
        open -= connections.count
        condition.unlock()
        for connection in connections { try? connection.close().wait() }
    }

    private func acquire() throws -> PostgresConnection {
        condition.lock()
        while true {
            if let connection = idle.popLast() {
                condition.unlock()
                if !connection.isClosed { return connection }
                condition.lock()
                open -= 1
                continue
            }
            if open < limit {
                open += 1
                nextID += 1
                let id = nextID
                condition.unlock()
                do {
                    return try connect(id: id)
                } catch {
                    condition.lock()
                    open -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func release(_ connection: PostgresConnection) {
        condition.lock()
        if connection.isClosed { open -= 1 } else { idle.append(connection) }
        condition.signal()
        condition.unlock()
    }

    private func connect(id: Int) throws -> PostgresConnection {
        let configuration: PostgresConnection.Configuration
        if let socket = location.socketPath {
            configuration = .init(
                unixSocketPath: socket, username: location.user, password: location.password,
                database: location.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch location.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: tls)
        }
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            throw StoreError(.unreachable, "cannot connect to PostgreSQL at \(location): \(Self.describe(error))")
        }
    }

    /// What went wrong, in the server's words when it said something (never the password).
    /// Whether `error` says the connection is gone (the server stopped, or the backend was terminated), rather than
    /// that the server refused a statement.
    static func isConnectionLost(_ error: any Error) -> Bool {
        if case PostgresError.connectionClosed? = error as? PostgresError { return true }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] {
            // admin_shutdown, crash_shutdown, cannot_connect_now (class 57: operator intervention).
            return ["57P01", "57P02", "57P03"].contains(state)
        }
        return [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains(
            error.code)
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        if let underlying = error.underlying { return String(describing: underlying) }
        return error.code.description
    }
}
