public import ChainRiskCore

/// Reads Eurostat Comext bulk `.dat` files (DS-045409, EU trade by CN8), current and legacy layouts.
///
/// A row is what one EU member state (the reporter) declared for one partner, CN8 product, flow (`1` import,
/// `2` export), period (`YYYYMM` a month; `YYYY52` the year → month 0) and statistical procedure. Values are in EUR
/// (`VALUE_EUR`, legacy `VALUE_IN_EUROS`), quantities in kg. Rows that differ only in `TRADE_TYPE` or
/// `STAT_PROCEDURE` (normal trade, inward or outward processing) are emitted as separate flows with the same key:
/// together they are the total, so consumers add them up.
///
/// Confidential trade: Comext publishes the value of confidential trade but hides the product under a code with
/// letters (`99RRR100`, `27XXXXXX`). The flow is kept with its value and status `reported` (the value is real and
/// belongs in totals), the product code is kept verbatim in CN8, and one `suppressedCell` finding per code says
/// that the product detail is withheld, so product-level shares can be read as lower bounds.
///
/// Partner and reporter codes: see `ComextGeoCodes`.
public struct ComextReader: TradeReader {
    public let format = SourceFormat.comext
    /// How ISO-2 codes become `CountryCode`s.
    public var countries: CountryCodeResolver

    /// A reader that resolves ISO-2 codes with `countries`.
    public init(countries: CountryCodeResolver = .standard) {
        self.countries = countries
    }

    /// Streams the rows of a Comext `.dat` file into `sink`; throws `InputError` for a missing column or a malformed row.
    public func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        var summary = ReadSummary(format: .comext)
        let csv = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try csv.readHeader()
        let layout = try ComextLayout(
            header: header, at: SourceLocation(file: file.displayName, line: csv.line, column: 1))
        var geo = ComextGeoCodes(resolver: countries)
        var confidential = CodeTally<String>()
        while try csv.nextRecord() {
            try csv.requireFieldCount(layout.width)
            summary.recordsRead += 1
            let reporter = try geo.code(
                field: layout.reporter, name: header[layout.reporter], fallback: layout.reporterNumeric, of: csv)
            let partner = try geo.code(
                field: layout.partner, name: header[layout.partner], fallback: layout.partnerNumeric, of: csv)
            let product = try Self.product(field: layout.product, of: csv)
            if product.isConfidential { confidential.note(product.code, at: csv.location(layout.product)) }
            let flow = try Self.flow(field: layout.flow, of: csv)
            let period = try Self.period(field: layout.period, of: csv)
            let value = try csv.double(layout.value, name: header[layout.value])
            let quantity = try csv.double(layout.quantity, name: header[layout.quantity])
            if let value, value < 0 {
                summary.findings.record(
                    Finding(.negativeValue, "negative value \(value) kept as published", at: csv.location(layout.value))
                )
            } else if value == nil {
                summary.findings.record(
                    Finding(.missingValue, "empty value; flow kept with status missing", at: csv.location(layout.value))
                )
            }
            let tradeFlow = TradeFlow(
                year: period.year, month: period.month, reporter: reporter, partner: partner,
                product: ProductCode(product.code, in: .cn8), flow: flow,
                value: value, unit: .eur, quantity: quantity, quantityUnit: "kg",
                status: value == nil ? .missing : .reported)
            try sink(tradeFlow, csv.line)
            summary.flowsEmitted += 1
        }
        confidential.record(.suppressedCell, into: &summary.findings) { code, rows in
            "confidential CN code \(code): value kept, product detail withheld by Eurostat (\(CodeTally<String>.rows(rows)))"
        }
        geo.specials.record(.aggregatePartner, into: &summary.findings) { code, rows in
            "geonomenclature code \(code) (stores, provisions or unspecified partner) is not a country; kept as '\(code)' (\(CodeTally<String>.rows(rows)))"
        }
        geo.unknown.record(.unknownCode, into: &summary.findings) { code, rows in
            "Comext country code '\(code)' is not in the country table; kept as '\(code)' (\(CodeTally<String>.rows(rows)))"
        }
        return summary
    }

    /// The CN code in field `index`, trimmed; confidential when it has a character other than a digit.
    private static func product(field index: Int, of csv: CSVReader) throws -> (code: String, isConfidential: Bool) {
        let code = csv.string(index).trimmingASCIIWhitespace()
        guard !code.isEmpty else { throw BACIReader.emptyField("PRODUCT_NC", csv, index) }
        let isConfidential = code != "TOTAL" && code.utf8.contains { $0 < 0x30 || $0 > 0x39 }
        return (code, isConfidential)
    }

    private static func flow(field index: Int, of csv: CSVReader) throws -> FlowKind {
        let kind: FlowKind? = csv.withBytes(index) { raw in
            let bytes = NumberParser.trim(raw)
            guard bytes.count == 1 else { return nil }
            switch bytes[0] {
            case UInt8(ascii: "1"): return .imports
            case UInt8(ascii: "2"): return .exports
            default: return nil
            }
        }
        guard let kind else {
            throw InputError(
                .badValue, "expected FLOW 1 (import) or 2 (export), found '\(csv.string(index).prefix(40))'",
                at: csv.location(index))
        }
        return kind
    }

    /// `YYYYMM` → (year, month); `YYYY52` → (year, 0).
    static func period(field index: Int, of csv: CSVReader) throws -> (year: Int, month: Int) {
        let parsed: (year: Int, month: Int)? = csv.withBytes(index) { raw in
            let bytes = NumberParser.trim(raw)
            guard bytes.count == 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = NumberParser.int(bytes)
            else {
                return nil
            }
            let year = number / 100
            let month = number % 100
            if month == 52 { return (year, 0) }
            return (1...12).contains(month) ? (year, month) : nil
        }
        guard let parsed else {
            throw InputError(
                .badValue, "expected PERIOD as YYYYMM or YYYY52, found '\(csv.string(index).prefix(40))'",
                at: csv.location(index))
        }
        try InputError.checkYear(parsed.year, field: "PERIOD", at: csv.location(index))
        return parsed
    }
}
