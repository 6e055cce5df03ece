public import ChainRiskCore

/// Reads any CSV through a column map (`--map reporter=reporter_iso,product=product_code,value=export_value_usd`).
///
/// Map keys are the flow fields `year`, `month`, `reporter`, `partner`, `product`, `flow`, `value`, `quantity`,
/// `quantity_unit`, `unit`, `status`, `classification`; map values are header names (matched case-insensitively).
/// `product` and `value` must be mapped; `year`, `flow` and `reporter` are mapped or given as constants in
/// `ReadOptions` (a mapped column wins over a constant). Without a `partner` column every row is a total over
/// partners and gets `CountryCode.world` — e.g. an exporter × product file, where the exporter is the reporter.
/// Product codes are kept as written (`0102` stays `0102`; nothing is padded, since the level of a code that lost its
/// leading zeros cannot be told from the code). Cells follow the rules of `FlowRowDecoder`; the separator is detected.
public struct MappedCSVReader: TradeReader {
    public let format = SourceFormat.csv
    /// How ISO-2 codes become `CountryCode`s and which codes are known.
    public var countries: CountryCodeResolver

    /// The keys a column map may use.
    public static let fieldNames = FlowColumns.fieldNames

    /// A reader that converts ISO-2 codes and checks codes with `countries`.
    public init(countries: CountryCodeResolver = .standard) {
        self.countries = countries
    }

    /// Streams the rows of a CSV file through `options.columnMap` into `sink`; throws `InputError` for a bad map or row.
    public func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        try FlowRowDecoder.readRows(of: file, format: .csv, options: options, resolver: countries, into: sink) {
            header, location in
            let columns = try Self.columns(map: options.columnMap, header: header, options: options, at: location)
            return (columns, columns.partner == nil ? .world : nil)
        }
    }

    /// The positions of the mapped columns in `header`.
    ///
    /// Throws `badValue` for an unknown map key and `missingColumn`, naming the header's columns, for a mapped column
    /// the header lacks or a required field that is neither mapped nor given.
    static func columns(map: [String: String], header: [String], options: ReadOptions, at location: SourceLocation)
        throws -> FlowColumns
    {
        let headerList = header.joined(separator: ",")
        let positions = Dictionary(
            header.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var columns = FlowColumns()
        var mapped: Set<String> = []
        for (key, column) in map.sorted(by: { $0.key < $1.key }) {
            let field = key.trimmingASCIIWhitespace().lowercased()
            guard FlowColumns.fieldNames.contains(field) else {
                throw InputError(
                    .badOption,
                    "unknown field '\(key)' in the column map; the fields are \(FlowColumns.fieldNames.joined(separator: ", "))",
                    at: nil)
            }
            guard let index = positions[column.trimmingASCIIWhitespace().lowercased()] else {
                throw InputError(
                    .missingColumn,
                    "column '\(column)' (mapped to '\(field)') is not in the header; the header has: \(headerList)",
                    at: location)
            }
            columns.set(field, to: index)
            mapped.insert(field)
        }
        var required = ["product", "value"]
        if options.year == nil { required.append("year") }
        if options.flow == nil { required.append("flow") }
        if options.reporter == nil { required.append("reporter") }
        for field in ["reporter", "product", "flow", "value", "year"]
        where required.contains(field) && !mapped.contains(field) {
            let constant =
                ["year": " or give --year", "flow": " or give --flow", "reporter": " or give --reporter"][field] ?? ""
            throw InputError(
                .missingColumn,
                "no column for '\(field)': map it (--map \(field)=COLUMN)\(constant); the header has: \(headerList)",
                at: location)
        }
        return columns
    }
}
