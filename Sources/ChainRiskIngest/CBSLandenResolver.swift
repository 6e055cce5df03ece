import ChainRiskCore

/// What a CBS Landen dimension entry stands for.
public enum CBSPartner: Hashable, Sendable {
    /// A country, with its ISO 3166-1 alpha-3 code.
    case country(CountryCode)
    /// A total, country group or non-country area (`T001047` Totaal landen, `L007935` EU, ship stores …),
    /// with its key and Dutch title; readers keep the CBS key as the partner code.
    case aggregate(key: String, title: String)
}

/// Maps CBS Landen keys (`L008575`) — or, for StatLine exports with labels, Dutch titles (`China`) — to partners.
///
/// It wraps a lookup function so that the project-wide country table can be plugged in
/// (`CBSLandenResolver { CountryTable.shared.cbsLanden(key: $0) … }`); until then `.table85427NED` holds the
/// keys transcribed from the shared 85427NED dimension file.
public struct CBSLandenResolver: Sendable {
    private let lookup: @Sendable (String) -> CBSPartner?

    /// Uses `lookup`, which returns nil for unknown keys.
    public init(lookup: @escaping @Sendable (String) -> CBSPartner?) {
        self.lookup = lookup
    }

    /// Uses a fixed table keyed by Landen key (and optionally by title).
    public init(table: [String: CBSPartner]) {
        self.lookup = { table[$0] }
    }

    /// The 66 Landen keys of 85427NED in `CBSCodeTables`, looked up by key or by Dutch title.
    public static let table85427NED: CBSLandenResolver = {
        var table: [String: CBSPartner] = [:]
        for entry in CBSCodeTables.landen {
            let partner: CBSPartner = entry.iso3.map { .country(CountryCode(verbatim: $0)) } ?? .aggregate(key: entry.key, title: entry.title)
            table[entry.key] = partner
            table[entry.title] = partner
        }
        return CBSLandenResolver(table: table)
    }()

    /// The partner for a key or title, or nil when unknown.
    public func partner(_ key: String) -> CBSPartner? { lookup(key) }
}
