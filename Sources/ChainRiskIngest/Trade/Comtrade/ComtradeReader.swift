public import ChainRiskCore

/// Reads UN Comtrade files in any of their variants (`ComtradeLayout`), detected from the JSON keys or CSV header.
///
/// Values are current USD (`primaryValue`: CIF for imports, FOB for exports). Per row: an empty or `null` value
/// gives a flow with status `.missing` and a `missingValue` finding; a negative value is kept with a
/// `negativeValue` finding; flows other than M, X, RM, RX, DX (e.g. `FM`, `MIP`) skip the row with a
/// `skippedRow` finding; `refMonth` 52 means annual (month 0). Partner codes follow `ComtradePartnerRules`
/// (World kept as `W00`, `S19` → `TWN`, areas nes kept), with one finding per distinct special code and file.
/// Without a classification column products are HS of unknown vintage, or `options.classification`.
public struct ComtradeReader: TradeReader {
    public var format: SourceFormat { .comtrade }
    /// Resolves numeric area codes (bulk files, or JSON/CSV rows without ISO codes).
    public let areas: ComtradeAreaResolver
    /// Tells countries from special partner codes.
    public let countries: CountryTable

    public init(areas: ComtradeAreaResolver = .countryTable, countries: CountryTable = .shared) {
        self.areas = areas
        self.countries = countries
    }

    public func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        let (isJSON, source) = try JSONSniffer.open(file)
        var summary = ReadSummary(format: .comtrade)
        var mapper = ComtradeCodeMapper(
            areas: areas, countries: countries, defaultClassification: options.classification ?? .hs)
        if isJSON {
            let stream = JSONRecordStream(source: source, file: file.displayName, arrayKey: "data")
            try readJSON(stream, options: options, mapper: &mapper, summary: &summary, sink: sink)
        } else {
            let csv = CSVReader(source: source, file: file.displayName)
            try readCSV(csv, options: options, mapper: &mapper, summary: &summary, sink: sink)
        }
        mapper.recordFindings(into: &summary.findings)
        return summary
    }

    /// The variant of a Comtrade file, from its first bytes and (for CSV) its header.
    public static func detectLayout(of file: InputFile) throws -> ComtradeLayout {
        let (isJSON, source) = try JSONSniffer.open(file)
        if isJSON { return .apiJSON }
        let csv = CSVReader(source: source, file: file.displayName)
        return ComtradeLayout.detect(header: try csv.readHeader())
    }

    /// True for cells that mean "no value": blank, `NA`, `null`.
    static func isMissingMarker(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let trimmed = NumberParser.trim(bytes)
        switch trimmed.count {
        case 0: return true
        case 2: return (trimmed[0] | 0x20) == 0x6E && (trimmed[1] | 0x20) == 0x61
        case 4: return trimmed.elementsEqual("null".utf8) || trimmed.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// The month of a Comtrade period: `refMonth` 52 (annual) → 0, 1…12 as they are; nil for anything else.
    static func month(refMonth: Int) -> Int? {
        if refMonth == 52 { return 0 }
        return (1...12).contains(refMonth) ? refMonth : nil
    }

    /// Year and month from a `period` of `YYYY` or `YYYYMM`; nil for other forms.
    static func yearMonth(period: Int) -> (year: Int, month: Int)? {
        if (1000...9999).contains(period) { return (period, 0) }
        if (100_001...999_912).contains(period), let month = month(refMonth: period % 100), month > 0 {
            return (period / 100, month)
        }
        return nil
    }

    /// Builds the flow's value fields and records the value findings: missing → `.missing`, negative kept.
    static func valueStatus(
        _ value: Double?, at location: @autoclosure () -> SourceLocation, findings: inout FindingLog
    ) -> ValueStatus {
        guard let value else {
            findings.record(
                Finding(
                    .missingValue, "primaryValue is empty: flow kept with status missing and no value", at: location()))
            return .missing
        }
        if value < 0 {
            findings.record(
                Finding(.negativeValue, "primaryValue is negative (\(value)); kept as published", at: location()))
        }
        return .reported
    }

    /// The finding for a row skipped because of its flow code.
    static func skippedFlow(_ code: String, at location: SourceLocation) -> Finding {
        Finding(.skippedRow, "flow '\(code)' is not one chainrisk models (M, X, RM, RX, DX); row skipped", at: location)
    }

    /// The finding for a row skipped because of its classification code.
    static func skippedClassification(_ code: String, at location: SourceLocation) -> Finding {
        Finding(
            .skippedRow,
            "classification '\(code)' is not a goods classification chainrisk reads (H0–H6, S1–S4, B4, B5); row skipped",
            at: location)
    }
}
