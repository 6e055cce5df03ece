import ChainRiskCore

/// A CBS StatLine period, from its key (`2015JJ00`, `2015MM03`, `2015KW01`) or its title (`2015`, `2015 maart`,
/// `2015 1e kwartaal`, `2026 januari-juli`, English titles alike), with `*`/`**` marking provisional figures.
enum CBSPeriod: Hashable, Sendable {
    case year(Int)
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    /// A cumulative figure for the first months of a year, as StatLine shows the running year (`2026 januari-juli`).
    case yearToDate(year: Int, throughMonth: Int)

    /// The year the period belongs to.
    var year: Int {
        switch self {
        case .year(let year), .month(let year, _), .quarter(let year, _), .yearToDate(let year, _): return year
        }
    }

    /// Parses a key or title; nil when the text is neither. `provisional` is true for titles ending in `*`.
    static func parse(_ text: String) -> (period: CBSPeriod, provisional: Bool)? {
        var body = Substring(text.trimmingASCIIWhitespace())
        var provisional = false
        while body.last == "*" {
            provisional = true
            body = body.dropLast()
        }
        let bytes = Array(body.utf8)
        if let key = parseKey(bytes) { return (key, provisional) }
        guard bytes.count >= 4, let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)) else { return nil }
        let rest = String(decoding: bytes[4...], as: UTF8.self).trimmingASCIIWhitespace().lowercased()
        if rest.isEmpty { return (.year(year), provisional) }
        if let month = monthNumber(rest) { return (.month(year: year, month: month), provisional) }
        if let quarter = quarterNumber(rest) { return (.quarter(year: year, quarter: quarter), provisional) }
        let range = rest.split(separator: "-", maxSplits: 1).map { String($0).trimmingASCIIWhitespace() }
        if range.count == 2, monthNumber(range[0]) != nil, let through = monthNumber(range[1]) {
            return (.yearToDate(year: year, throughMonth: through), provisional)
        }
        return nil
    }

    /// `YYYYJJ00`, `YYYYMMnn` (nn 01…12), `YYYYKWnn` (nn 01…04).
    private static func parseKey(_ bytes: [UInt8]) -> CBSPeriod? {
        guard bytes.count == 8 else { return nil }
        let digits = bytes[0..<4] + bytes[6..<8]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let number = Int(bytes[6] - 0x30) * 10 + Int(bytes[7] - 0x30)
        switch (bytes[4], bytes[5]) {
        case (0x4A, 0x4A) where number == 0: return .year(year)
        case (0x4D, 0x4D) where (1...12).contains(number): return .month(year: year, month: number)
        case (0x4B, 0x57) where (1...4).contains(number): return .quarter(year: year, quarter: number)
        default: return nil
        }
    }

    private static let dutchMonths = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]
    private static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    private static func monthNumber(_ name: String) -> Int? {
        if let index = dutchMonths.firstIndex(of: name) ?? englishMonths.firstIndex(of: name) { return index + 1 }
        return nil
    }

    /// `1e kwartaal`, `2e kwartaal` …, `1st quarter`, `2nd quarter` …
    private static func quarterNumber(_ text: String) -> Int? {
        guard text.hasSuffix("kwartaal") || text.hasSuffix("quarter"), let first = text.utf8.first,
            first >= 0x31 && first <= 0x34
        else { return nil }
        return Int(first - 0x30)
    }
}
