/// One key of the `Landen` (countries) dimension of CBS StatLine table 85427NED, e.g. `L008592` Duitsland.
///
/// From `cbs_landen.csv`. Countries carry their ISO3 code; totals, groups and special areas carry `nil`.
public struct CBSLandenEntry: Hashable, Sendable {
    /// What the key stands for.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A single country or territory.
        case country
        /// All countries (`T001047` Totaal landen).
        case total
        /// A group: EU, non-EU, a continent, Overige.
        case group
        /// Ship and aircraft stores (Boordprovisie).
        case bunkers
        /// Countries and territories not declared or not determined.
        case areaNES = "area_nes"
        /// The sea beyond territorial waters (Zeegebied buiten de territoriale wateren).
        case highSeas = "high_seas"
    }

    /// The dimension key, e.g. `L008592`.
    public let key: String
    /// The Dutch title as StatLine shows it, e.g. `Duitsland`.
    public let titleNL: String
    /// The country's code when `kind` is `.country`.
    public let iso3: CountryCode?
    public let kind: Kind
}
