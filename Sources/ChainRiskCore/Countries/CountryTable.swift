/// The bundled country reference: ISO countries, special partner codes, and the numeric and Dutch-name codes of
/// UN Comtrade, CEPII BACI and CBS that lead to them.
///
/// Readers use it to turn whatever a source writes (`528`, `NL`, `Duitsland`, BACI `251`) into one `CountryCode`,
/// and analyses use `isCountry(_:)` to keep the world total, areas n.e.s. and groups out of supplier counts.
public struct CountryTable: Sendable {
    /// All countries and territories, sorted by ISO3.
    public let countries: [Country]
    /// All special partner codes, sorted by code.
    public let specialAreas: [SpecialArea]
    /// The CBS `Landen` keys of the bundled subset, sorted by key.
    public let cbsLandenEntries: [CBSLandenEntry]
    /// The 27 current EU members, sorted.
    public let eu27: [CountryCode]

    private let byISO3: [CountryCode: Country]
    private let byISO2: [String: CountryCode]
    private let byNumeric: [Int: CountryCode]
    private let byDutchName: [String: CountryCode]
    private let specialByCode: [CountryCode: SpecialArea]
    private let cepiiExceptions: [Int: CountryCode]
    private let byComtrade: [Int: CountryCode]
    private let cbsByKey: [String: CBSLandenEntry]

    init(
        countries: [Country], specialAreas: [SpecialArea], cepiiExceptions: [Int: CountryCode],
        comtrade: [Int: CountryCode], cbsLanden: [CBSLandenEntry]
    ) {
        self.countries = countries.sorted { $0.iso3 < $1.iso3 }
        self.specialAreas = specialAreas.sorted { $0.code < $1.code }
        self.cbsLandenEntries = cbsLanden.sorted { $0.key < $1.key }
        self.eu27 = self.countries.filter(\.isEU27).map(\.iso3)
        byISO3 = Dictionary(uniqueKeysWithValues: countries.map { ($0.iso3, $0) })
        byISO2 = Dictionary(uniqueKeysWithValues: countries.map { ($0.iso2, $0.iso3) })
        byNumeric = Dictionary(uniqueKeysWithValues: countries.map { ($0.numeric, $0.iso3) })
        byDutchName = Dictionary(
            countries.map { ($0.nameNL.lowercased(), $0.iso3) }, uniquingKeysWith: { first, _ in first })
        specialByCode = Dictionary(uniqueKeysWithValues: specialAreas.map { ($0.code, $0) })
        self.cepiiExceptions = cepiiExceptions
        byComtrade = comtrade
        cbsByKey = Dictionary(uniqueKeysWithValues: cbsLanden.map { ($0.key, $0) })
    }

    /// The country with this ISO3 code, or `nil` for special codes and unknown text.
    public func country(_ iso3: CountryCode) -> Country? { byISO3[iso3] }

    /// True only for current countries and territories; false for `W00`, `_X`, `X1`, `S19`, groups and former
    /// countries.
    public func isCountry(_ code: CountryCode) -> Bool { byISO3[code] != nil }

    /// The special partner code's kind, name and conventional country, or `nil` for countries and unknown codes.
    public func specialArea(_ code: CountryCode) -> SpecialArea? { specialByCode[code] }

    /// The country a code stands for: the code itself for a country, `mapsTo` for a special code (`S19` → `TWN`),
    /// `nil` for the world, groups, areas n.e.s. and unknown codes.
    public func conventionalCountry(for code: CountryCode) -> CountryCode? {
        if isCountry(code) { return code }
        return specialByCode[code]?.mapsTo
    }

    /// The ISO3 code for an ISO 3166-1 alpha-2 code, case-insensitive (`nl` → `NLD`).
    public func code(iso2: String) -> CountryCode? { byISO2[iso2.trimmingASCIIWhitespace().uppercased()] }

    /// The ISO3 code for an ISO 3166-1 numeric code (528 → `NLD`); BACI and Comtrade codes differ, see below.
    public func code(numeric: Int) -> CountryCode? { byNumeric[numeric] }

    /// The code for a CEPII BACI country code: ISO numeric except the BACI codes of `cepii_codes.csv`
    /// (251 → `FRA`, 699 → `IND`, 842 → `USA`, 490 → `TWN`, 711 → `ZA1`, 891 → `SCG`).
    public func code(cepii: Int) -> CountryCode? { cepiiExceptions[cepii] ?? byNumeric[cepii] }

    /// The ISO3 or special code for a UN Comtrade area code (528 → `NLD`, 251 → `FRA`, 490 → `S19`, 0 → `W00`).
    ///
    /// Comtrade gives 492 "Europe EU, nes" the ISO3 `MCO`; this returns `MCO` as Comtrade data writes it.
    public func code(comtrade: Int) -> CountryCode? { byComtrade[comtrade] }

    /// The ISO3 code for a Dutch country name as CBS writes it (`Duitsland` → `DEU`), ignoring case and outer blanks.
    public func code(dutchName: String) -> CountryCode? {
        byDutchName[dutchName.trimmingASCIIWhitespace().lowercased()]
    }

    /// The CBS StatLine `Landen` key, e.g. `L008592` (Duitsland), or `nil` when it is not in the bundled subset.
    public func cbsLanden(key: String) -> CBSLandenEntry? { cbsByKey[key.trimmingASCIIWhitespace()] }
}
