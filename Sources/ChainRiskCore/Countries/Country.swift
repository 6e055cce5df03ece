/// A country or territory with its ISO 3166-1 codes, English and Dutch names, continent and EU membership.
///
/// From `countries.csv` (country_converter's table; Dutch names as CBS writes them).
public struct Country: Hashable, Sendable {
    /// ISO 3166-1 alpha-3, e.g. `NLD`.
    public let iso3: CountryCode
    /// ISO 3166-1 alpha-2, e.g. `NL`.
    public let iso2: String
    /// ISO 3166-1 numeric, e.g. 528.
    public let numeric: Int
    /// The short English name, e.g. `Netherlands`.
    public let nameEN: String
    /// The Dutch name as Statistics Netherlands writes it, e.g. `Nederland`, `Verenigde Staten`.
    public let nameNL: String
    /// The continent: Africa, America, Antarctica, Asia, Europe or Oceania.
    public let region: String
    /// True for the 27 current members of the European Union.
    public let isEU27: Bool
}
