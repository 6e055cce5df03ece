/// What "imported inputs embodied in exports" counts, by origin region.
public enum OriginMeasure: String, Sendable, CaseIterable {
    /// Import content (Hummels, Ishii and Yi 2001): the origin's goods and services bought by the reporter's
    /// industries, directly and through domestic suppliers, per unit of exports: 1ᵀ · A(s,r) · (I − A(r,r))⁻¹.
    case importContent = "import-content"
    /// Foreign value added: the origin's value added embodied in the exports, through every region's supply chain,
    /// from the full multi-regional Leontief inverse: v̂(s) · L(s,r) (Koopman, Wang and Wei 2014).
    case foreignValueAdded = "foreign-value-added"

    /// The JSON and CSV key of the measure's values (`import_content`, `foreign_value_added`).
    public var key: String {
        switch self {
        case .importContent: "import_content"
        case .foreignValueAdded: "foreign_value_added"
        }
    }
}
