public import ChainRiskCore

/// Maps UN Comtrade numeric area codes (M49-like: 528 Netherlands, 0 World, 490 Other Asia nes) to chainrisk
/// codes: ISO3 for countries, the Comtrade ISO-like code (`W00`, `S19`, `_X`, `X1`) for special areas.
///
/// Only files without ISO columns need it (bulk final files). The default, `.countryTable`, asks the bundled
/// `CountryTable`; a newer Comtrade area list (`ref_partners.csv`) can be read with `init(referenceList:)`.
public struct ComtradeAreaResolver: Sendable {
    private let lookup: @Sendable (Int) -> CountryCode?

    /// Uses `lookup`, which returns nil for unknown codes.
    public init(lookup: @escaping @Sendable (Int) -> CountryCode?) {
        self.lookup = lookup
    }

    /// Uses a fixed table of numeric code → code text (trimmed and upper-cased; empty texts are dropped).
    public init(codes: [Int: String]) {
        var table: [Int: CountryCode] = [:]
        for (numeric, text) in codes {
            if let code = CountryCode(rawValue: text) { table[numeric] = code }
        }
        table[0] = .world
        let frozen = table
        self.lookup = { frozen[$0] }
    }

    /// Reads a Comtrade area reference list: a CSV with columns `id` and `iso_3` (or `reporterCode`/`partnerCode`
    /// and `…ISO`), such as comtradr's `ref_partners.csv`. Code 0 (World, written `World`) becomes `W00`.
    public init(referenceList file: InputFile) throws {
        let csv = CSVReader(source: try file.open(), file: file.displayName)
        let header = try csv.readHeader().map(ComtradeField.normalize)
        guard let idColumn = header.firstIndex(where: { ["id", "code", "partnercode", "reportercode"].contains($0) })
        else {
            throw InputError(.missingColumn, "the area list has no 'id' column", at: csv.location(0))
        }
        guard
            let isoColumn = header.firstIndex(where: {
                ["iso3", "partneriso", "reporteriso", "isoalpha3"].contains($0)
            })
        else {
            throw InputError(.missingColumn, "the area list has no 'iso_3' column", at: csv.location(0))
        }
        var codes: [Int: String] = [:]
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            guard let numeric = try csv.int(idColumn, name: header[idColumn]) else { continue }
            codes[numeric] = csv.string(isoColumn)
        }
        self.init(codes: codes)
    }

    /// The bundled country table's Comtrade area codes (`CountryTable.code(comtrade:)`).
    public static let countryTable = ComtradeAreaResolver { CountryTable.shared.code(comtrade: $0) }

    /// The code for `numeric`, or nil when the table does not know it.
    public func code(_ numeric: Int) -> CountryCode? { lookup(numeric) }
}
