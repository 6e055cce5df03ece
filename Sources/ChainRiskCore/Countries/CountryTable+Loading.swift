public import Foundation

extension CountryTable {
    /// The table bundled with ChainRiskCore, read once on first use.
    ///
    /// Stops the program with the file and line if a bundled file is corrupt; use `bundled()` to handle that.
    public static let shared = loadBundled("country table") { try CountryTable.bundled() }

    /// Reads the table from the ChainRiskCore bundle.
    public static func bundled() throws(ReferenceDataError) -> CountryTable {
        try CountryTable(reading: nil)
    }

    /// Reads the table from a directory holding `countries.csv`, `special_areas.csv`, `cepii_codes.csv`,
    /// `comtrade_codes.csv` and `cbs_landen.csv` in the bundled format.
    public init(directory: URL) throws(ReferenceDataError) {
        try self.init(reading: directory)
    }

    private init(reading directory: URL?) throws(ReferenceDataError) {
        let countries = try Self.readCountries(ReferenceTable(named: "countries", in: directory))
        let countryCodes = Set(countries.map(\.iso3))
        let special = try Self.readSpecialAreas(
            ReferenceTable(named: "special_areas", in: directory), countries: countryCodes)
        let known = countryCodes.union(special.map(\.code))
        let cepii = try Self.readCodeMap(
            ReferenceTable(named: "cepii_codes", in: directory), key: "cepii_code", known: known)
        let comtrade = try Self.readCodeMap(
            ReferenceTable(named: "comtrade_codes", in: directory), key: "code", known: known)
        let cbs = try Self.readCBSLanden(ReferenceTable(named: "cbs_landen", in: directory), countries: countryCodes)
        self.init(
            countries: countries, specialAreas: special, cepiiExceptions: cepii, comtrade: comtrade, cbsLanden: cbs)
    }

    private static func readCountries(_ table: ReferenceTable) throws(ReferenceDataError) -> [Country] {
        let column = try table.columns("iso3", "iso2", "numeric", "name_en", "name_nl", "region", "eu27")
        var seen: Set<String> = []
        var countries: [Country] = []
        for record in table.records {
            let field = { (index: Int) in record.fields[column[index]] }
            let iso3 = try table.countryCode(field(0), column: "iso3", at: record)
            let numeric = try table.integer(field(2), column: "numeric", at: record)
            for key in [iso3.rawValue, "iso2:" + field(1), "numeric:\(numeric)"] where !seen.insert(key).inserted {
                throw table.duplicate(key, at: record)
            }
            guard field(1).utf8.count == 2, field(6) == "0" || field(6) == "1" else {
                throw table.badValue("expected a two-letter iso2 and eu27 0 or 1", at: record)
            }
            countries.append(
                Country(
                    iso3: iso3, iso2: field(1), numeric: numeric, nameEN: field(3), nameNL: field(4), region: field(5),
                    isEU27: field(6) == "1"
                ))
        }
        return countries
    }

    private static func readSpecialAreas(
        _ table: ReferenceTable, countries: Set<CountryCode>
    ) throws(ReferenceDataError) -> [SpecialArea] {
        let column = try table.columns("code", "kind", "name_en", "maps_to")
        var seen: Set<CountryCode> = []
        var areas: [SpecialArea] = []
        for record in table.records {
            let code = try table.countryCode(record.fields[column[0]], column: "code", at: record)
            guard seen.insert(code).inserted else { throw table.duplicate(code.rawValue, at: record) }
            guard !countries.contains(code) else { throw table.badValue("\(code) is a country", at: record) }
            guard let kind = SpecialArea.Kind(rawValue: record.fields[column[1]]) else {
                throw table.badValue("unknown kind '\(record.fields[column[1]])'", at: record)
            }
            let mapsTo = CountryCode(rawValue: record.fields[column[3]])
            if let mapsTo, !countries.contains(mapsTo) {
                throw table.badValue("maps_to \(mapsTo) is not a country", at: record)
            }
            areas.append(SpecialArea(code: code, kind: kind, name: record.fields[column[2]], mapsTo: mapsTo))
        }
        return areas
    }

    /// A numeric code → country or special code table (`cepii_codes.csv`, `comtrade_codes.csv`).
    private static func readCodeMap(
        _ table: ReferenceTable, key: String, known: Set<CountryCode>
    ) throws(ReferenceDataError) -> [Int: CountryCode] {
        let column = try table.columns(key, "iso3")
        var map: [Int: CountryCode] = [:]
        for record in table.records {
            let number = try table.integer(record.fields[column[0]], column: key, at: record)
            let code = try table.countryCode(record.fields[column[1]], column: "iso3", at: record)
            guard known.contains(code) else {
                throw table.badValue("\(code) is neither a country nor a special code", at: record)
            }
            guard map.updateValue(code, forKey: number) == nil else {
                throw table.duplicate(String(number), at: record)
            }
        }
        return map
    }

    private static func readCBSLanden(
        _ table: ReferenceTable, countries: Set<CountryCode>
    ) throws(ReferenceDataError) -> [CBSLandenEntry] {
        let column = try table.columns("key", "title_nl", "iso3", "kind")
        var seen: Set<String> = []
        var entries: [CBSLandenEntry] = []
        for record in table.records {
            let key = record.fields[column[0]]
            guard seen.insert(key).inserted else { throw table.duplicate(key, at: record) }
            guard let kind = CBSLandenEntry.Kind(rawValue: record.fields[column[3]]) else {
                throw table.badValue("unknown kind '\(record.fields[column[3]])'", at: record)
            }
            let iso3 = CountryCode(rawValue: record.fields[column[2]])
            guard (kind == .country) == (iso3 != nil), iso3.map(countries.contains) ?? true else {
                throw table.badValue("a country key needs the ISO3 of a country, other keys none", at: record)
            }
            entries.append(CBSLandenEntry(key: key, titleNL: record.fields[column[1]], iso3: iso3, kind: kind))
        }
        return entries
    }
}
