import ChainRiskCore

/// A CBS cell: a number, suppressed (`null`, `.`), or nil by logic (blank, `-`).
enum CBSCell: Equatable {
    case value(Double)
    case suppressed
    case nilByLogic

    /// Parses a text cell; nil when it is none of the CBS forms. Accepts a decimal point or a decimal comma.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> CBSCell? {
        let trimmed = NumberParser.trim(bytes)
        if trimmed.isEmpty { return .nilByLogic }
        if trimmed.count == 1 {
            switch trimmed[0] {
            case UInt8(ascii: "."), UInt8(ascii: "x"), UInt8(ascii: "X"): return .suppressed
            case UInt8(ascii: "-"): return .nilByLogic
            default: break
            }
        }
        if let value = NumberParser.double(trimmed) { return .value(value) }
        guard trimmed.filter({ $0 == UInt8(ascii: ",") }).count == 1, !trimmed.contains(UInt8(ascii: ".")) else {
            return nil
        }
        let pointed = trimmed.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }
        return pointed.withUnsafeBytes { NumberParser.double($0) }.map { .value($0) }
    }
}

/// What a CBS column (CSV) or property (JSON) holds.
enum CBSColumnRole: Equatable {
    case partner, product, period
    case measure(FlowKind)
    case ignored
}

/// Turns CBS dimension keys, periods and measure names into chainrisk values, and tallies what needs a finding.
///
/// Measures are recognised by name prefix (`TotaleInvoerwaarde` imports, `TotaleUitvoerwaarde` exports,
/// `Wederuitvoerwaarde` re-exports, `UitvoerwaardeProductNL` exports of own make); the first measure of each flow
/// wins, others (trade balance, % changes, a repeated title) are ignored with one finding each.
struct CBSRecordMapper {
    private struct Tally {
        var detail: String
        var rows = 0
        var first: SourceLocation
    }

    let landen: CBSLandenResolver
    let classification: Classification
    let currentYear: Int
    private var claimedFlows: [FlowKind: String] = [:]
    private var products: [String: ProductCode] = [:]
    private var aggregates: [String: Tally] = [:]
    private var unknownPartners: [String: Tally] = [:]
    /// Product keys that need a word: `NPNL` and keys the SITC table does not know.
    private var notedProducts: [String: Tally] = [:]

    init(landen: CBSLandenResolver, classification: Classification, currentYear: Int) {
        self.landen = landen
        self.classification = classification
        self.currentYear = currentYear
    }

    /// The role of a column or property name; records a finding for each measure or dimension it ignores.
    mutating func role(of name: String, at location: SourceLocation, findings: inout FindingLog) -> CBSColumnRole {
        if name == "ID" { return .ignored }
        if name.hasPrefix("Landen") { return .partner }
        if name.hasPrefix("SITC") { return .product }
        if name == "Perioden" { return .period }
        guard let underscore = name.lastIndex(of: "_"), name[name.index(after: underscore)...].allSatisfy(\.isNumber)
        else {
            findings.record(
                Finding(
                    .unknownCode,
                    "column '\(name)' is not a dimension the CBS reader knows; it is not read, so records differing only in it give equal flows",
                    at: location))
            return .ignored
        }
        let base = name[..<underscore]
        guard let flow = Self.flow(measure: base) else {
            findings.record(
                Finding(
                    .unknownCode,
                    "measure '\(name)' is not an import or export value (trade balance, change, quantity …); ignored",
                    at: location))
            return .ignored
        }
        if let earlier = claimedFlows[flow] {
            findings.record(
                Finding(
                    .unknownCode,
                    "measure '\(name)' repeats '\(earlier)' (e.g. a % change under the same title); ignored",
                    at: location))
            return .ignored
        }
        claimedFlows[flow] = name
        return .measure(flow)
    }

    private static func flow(measure base: Substring) -> FlowKind? {
        if base.hasPrefix("UitvoerwaardeProductNL") || base.hasPrefix("UitvoerwaardeNederlandsProduct") {
            return .exportsOfOwnMake
        }
        if base.hasPrefix("Wederuitvoerwaarde") { return .reExports }
        if base.hasPrefix("TotaleUitvoerwaarde") || base == "Uitvoerwaarde" { return .exports }
        if base.hasPrefix("TotaleInvoerwaarde") || base == "Invoerwaarde" { return .imports }
        return nil
    }

