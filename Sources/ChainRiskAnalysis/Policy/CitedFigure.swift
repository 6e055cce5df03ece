public import ChainRiskCore

/// A figure cited as the reason for a finding: a stable key, the number or class token, and the sentence in English
/// and Dutch.
///
/// Used by policy recommendations (the numbers that triggered a rule) and by `LetterDifferences`. Either `value`,
/// `token` or both are set: `import_hhi` has value 0.83 and token `highly_concentrated`; `world_verdict` of a
/// published row has only a token.
public struct CitedFigure: Sendable, Hashable, Codable {
    /// What the figure is, e.g. `import_hhi`, `world_verdict`, `imports`, `rank_trade_dispute`, `importance_rank`.
    public let key: String
    /// The number, in `unit` where it is a value of trade.
    public let value: Double?
    /// A class or verdict token, e.g. `highly_concentrated`, `orange`, `not_checked`.
    public let token: String?
    /// The unit of a trade value (`mEUR`), nil for indices and ranks.
    public let unit: ValueUnit?
    public let textEN: String
    public let textNL: String

    public init(key: String, value: Double?, token: String?, unit: ValueUnit? = nil, textEN: String, textNL: String) {
        self.key = key
        self.value = value
        self.token = token
        self.unit = unit
        self.textEN = textEN
        self.textNL = textNL
    }

    /// The figures joined into one English phrase: `import HHI 0.83 (highly concentrated), imports EUR 2,494 mln`.
    public static func joinedEN(_ figures: [CitedFigure]) -> String { figures.map(\.textEN).joined(separator: ", ") }

    /// The figures joined into one Dutch phrase.
    public static func joinedNL(_ figures: [CitedFigure]) -> String { figures.map(\.textNL).joined(separator: ", ") }
}

extension CitedFigure {
    /// A trade value as `EUR 2,494 mln` / `EUR 2.494 mln`; other units print their token (`kUSD 12`).
    static func money(_ value: Double, unit: ValueUnit) -> (en: String, nl: String) {
        switch unit.scale {
        case 6:
            (
                "\(unit.currency) \(NumberFormat.sentence(value, dutch: false)) mln",
                "\(unit.currency) \(NumberFormat.sentence(value, dutch: true)) mln"
            )
        case 9:
            (
                "\(unit.currency) \(NumberFormat.sentence(value, dutch: false)) bn",
                "\(unit.currency) \(NumberFormat.sentence(value, dutch: true)) mld"
            )
        case 3:
            (
                "\(unit.currency) \(NumberFormat.sentence(value, dutch: false)) thousand",
                "\(unit.currency) \(NumberFormat.sentence(value, dutch: true)) duizend"
            )
        default:
            (
                "\(unit.token) \(NumberFormat.sentence(value, dutch: false))",
                "\(unit.token) \(NumberFormat.sentence(value, dutch: true))"
            )
        }
    }
}
