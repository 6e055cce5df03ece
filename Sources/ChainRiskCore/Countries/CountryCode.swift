/// A trade partner or reporter code: an ISO 3166-1 alpha-3 country code, or an explicit special code.
///
/// Special codes stand for what trade statistics record but is not a supplier country: the world total (`W00`),
/// areas not elsewhere specified, bunkers, free zones, and country groups. They are kept as the source wrote them
/// (trimmed, upper-cased) so that nothing is silently dropped; `CountryTable` says which codes are countries.
public struct CountryCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Creates a code from text, trimming blanks and upper-casing; `nil` for an empty string.
    public init?(rawValue: String) {
        let trimmed = rawValue.trimmingASCIIWhitespace().uppercased()
        guard !trimmed.isEmpty else { return nil }
        self.rawValue = trimmed
    }

    /// The world total as UN Comtrade writes it (partner code 0).
    public static let world = CountryCode(verbatim: "W00")
    /// Taiwan, which UN Comtrade reports as "Other Asia, nes" (S19, numeric 490).
    public static let taiwan = CountryCode(verbatim: "TWN")
    /// The Netherlands, the letter's reporter.
    public static let netherlands = CountryCode(verbatim: "NLD")

    /// Creates a code from text already known to be normalised.
    public init(verbatim: String) { self.rawValue = verbatim }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "empty country code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    /// The string without leading and trailing ASCII blanks, tabs and line breaks.
    public func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D
        {
            start += 1
        }
        while end > start,
            bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D
        {
            end -= 1
        }
        if start == 0 && end == bytes.count { return self }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
