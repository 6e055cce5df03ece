import ChainRiskCore

/// Turns Comtrade code cells into chainrisk values, caching each distinct cell.
///
/// Partner codes that are not countries go through `ComtradePartnerRules` (World kept, `S19` → `TWN`, areas
/// kept); numeric codes (bulk files) through `ComtradeAreaResolver`, where unknown codes are kept as their digits.
struct ComtradeCodeMapper {
    private struct Tally {
        var rows = 0
        var first: SourceLocation
    }

    private enum Cached<Value> {
        case value(Value)
        case invalid
    }

    let areas: ComtradeAreaResolver
    /// Classification for rows without a classification code.
    let defaultClassification: Classification

    private var partnerRules: ComtradePartnerRules
    private var codeCache: [UInt64: CountryCode] = [:]
    /// Partner cells already seen: the code and whether it is a country (which needs no rule).
    private var partnerCache: [UInt64: (code: CountryCode, isCountry: Bool)] = [:]
    private var numericCache: [Int: CountryCode] = [:]
    private var productCache: [UInt64: String] = [:]
    private var flowCache: [UInt64: Cached<FlowKind>] = [:]
    private var classificationCache: [UInt64: Cached<Classification>] = [:]
    private var unknownNumeric: [Int: Tally] = [:]
    /// Reporter codes that are no country of the country table, with their rows (a typo must not pass unnoticed).
    private var unknownReporters: [CountryCode: Tally] = [:]

    init(areas: ComtradeAreaResolver, countries: CountryTable, defaultClassification: Classification) {
        self.areas = areas
        self.partnerRules = ComtradePartnerRules(countries: countries)
        self.defaultClassification = defaultClassification
    }

    // MARK: Areas

    /// A reporter from its ISO-like code (trimmed, upper-cased); nil when blank.
    mutating func reporter(code bytes: UnsafeRawBufferPointer, at location: @autoclosure () -> SourceLocation)
        -> CountryCode?
    {
        guard let code = cachedCode(bytes) else { return nil }
        if !partnerRules.isCountry(code) { unknownReporters[code, default: Tally(first: location())].rows += 1 }
        return code
    }

    /// A reporter from its numeric code.
    mutating func reporter(numeric: Int, at location: SourceLocation) -> CountryCode {
        resolveKnown(numeric) ?? unknown(numeric, at: location)
    }

    /// A partner from its ISO-like code, applying the partner rules; nil when blank.
    mutating func partner(code bytes: UnsafeRawBufferPointer, at location: @autoclosure () -> SourceLocation)
        -> CountryCode?
    {
        let trimmed = NumberParser.trim(bytes)
        let key = Self.packedKey(trimmed)
        if let key, let cached = partnerCache[key] {
            return cached.isCountry ? cached.code : partnerRules.apply(cached.code, at: location())
        }
        guard let code = CountryCode(rawValue: String(decoding: trimmed, as: UTF8.self)) else { return nil }
        let isCountry = partnerRules.isCountry(code)
        if let key { partnerCache[key] = (code, isCountry) }
        return isCountry ? code : partnerRules.apply(code, at: location())
    }

    /// A partner from its numeric code, applying the same rules; an unknown code is kept as its digits.
    mutating func partner(numeric: Int, at location: SourceLocation) -> CountryCode {
        guard let code = resolveKnown(numeric) else { return unknown(numeric, at: location) }
        return partnerRules.isCountry(code) ? code : partnerRules.apply(code, at: location)
    }

    private mutating func resolveKnown(_ numeric: Int) -> CountryCode? {
        if let cached = numericCache[numeric] { return cached }
        guard let code = areas.code(numeric) else { return nil }
        numericCache[numeric] = code
        return code
    }

    private mutating func unknown(_ numeric: Int, at location: SourceLocation) -> CountryCode {
        unknownNumeric[numeric, default: Tally(first: location)].rows += 1
        return CountryCode(verbatim: String(numeric))
    }

    private mutating func cachedCode(_ bytes: UnsafeRawBufferPointer) -> CountryCode? {
        let trimmed = NumberParser.trim(bytes)
        guard let key = Self.packedKey(trimmed) else {
            return CountryCode(rawValue: String(decoding: trimmed, as: UTF8.self))
        }
        if let cached = codeCache[key] { return cached }
        guard let code = CountryCode(rawValue: String(decoding: trimmed, as: UTF8.self)) else { return nil }
        codeCache[key] = code
        return code
    }

    // MARK: Products, flows, classifications

    /// A product code kept as text with leading zeros; `TOTAL` (any case) for all products; nil when blank.
    mutating func product(_ bytes: UnsafeRawBufferPointer, in classification: Classification) -> ProductCode? {
        let trimmed = NumberParser.trim(bytes)
        guard !trimmed.isEmpty else { return nil }
        let text: String
        if let key = Self.packedKey(trimmed) {
            if let cached = productCache[key] {
                text = cached
            } else {
                text = Self.productText(trimmed)
                productCache[key] = text
            }
        } else {
            text = Self.productText(trimmed)
        }
        return ProductCode(text, in: classification)
    }

    private static func productText(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.uppercased() == "TOTAL" ? "TOTAL" : text
    }

    /// A flow from a code (`M`, `X`, `RM`, `RX`, `DX`) or description (`Import`, `Re-export`); nil for other
    /// flows (`FM`, `MIP`, …) that chainrisk does not model.
    mutating func flow(_ bytes: UnsafeRawBufferPointer) -> FlowKind? {
        let trimmed = NumberParser.trim(bytes)
        let key = Self.packedKey(trimmed)
        if let key, let cached = flowCache[key] {
            if case .value(let flow) = cached { return flow }
            return nil
        }
        let flow = FlowKind(token: String(decoding: trimmed, as: UTF8.self))
        if let key { flowCache[key] = flow.map { .value($0) } ?? .invalid }
        return flow
    }

    /// A classification from a Comtrade code (`H0`…`H6`, `S1`…`S4`, `B4`, `B5`); the default when blank; nil
    /// when the code is not one chainrisk knows (e.g. services `EB02`).
    mutating func classification(_ bytes: UnsafeRawBufferPointer) -> Classification? {
        let trimmed = NumberParser.trim(bytes)
        guard !trimmed.isEmpty else { return defaultClassification }
        let key = Self.packedKey(trimmed)
        if let key, let cached = classificationCache[key] {
            if case .value(let classification) = cached { return classification }
            return nil
        }
        let classification = Classification(token: String(decoding: trimmed, as: UTF8.self))
        if let key { classificationCache[key] = classification.map { .value($0) } ?? .invalid }
        return classification
    }

    /// Up to seven bytes packed into an integer with their count, a cheap dictionary key; nil for longer text.
    @inline(__always)
    static func packedKey(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var key = UInt64(bytes.count) << 56
        for (index, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(index)) }
        return key
    }

    // MARK: Findings

    /// Records the per-file findings for the partner and area codes met, in a stable order.
    func recordFindings(into log: inout FindingLog) {
        partnerRules.recordFindings(into: &log)
        for (code, tally) in unknownReporters.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            log.record(
                Finding(
                    .unknownCode,
                    "reporter \(code.rawValue) (\(tally.rows) row(s)) is not a country of the country table; kept as \(code.rawValue)",
                    at: tally.first))
        }
        for (numeric, tally) in unknownNumeric.sorted(by: { $0.key < $1.key }) {
            log.record(
                Finding(
                    .unknownCode,
                    "area code \(numeric) (\(tally.rows) row(s)) is not in the area table; kept as \(numeric)",
                    at: tally.first))
        }
    }
}
