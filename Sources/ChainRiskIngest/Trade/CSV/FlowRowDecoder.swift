import ChainRiskCore

/// The positions of the trade-flow fields in a CSV header; `nil` when the file has no such column.
///
/// Shared by the canonical reader (columns named after the fields) and the mapped reader (columns named by `--map`).
struct FlowColumns: Sendable {
    var year: Int?
    var month: Int?
    var reporter: Int?
    var partner: Int?
    var product: Int?
    var flow: Int?
    var value: Int?
    var quantity: Int?
    var quantityUnit: Int?
    var unit: Int?
    var status: Int?
    var classification: Int?

    /// The field names a column can stand for, in the spelling of the canonical header and of `--map` keys.
    static let fieldNames = [
        "year", "month", "reporter", "partner", "product", "flow", "value",
        "quantity", "quantity_unit", "unit", "status", "classification",
    ]

    /// Sets the column of field `name` (one of `fieldNames`).
    mutating func set(_ name: String, to index: Int) {
        switch name {
        case "year": year = index
        case "month": month = index
        case "reporter": reporter = index
        case "partner": partner = index
        case "product": product = index
        case "flow": flow = index
        case "value": value = index
        case "quantity": quantity = index
        case "quantity_unit": quantityUnit = index
        case "unit": unit = index
        case "status": status = index
        case "classification": classification = index
        default: break
        }
    }
}

/// Turns one CSV record into a `TradeFlow` through `FlowColumns`, with defaults for what the file does not say.
///
/// Rules (the canonical CSV contract, also applied to mapped files):
/// - A required field comes from its column, else from the `ReadOptions` constant (year, flow, reporter), else, for
///   the partner only, from `defaultPartner`; an empty cell in a required column is an `InputError(.badValue)`.
/// - `unit` and `classification`: the cell, else `options.unit` / `options.classification`, else USD / HS (vintage
///   unknown) with one `unitAssumed` finding per file.
/// - Value and status: a number with no status is `reported`; an empty value with no status is `missing` (finding);
///   `suppressed` and `missing` need an empty value (a finding each); `nil` means a true zero (value empty or 0);
///   `reported` or `provisional` with an empty value, or a value next to `suppressed`/`missing`, is a contradiction
///   and throws `InputError(.badValue)`. A negative value is kept with a `negativeValue` finding.
/// - Countries: trimmed and upper-cased (`afg` → `AFG`); a two-letter code is converted with the resolver's ISO-2
///   table; any other code is kept as written. A code the table does not know (`XI`, `XYZ`) is kept too, with one
///   `unknownCode` finding per code.
struct FlowRowDecoder {
    let columns: FlowColumns
    let header: [String]
    let options: ReadOptions
    /// The partner of files without a partner column (the world total for exporter × product files).
    let defaultPartner: CountryCode?
    let resolver: CountryCodeResolver
    private var countryCache: [String: (code: CountryCode, isUnknown: Bool)] = [:]
    private(set) var unknownCountries = CodeTally<String>()
    private var assumedUnit = false
    private var assumedClassification = false

    init(
        columns: FlowColumns, header: [String], options: ReadOptions, defaultPartner: CountryCode?,
        resolver: CountryCodeResolver
    ) {
        self.columns = columns
        self.header = header
        self.options = options
        self.defaultPartner = defaultPartner
        self.resolver = resolver
    }

    mutating func decode(_ csv: CSVReader, findings: inout FindingLog) throws -> TradeFlow {
        let year = try requiredInt(columns.year, "year", constant: options.year, csv)
        guard (1900...2100).contains(year) else { throw bad("a year between 1900 and 2100", columns.year, csv) }
        let month = try columns.month.flatMap { try csv.int($0, name: header[$0]) } ?? 0
        guard (0...12).contains(month) else { throw bad("a month 0…12 (0 for a year)", columns.month, csv) }
        let reporter = try country(columns.reporter, "reporter", constant: options.reporter, csv)
        let partner = try country(columns.partner, "partner", constant: defaultPartner, csv)
        let productText = try requiredText(columns.product, "product", csv)
        let flow = try flowKind(csv)
        let unit =
            try cell(columns.unit, csv).map { text in
                guard let unit = ValueUnit(token: text) else {
                    throw bad("a unit such as USD, kUSD, EUR", columns.unit, csv)
                }
                return unit
            } ?? defaultUnit(csv, &findings)
        let classification =
            try cell(columns.classification, csv).map { text in
                guard let value = Classification(token: text) else {
                    throw bad("a classification such as HS2017, SITC4, CN8", columns.classification, csv)
                }
                return value
            } ?? defaultClassification(csv, &findings)
        let (value, status) = try valueAndStatus(csv, &findings)
        let quantity = try columns.quantity.flatMap { try csv.double($0, name: header[$0]) }
        let quantityUnit = try cell(columns.quantityUnit, csv)
        return TradeFlow(
            year: year, month: month, reporter: reporter, partner: partner,
            product: ProductCode(productText, in: classification), flow: flow, value: value, unit: unit,
            quantity: quantity, quantityUnit: quantityUnit, status: status)
    }

