/// How countries named in shocks map onto the regions of an aggregated table, with the output to scale by.
///
/// The 11-region WIOD aggregate holds Taiwan inside `ASIAPAC_OTH`: a loss of L in Taiwan's sector s is a loss of
/// L × x(TWN, s) / x(ASIAPAC_OTH, s) in the aggregate's sector s, where x is gross output from the full table.
public struct RegionScaling: Sendable, Hashable {
    /// Country (ISO3 as the map spells it) → table region.
    public let regionOfCountry: [String: String]
    /// Gross output per country and sector (`TWN`, `c14`), from the unaggregated table.
    public let countryOutput: [String: [String: Double]]
    /// Where the map and the outputs came from, for the explanation.
    public let source: String

    public init(regionOfCountry: [String: String], countryOutput: [String: [String: Double]], source: String) {
        self.regionOfCountry = regionOfCountry
        self.countryOutput = countryOutput
        self.source = source
    }

    /// No aggregation: countries must be regions of the table.
    public static let none = RegionScaling(regionOfCountry: [:], countryOutput: [:], source: "")

    /// The country's share of its region's output of `sector`, or nil when the outputs are unknown.
    public func share(ofCountry country: String, inRegion region: String, sector: String) -> Double? {
        guard let own = countryOutput[country]?[sector] else { return nil }
        let members = regionOfCountry.filter { $0.value == region }.map(\.key).sorted()
        let total = members.reduce(0.0) { $0 + (countryOutput[$1]?[sector] ?? 0) }
        guard total > 0 else { return nil }
        return own / total
    }
}
