/// A product classification with its revision or vintage, e.g. HS 2017, SITC rev. 4, BEC rev. 4, CN8.
///
/// Written as one token (`HS2017`, `HS`, `SITC4`, `BEC4`, `CN8`, `CPA2.1`) in files, the store and JSON.
/// `HS` without a vintage means "HS, vintage unknown"; a `level` is a property of a code, not of the classification.
public struct Classification: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The family of classifications.
    public enum Family: String, Sendable, Codable, CaseIterable {
        case hs = "HS"
        case cn = "CN"
        case sitc = "SITC"
        case bec = "BEC"
        case cpa = "CPA"
        /// A code list of one statistical office (e.g. CBS StatLine dimension keys mapped to SITC sections).
        case national = "NATIONAL"
    }

    public let family: Family
    /// The revision or vintage: `2017` for HS 2017, `4` for SITC rev. 4, `8` for CN8; `nil` when unknown.
    public let revision: String?

    public init(_ family: Family, revision: String? = nil) {
        self.family = family
        self.revision = revision
    }

    public static let hs = Classification(.hs)
    public static let hs1992 = Classification(.hs, revision: "1992")
    public static let hs2017 = Classification(.hs, revision: "2017")
    public static let hs2022 = Classification(.hs, revision: "2022")
    public static let cn8 = Classification(.cn, revision: "8")
    public static let sitc3 = Classification(.sitc, revision: "3")
    public static let sitc4 = Classification(.sitc, revision: "4")
    public static let bec4 = Classification(.bec, revision: "4")
    public static let bec5 = Classification(.bec, revision: "5")

    /// Parses a token: `HS2017`, `HS92`, `HS`, `SITC4`, `SITC`, `BEC4`, `CN8`, `CN`, `CPA2.1`, and the UN Comtrade
    /// classification codes `H0`…`H6` (HS 1992…2022), `S1`…`S4` (SITC rev. 1…4), `B4`, `B5`.
    public init?(token: String) {
        let text = token.trimmingASCIIWhitespace().uppercased()
        if let comtrade = Classification.comtradeCodes[text] {
            self = comtrade
            return
        }
        for family in Family.allCases where text.hasPrefix(family.rawValue) {
            let rest = String(text.dropFirst(family.rawValue.count)).trimmingCharacters(in: " .-_")
            switch family {
            case .hs:
                if rest.isEmpty {
                    self = .hs
                    return
                }
                // One digit is a code level (HS4 = HS headings); two or four digits are a vintage (HS02, HS2017).
                guard let number = Int(rest) else { return nil }
                switch (rest.count, number) {
                case (1, _):
                    self = .hs
                    return
                case (2, 88...99):
                    self = Classification(.hs, revision: String(1900 + number))
                    return
                case (2, 0..<88):
                    self = Classification(.hs, revision: String(2000 + number))
                    return
                case (4, 1988...2100):
                    self = Classification(.hs, revision: String(number))
                    return
                default: return nil
                }
            default:
                self = Classification(family, revision: rest.isEmpty ? nil : rest)
                return
            }
        }
        return nil
    }

    private static let comtradeCodes: [String: Classification] = [
        "H0": .hs1992, "H1": Classification(.hs, revision: "1996"), "H2": Classification(.hs, revision: "2002"),
        "H3": Classification(.hs, revision: "2007"), "H4": Classification(.hs, revision: "2012"),
        "H5": .hs2017, "H6": .hs2022,
        "S1": Classification(.sitc, revision: "1"), "S2": Classification(.sitc, revision: "2"),
        "S3": .sitc3, "S4": .sitc4, "B4": .bec4, "B5": .bec5,
    ]

    /// The one-token form, e.g. `HS2017`.
    public var token: String { family.rawValue + (revision ?? "") }
    public var description: String { token }

    public static func < (lhs: Classification, rhs: Classification) -> Bool { lhs.token < rhs.token }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Classification(token: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown classification \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let drop = Set(set)
        var result = Substring(self)
        while let first = result.first, drop.contains(first) { result = result.dropFirst() }
        while let last = result.last, drop.contains(last) { result = result.dropLast() }
        return String(result)
    }
}