    /// The partner for a Landen key: ISO3 for countries, the key itself for aggregates and unknown keys.
    mutating func partner(_ raw: String, at location: SourceLocation) -> CountryCode? {
        let key = raw.trimmingASCIIWhitespace()
        guard !key.isEmpty else { return nil }
        switch landen.partner(key) {
        case .country(let code):
            return code
        case .aggregate(let canonical, let title):
            aggregates[canonical, default: Tally(detail: title, first: location)].rows += 1
            return CountryCode(verbatim: canonical)
        case nil:
            unknownPartners[key, default: Tally(detail: key, first: location)].rows += 1
            return CountryCode(rawValue: key)
        }
    }

    /// The product for a SITC key or title (`CBSSITCTable`): `TOTAL`, a section digit, `NPNL` for goods not
    /// physically in the Netherlands; a key the table does not know is kept as a national code.
    mutating func product(_ raw: String, at location: SourceLocation) -> ProductCode {
        let key = raw.trimmingASCIIWhitespace()
        if let cached = products[key] {
            notedProducts[key]?.rows += 1
            return cached
        }
        let table = CBSSITCTable.shared
        let entry = table.entries.first { $0.key == key || $0.titleNL == key }
        let product: ProductCode
        switch entry?.sitcCode {
        case "TOTAL":
            product = .total(in: classification)
        case let code?:
            product = ProductCode(code, in: classification)
            if code == "NPNL" { notedProducts[key] = Tally(detail: entry?.titleNL ?? key, rows: 1, first: location) }
        case nil:
            product = ProductCode(key, in: Classification(.national, revision: "CBS"))
            notedProducts[key] = Tally(detail: "", rows: 1, first: location)
        }
        products[key] = product
        return product
    }

    /// Year, month and provisional flag, or nil (with a finding) for periods chainrisk does not store as they are:
    /// quarters, year-to-date figures, and a `JJ00` year that is not over yet (the running year is cumulative).
    func period(_ text: String, at location: SourceLocation, findings: inout FindingLog) throws -> (
        year: Int, month: Int, provisional: Bool
    )? {
        guard let (period, provisional) = CBSPeriod.parse(text) else {
            throw InputError(
                .badValue,
                "period '\(text)' is not a CBS period (YYYYJJ00, YYYYMMnn, YYYYKWnn or a title like '2015 maart')",
                at: location)
        }
        switch period {
        case .year(let year) where year >= currentYear:
            findings.record(
                Finding(
                    .partialPeriod,
                    "period \(text) is the running year \(year), a partial (year-to-date) figure; record skipped, not a full year",
                    at: location))
            return nil
        case .year(let year):
            return (year, 0, provisional)
        case .month(let year, let month):
            return (year, month, provisional)
        case .quarter:
            findings.record(
                Finding(
                    .skippedRow, "period \(text) is a quarter; chainrisk stores years and months, record skipped",
                    at: location))
            return nil
        case .yearToDate(let year, let month):
            findings.record(
                Finding(
                    .partialPeriod,
                    "period \(text) covers \(year) up to month \(month) only; record skipped, not a full year",
                    at: location))
            return nil
        }
    }

    /// Records the per-file findings for aggregate partners, unknown partners and non-SITC product keys.
    func recordFindings(into log: inout FindingLog) {
        for (key, tally) in aggregates.sorted(by: { $0.key < $1.key }) {
            log.record(
                Finding(
                    .aggregatePartner,
                    "partner \(key) '\(tally.detail)' (\(tally.rows) record(s)) is a total or group, not a country; kept as \(key)",
                    at: tally.first))
        }
        for (key, tally) in unknownPartners.sorted(by: { $0.key < $1.key }) {
            log.record(
                Finding(
                    .unknownCode,
                    "Landen key \(key) (\(tally.rows) record(s)) is not in the Landen table; kept as \(key)",
                    at: tally.first))
        }
        for (key, tally) in notedProducts.sorted(by: { $0.key < $1.key }) {
            if tally.detail.isEmpty {
                log.record(
                    Finding(
                        .unknownCode,
                        "SITC key \(key) (\(tally.rows) record(s)) is not in the SITC table; kept as national code \(key)",
                        at: tally.first))
            } else {
                log.record(
                    Finding(
                        .mappedCode,
                        "SITC key \(key) '\(tally.detail)' (\(tally.rows) record(s)): goods that never cross the Dutch border, kept as product NPNL",
                        at: tally.first))
            }
        }
    }
}
