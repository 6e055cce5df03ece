/// The language of a report's labels: English or Dutch.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en
    case nl

    /// Picks the label for this language.
    public func pick(en: String, nl: String) -> String { self == .en ? en : nl }
}
