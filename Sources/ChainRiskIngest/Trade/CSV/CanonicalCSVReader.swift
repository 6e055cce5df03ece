public import ChainRiskCore

/// Reads chainrisk's canonical CSV: `year,reporter,partner,product,flow,value` plus optional columns.
///
/// Optional columns: `classification`, `unit`, `quantity`, `quantity_unit`, `status`, `month`. Header names are
/// matched case-insensitively and in any order; other columns are ignored; the separator is detected (`,` `;` tab).
/// Cells follow the rules of `FlowRowDecoder`: flows as `FlowKind` tokens (`import`, `export`, `re_export`, `M`,
/// `X` …), statuses as `ValueStatus` raw values, units as `ValueUnit` tokens (`USD`, `kUSD`, `mEUR`), classifications
/// as `Classification` tokens (`HS2017`, `SITC4`, `CN8`); reporter and partner as ISO3 (ISO2 is converted).
public struct CanonicalCSVReader: TradeReader {
    public let format = SourceFormat.canonical
    /// How ISO-2 codes become `CountryCode`s and which codes are known.
    public var countries: CountryCodeResolver

    /// The columns every canonical file has.
    public static let requiredColumns = ["year", "reporter", "partner", "product", "flow", "value"]
    /// The columns a canonical file may add.
    public static let optionalColumns = ["classification", "unit", "quantity", "quantity_unit", "status", "month"]

    /// A reader that converts ISO-2 codes and checks codes with `countries`.
    public init(countries: CountryCodeResolver = .standard) {
        self.countries = countries
    }

    /// Streams the rows of a canonical CSV file into `sink`; throws `InputError` for a missing column or a malformed row.
    public func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        try FlowRowDecoder.readRows(of: file, format: .canonical, options: options, resolver: countries, into: sink) {
            header, location in
            (try Self.columns(header: header, at: location), nil)
        }
    }

    /// The positions of the canonical columns in `header`; throws `missingColumn` when a required one is absent.
    static func columns(header: [String], at location: SourceLocation) throws -> FlowColumns {
        var columns = FlowColumns()
        var seen: Set<String> = []
        for (index, name) in header.enumerated() {
            let key = name.lowercased()
            guard requiredColumns.contains(key) || optionalColumns.contains(key) else { continue }
            guard seen.insert(key).inserted else {
                throw InputError(.badStructure, "column '\(name)' appears twice in the header", at: location)
            }
            columns.set(key, to: index)
        }
        let missing = requiredColumns.filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw InputError(
                .missingColumn,
                "the canonical CSV needs column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")); the header has: \(header.joined(separator: ","))",
                at: location)
        }
        return columns
    }
}
