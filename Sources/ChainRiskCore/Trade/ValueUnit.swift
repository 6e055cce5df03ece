/// The unit of a trade value as the source published it: a currency and a scale.
///
/// Values are stored as they came; `baseValue(_:)` converts to the currency's unit explicitly.
public struct ValueUnit: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// ISO 4217 currency code, e.g. `USD`, `EUR`.
    public let currency: String
    /// Power of ten: 0 for units, 3 for thousands, 6 for millions.
    public let scale: Int

    public init(currency: String, scale: Int = 0) {
        self.currency = currency
        self.scale = scale
    }

    public static let usd = ValueUnit(currency: "USD")
    public static let thousandUSD = ValueUnit(currency: "USD", scale: 3)
    public static let eur = ValueUnit(currency: "EUR")
    public static let millionEUR = ValueUnit(currency: "EUR", scale: 6)

    /// The token used in files and JSON: `USD`, `kUSD`, `mEUR`, `bEUR`.
    public var token: String {
        switch scale {
        case 0: return currency
        case 3: return "k" + currency
        case 6: return "m" + currency
        case 9: return "b" + currency
        default: return "1e\(scale)" + currency
        }
    }

    /// The unit as a reader writes it: `EUR mln`, `USD thousand` (English); `mln euro`, `duizend USD` (Dutch). The
    /// token (`mEUR`) stays in files and JSON, where it reads as milli-euro to nobody but a person.
    public func label(dutch: Bool) -> String {
        let currency = dutch && self.currency == "EUR" ? "euro" : self.currency
        switch (scale, dutch) {
        case (0, _): return currency
        case (3, false): return "\(currency) thousand"
        case (3, true): return "duizend \(currency)"
        case (6, false): return "\(currency) mln"
        case (6, true): return "mln \(currency)"
        case (9, false): return "\(currency) bn"
        case (9, true): return "mld \(currency)"
        default: return token
        }
    }

    /// Parses a token such as `USD`, `kUSD`, `mEUR`, `1000 USD`, `mln euro`.
    public init?(token: String) {
        let text = token.trimmingASCIIWhitespace()
        let lower = text.lowercased()
        switch lower {
        case "usd", "us$", "$":
            self = .usd
            return
        case "kusd", "1000 usd", "thousand usd", "usd thousand":
            self = .thousandUSD
            return
        case "musd", "mln usd", "million usd":
            self = ValueUnit(currency: "USD", scale: 6)
            return
        case "eur", "euro":
            self = .eur
            return
        case "keur", "1000 eur", "1000 euro", "thousand eur":
            self = ValueUnit(currency: "EUR", scale: 3)
            return
        case "meur", "mln eur", "mln euro", "million eur":
            self = .millionEUR
            return
        default: break
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 4, let prefix = bytes.first else {
            guard bytes.count == 3, bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
            self = ValueUnit(currency: text)
            return
        }
        let currency = String(decoding: bytes.dropFirst(), as: UTF8.self)
        guard currency.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        switch prefix {
        case UInt8(ascii: "k"): self = ValueUnit(currency: currency, scale: 3)
        case UInt8(ascii: "m"): self = ValueUnit(currency: currency, scale: 6)
        case UInt8(ascii: "b"): self = ValueUnit(currency: currency, scale: 9)
        default: return nil
        }
    }

    /// The value in units of the currency (e.g. thousand USD 2.5 → 2 500 USD).
    public func baseValue(_ value: Double) -> Double {
        var result = value
        for _ in 0..<scale { result *= 10 }
        return result
    }

    public var description: String { token }

    public static func < (lhs: ValueUnit, rhs: ValueUnit) -> Bool {
        (lhs.currency, lhs.scale) < (rhs.currency, rhs.scale)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let unit = ValueUnit(token: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown unit \(text)"))
        }
        self = unit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}