    // MARK: Fields

    private func cell(_ column: Int?, _ csv: CSVReader) throws -> String? {
        guard let column, !csv.isBlank(column) else { return nil }
        return csv.string(column).trimmingASCIIWhitespace()
    }

    private func requiredText(_ column: Int?, _ name: String, _ csv: CSVReader) throws -> String {
        guard let column else { throw InputError(.missingColumn, "no column for '\(name)'", at: csv.recordLocation) }
        guard let text = try cell(column, csv) else {
            throw InputError(.badValue, "empty \(name) in column '\(header[column])'", at: csv.location(column))
        }
        return text
    }

    private func requiredInt(_ column: Int?, _ name: String, constant: Int?, _ csv: CSVReader) throws -> Int {
        guard let column else {
            guard let constant else {
                throw InputError(.missingColumn, "no column for '\(name)'", at: csv.recordLocation)
            }
            return constant
        }
        guard let number = try csv.int(column, name: header[column]) else {
            throw InputError(.badValue, "empty \(name) in column '\(header[column])'", at: csv.location(column))
        }
        return number
    }

    private mutating func country(_ column: Int?, _ name: String, constant: CountryCode?, _ csv: CSVReader) throws
        -> CountryCode
    {
        guard let column else {
            guard let constant else {
                throw InputError(.missingColumn, "no column for '\(name)'", at: csv.recordLocation)
            }
            return constant
        }
        let text = try requiredText(column, name, csv)
        let entry: (code: CountryCode, isUnknown: Bool)
        if let cached = countryCache[text] {
            entry = cached
        } else {
            let upper = text.uppercased()
            if upper.utf8.count == 2 {
                let converted = resolver.iso2(upper)
                entry = (converted ?? CountryCode(verbatim: upper), converted == nil)
            } else {
                let code = CountryCode(verbatim: upper)
                entry = (code, !resolver.isKnown(code))
            }
            countryCache[text] = entry
        }
        if entry.isUnknown { unknownCountries.note(entry.code.rawValue, at: csv.location(column)) }
        return entry.code
    }

    private func flowKind(_ csv: CSVReader) throws -> FlowKind {
        guard let column = columns.flow else {
            guard let constant = options.flow else {
                throw InputError(.missingColumn, "no column for 'flow'", at: csv.recordLocation)
            }
            return constant
        }
        let text = try requiredText(column, "flow", csv)
        guard let kind = FlowKind(token: text) else {
            throw bad("a flow such as import, export, re_export", column, csv)
        }
        return kind
    }

    private mutating func defaultUnit(_ csv: CSVReader, _ findings: inout FindingLog) -> ValueUnit {
        if let unit = options.unit { return unit }
        if !assumedUnit {
            assumedUnit = true
            findings.record(
                Finding(.unitAssumed, "no unit given; values are assumed to be in USD", at: csv.recordLocation))
        }
        return .usd
    }

    private mutating func defaultClassification(_ csv: CSVReader, _ findings: inout FindingLog) -> Classification {
        if let classification = options.classification { return classification }
        if !assumedClassification {
            assumedClassification = true
            findings.record(
                Finding(
                    .unitAssumed, "no classification given; product codes are assumed to be HS (vintage unknown)",
                    at: csv.recordLocation))
        }
        return .hs
    }

    func bad(_ expected: String, _ column: Int?, _ csv: CSVReader) -> InputError {
        guard let column else { return InputError(.badValue, "expected \(expected)", at: csv.recordLocation) }
        return InputError(
            .badValue, "expected \(expected) in column '\(header[column])', found '\(csv.string(column).prefix(40))'",
            at: csv.location(column))
    }
}

extension FlowRowDecoder {
    /// Streams a CSV file's rows through a decoder whose columns `layout` derives from the header.
    ///
    /// Shared by the canonical and the mapped reader: they differ only in how the header becomes columns.
    static func readRows(
        of file: InputFile, format: SourceFormat, options: ReadOptions, resolver: CountryCodeResolver,
        into sink: FlowSink,
        layout: (_ header: [String], _ location: SourceLocation) throws -> (
            columns: FlowColumns, defaultPartner: CountryCode?
        )
    ) throws -> ReadSummary {
        var summary = ReadSummary(format: format)
        let csv = CSVReader(source: try file.open(), file: file.displayName)
        let header = try csv.readHeader()
        let (columns, defaultPartner) = try layout(
            header, SourceLocation(file: file.displayName, line: csv.line, column: 1))
        var decoder = FlowRowDecoder(
            columns: columns, header: header, options: options, defaultPartner: defaultPartner, resolver: resolver)
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            summary.recordsRead += 1
            try sink(try decoder.decode(csv, findings: &summary.findings), csv.line)
            summary.flowsEmitted += 1
        }
        decoder.unknownCountries.record(.unknownCode, into: &summary.findings) { code, rows in
            "country code '\(code)' is not in the country table; kept as '\(code)' (\(CodeTally<String>.rows(rows)))"
        }
        return summary
    }
}
