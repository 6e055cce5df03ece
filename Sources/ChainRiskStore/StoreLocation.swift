public import Foundation

/// Where a store lives, from `--db` or `CHAINRISK_DB`: a file path is SQLite, `postgresql://…` or `postgres://…`
/// PostgreSQL; anything else that looks like a URL is refused rather than taken for a folder name.
public enum StoreLocation: Sendable, Hashable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Reads `text`; throws `StoreError.badLocation` for a URL of another scheme or a malformed PostgreSQL URL.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let scheme = Self.scheme(of: text) {
            guard ["postgresql", "postgres"].contains(scheme.lowercased()) else {
                throw StoreError(
                    .badLocation,
                    "--db '\(Self.redacted(text))': chainrisk stores data in SQLite (a file path) or PostgreSQL (postgresql://user@host:port/database), not '\(scheme)'"
                )
            }
            self = .postgres(try PostgresLocation(url: text, environment: environment))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The default store: `$CHAINRISK_DB`, else `~/.chainrisk/chainrisk.sqlite`.
    public static func defaultText(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let configured = environment["CHAINRISK_DB"], !configured.isEmpty { return configured }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.chainrisk/chainrisk.sqlite"
    }

    /// `scheme` of `scheme://…` (letters, digits, `+`, `-`, `.` before `://`), nil for a path.
    static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// `text` with any password between `:` and `@` of a URL replaced, for messages.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@") else {
            return text
        }
        let credentials = text[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}

/// Opening a store from its location.
public enum TradeStores {
    /// The store at `location` (SQLite or PostgreSQL), migrated to the current schema.
    public static func open(_ location: StoreLocation) throws -> any TradeStore {
        switch location {
        case .sqlite(let path): try SQLiteTradeStore(path: path)
        case .postgres(let postgres): try PostgresTradeStore(postgres)
        }
    }

    /// The store `text` names (`--db`), or the default one.
    public static func open(_ text: String?) throws -> any TradeStore {
        try open(StoreLocation(text ?? StoreLocation.defaultText()))
    }
}
