import Foundation

/// The scheme, host and port a fetch may talk to: those of the configured source (`CHAINRISK_COMTRADE_URL`,
/// `CHAINRISK_CBS_URL` or their defaults).
///
/// Redirects and next-page links are followed only when they stay on this origin, so that a subscription key sent in
/// a header never reaches another scheme, host or port, and a feed cannot send the fetch to a local socket
/// (`http+unix://…`) or another service. Only `http` and `https` are origins; a missing port is the scheme's default
/// (80, 443), and hosts compare without regard to case.
public struct FetchOrigin: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`, lower case.
    public let scheme: String
    /// The host name or address, lower case.
    public let host: String
    /// The port, the scheme's default when the URL names none.
    public let port: Int

    /// The origin of `url`; nil for a URL that is not `http` or `https` or has no host.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = components.port ?? (scheme == "https" ? 443 : 80)
    }

    /// The origin of a configured source; throws `badQuery` (exit 64) for a base that is not an http(s) URL.
    public init(base: String) throws {
        guard let origin = FetchOrigin(url: base) else {
            throw FetchError(.badQuery, "the source URL '\(base)' is not an http or https URL with a host")
        }
        self = origin
    }

    /// Whether `url` is on this origin (same scheme, host and port).
    public func contains(_ url: String) -> Bool {
        FetchOrigin(url: url) == self
    }

    /// `https://host:port`.
    public var description: String { "\(scheme)://\(host):\(port)" }
}
