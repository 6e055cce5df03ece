/// How concentrated a product's supply is, by Herfindahl index bands.
///
/// The letter (after CBS) uses the 2010 US horizontal merger guidelines: [0, 0.15) not, [0.15, 0.25) somewhat,
/// [0.25, 1] highly concentrated. Single-threshold presets use `concentrated`.
public enum ConcentrationClass: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case notConcentrated = "not_concentrated"
    case somewhatConcentrated = "somewhat_concentrated"
    case highlyConcentrated = "highly_concentrated"
    case concentrated

    /// Parses the JSON token or the letter's Dutch label (`niet geconcentreerd`, `enigszins geconcentreerd`, `hoog geconcentreerd`).
    public init?(label: String) {
        switch label.trimmingASCIIWhitespace().lowercased() {
        case "not_concentrated", "niet geconcentreerd", "not concentrated": self = .notConcentrated
        case "somewhat_concentrated", "enigszins geconcentreerd", "somewhat concentrated": self = .somewhatConcentrated
        case "highly_concentrated", "hoog geconcentreerd", "highly concentrated": self = .highlyConcentrated
        case "concentrated", "geconcentreerd": self = .concentrated
        default: return nil
        }
    }

    public var nameEN: String {
        switch self {
        case .notConcentrated: "not concentrated"
        case .somewhatConcentrated: "somewhat concentrated"
        case .highlyConcentrated: "highly concentrated"
        case .concentrated: "concentrated"
        }
    }

    public var nameNL: String {
        switch self {
        case .notConcentrated: "niet geconcentreerd"
        case .somewhatConcentrated: "enigszins geconcentreerd"
        case .highlyConcentrated: "hoog geconcentreerd"
        case .concentrated: "geconcentreerd"
        }
    }
}
