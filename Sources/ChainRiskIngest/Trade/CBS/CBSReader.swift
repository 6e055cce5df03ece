public import ChainRiskCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads CBS StatLine goods-trade tables (layout of 85427NED): OData v3 TypedDataSet JSON or StatLine CSV.
///
/// Each record (Landen × SITC × Perioden) carries several measures; each known measure becomes one flow
/// (see `CBSRecordMapper`), so a record gives up to four flows. The reporter is the Netherlands unless
/// `options.reporter` says otherwise; products are SITC rev. 4 unless `options.classification` says otherwise;
/// values are million euro unless `options.unit` says otherwise. A JSON `null` or CSV `.` is suppressed: the flow
/// is kept with status `.suppressed`, no value (never zero), and a `suppressedCell` finding. A blank or `-` is nil
/// by logic (value 0, status `.nil`). Periods `YYYYJJ00` are years, `YYYYMMnn` months; quarters, year-to-date
/// titles, and `JJ00` figures for a year that is not over (`currentYear` or later) are skipped with a finding,
/// because CBS publishes the running year as a cumulative partial figure under the annual key.
public struct CBSReader: TradeReader {
    public var format: SourceFormat { .cbs }
    /// Resolves Landen keys to countries or aggregates.
    public let landen: CBSLandenResolver
    /// The calendar year in progress; annual figures for it or a later year are partial.
    public let currentYear: Int
    /// True when the file is one page of a feed whose other pages are read with it (`chainrisk fetch cbs` follows
    /// `odata.nextLink`): a next-page link is then no finding.
    public let pagesFollowed: Bool

    /// Creates a reader; `currentYear` defaults to the current UTC year of the system clock.
    public init(landen: CBSLandenResolver = .countryTable, currentYear: Int? = nil, pagesFollowed: Bool = false) {
        self.landen = landen
        self.currentYear = currentYear ?? Self.calendarYearNow()
        self.pagesFollowed = pagesFollowed
    }

    public func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        let (isJSON, source) = try JSONSniffer.open(file)
        var summary = ReadSummary(format: .cbs)
        var mapper = CBSRecordMapper(
            landen: landen, classification: options.classification ?? .sitc4, currentYear: currentYear)
        let output = Output(reporter: options.reporter ?? .netherlands, unit: options.unit ?? .millionEUR)
        if isJSON {
            let stream = JSONRecordStream(source: source, file: file.displayName, arrayKey: "value")
            try readJSON(stream, mapper: &mapper, output: output, summary: &summary, sink: sink)
        } else {
            let csv = CSVReader(source: source, file: file.displayName)
            try readCSV(csv, mapper: &mapper, output: output, summary: &summary, sink: sink)
        }
        mapper.recordFindings(into: &summary.findings)
        return summary
    }

    /// The current year (UTC) from the system clock.
    static func calendarYearNow() -> Int {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return Int(parts.tm_year) + 1900
    }

    /// The values every flow of the file shares.
    struct Output {
        let reporter: CountryCode
        let unit: ValueUnit
    }

    /// The dimensions of one record, resolved.
    struct RecordKey {
        let year: Int
        let month: Int
        let provisional: Bool
        let partner: CountryCode
        let product: ProductCode
    }

    /// Sends the flow for one measure cell, recording a finding for a suppressed or negative value.
    static func emit(
        _ cell: CBSCell, flow: FlowKind, measure: String, key: RecordKey, at location: SourceLocation, index: Int,
        output: Output, summary: inout ReadSummary, sink: FlowSink
    ) throws {
        let value: Double?
        let status: ValueStatus
        switch cell {
        case .value(let number):
            value = number
            status = key.provisional ? .provisional : .reported
            if number < 0 {
                summary.findings.record(
                    Finding(.negativeValue, "\(measure) is negative (\(number)); kept as published", at: location))
            }
        case .suppressed:
            value = nil
            status = .suppressed
            summary.findings.record(
                Finding(
                    .suppressedCell,
                    "\(measure) for partner \(key.partner), \(key.product), \(key.year) is suppressed (unknown, unreliable or confidential): kept without a value, not zero",
                    at: location))
        case .nilByLogic:
            value = 0
            status = .nil
        }
        let tradeFlow = TradeFlow(
            year: key.year, month: key.month, reporter: output.reporter, partner: key.partner, product: key.product,
            flow: flow, value: value, unit: output.unit, status: status)
        try sink(tradeFlow, index)
        summary.flowsEmitted += 1
    }
}
