public import Foundation

/// A PostgreSQL database named by a URL, `postgresql://user[:password]@host[:port]/database[?sslmode=…&host=/socket]`.
///
/// The password comes from the URL, else `PGPASSWORD`, else the first matching line of `~/.pgpass` (or `PGPASSFILE`),
/// as libpq does; it never appears in `description`, messages or logs. The user defaults to `PGUSER`, then `USER`; the
/// database to the user's name; the port to 5432. `sslmode`: `disable` (the default on loopback), `prefer` (the
/// default elsewhere) or `require`.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable { case disable, prefer, require }

    public var host: String
    public var port: Int
    /// A Unix-domain socket path (`?host=/var/run/postgresql`), used instead of host and port.
    public var socketPath: String?
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ why: String) -> StoreError {
            StoreError(
                .badLocation,
                "--db '\(StoreLocation.redacted(text))': \(why); expected postgresql://user@host:port/database")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["postgresql", "postgres"].contains(scheme)
        else { throw bad("not a PostgreSQL URL") }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        socketPath = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? "localhost"
        if let port = components.port {
            guard (1...65_535).contains(port) else { throw bad("port \(port) is out of range") }
            self.port = port
        } else {
            port = 5432
        }
        user =
            components.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
            ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw bad("the database name '\(path)' contains '/'") }
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        let mode =
            query["sslmode"]
            ?? (["localhost", "127.0.0.1", "::1"].contains(host) || socketPath != nil ? "disable" : "prefer")
        guard let tls = TLSMode(rawValue: mode) else {
            throw bad("sslmode must be disable, prefer or require, not '\(mode)'")
        }
        self.tls = tls
        password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        if password == nil {
            password = Self.passwordFile(
                host: host, port: port, database: database, user: user, environment: environment)
        }
    }

    /// The URL without its password.
    public var description: String {
        let place =
            socketPath.map { "localhost/\(database)?host=\($0)" }
            ?? "\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        return "postgresql://\(user)@\(place)"
    }

    /// The password for (host, port, database, user) from `~/.pgpass` (`host:port:database:user:password`, `*`
    /// matching anything, `\:` and `\\` escaped), nil when none matches.
    static func passwordFile(host: String, port: Int, database: String, user: String, environment: [String: String])
        -> String?
    {
        let path = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = []
            var field = ""
            var escaped = false
            for character in line {
                if escaped {
                    field.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
