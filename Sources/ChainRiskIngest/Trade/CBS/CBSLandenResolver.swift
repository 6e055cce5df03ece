public import ChainRiskCore

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
/// It wraps a lookup function; the default, `.countryTable`, asks the bundled `CountryTable` (its CBS Landen
/// keys, then the Dutch country names).
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

    /// The bundled `CountryTable`: Landen keys and their titles, then Dutch country names (`Duitsland` → `DEU`).
    public static let countryTable: CBSLandenResolver = {
        let countries = CountryTable.shared
        var byTitle: [String: CBSPartner] = [:]
        for entry in countries.cbsLandenEntries { byTitle[entry.titleNL.lowercased()] = partner(entry) }
        let titles = byTitle
        return CBSLandenResolver { text in
            if let entry = countries.cbsLanden(key: text) { return partner(entry) }
            if let partner = titles[text.lowercased()] { return partner }
            return countries.code(dutchName: text).map { .country($0) }
        }
    }()

    private static func partner(_ entry: CBSLandenEntry) -> CBSPartner {
        if entry.kind == .country, let iso3 = entry.iso3 { return .country(iso3) }
        return .aggregate(key: entry.key, title: entry.titleNL)
    }

    /// The partner for a key or title, or nil when unknown.
    public func partner(_ key: String) -> CBSPartner? { lookup(key) }
}
