import ChainRiskCore

/// Maps UN Comtrade numeric area codes (M49-like: 528 Netherlands, 0 World, 490 Other Asia nes) to chainrisk
/// codes: ISO3 for countries, the Comtrade ISO-like code (`W00`, `S19`, `_X`, `X1`) for special areas.
///
/// Only Comtrade bulk files need it: API and comtradr files carry ISO3 columns. It wraps a lookup function so the
/// project-wide country table can be plugged in (`ComtradeAreaResolver { CountryTable.shared.code(comtrade: $0) }`);
/// until then it is built from a Comtrade reference list (`ref_partners.csv`) or falls back to `.specialAreas`.
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
        guard let idColumn = header.firstIndex(where: { ["id", "code", "partnercode", "reportercode"].contains($0) }) else {
            throw InputError(.missingColumn, "the area list has no 'id' column", at: csv.location(0))
        }
        guard let isoColumn = header.firstIndex(where: { ["iso3", "partneriso", "reporteriso", "isoalpha3"].contains($0) }) else {
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

    /// World and the Comtrade special areas (areas nes, bunkers, free zones, special categories), transcribed from
    /// comtradr `ref_partners.csv` (shared/data/comtrade_comtradr); countries are not included.
    public static let specialAreas = ComtradeAreaResolver(codes: [
        0: "W00", 490: "S19", 899: "_X", 837: "X1", 838: "X2", 839: "XX", 568: "E19", 577: "F19",
        527: "O19", 879: "F97", 221: "E29", 290: "F49", 129: "A49", 473: "A79", 636: "A79", 637: "A59",
        471: "R91", 472: "_AC", 697: "R20",
    ])

    /// The code for `numeric`, or nil when the table does not know it.
    public func code(_ numeric: Int) -> CountryCode? { lookup(numeric) }
}
