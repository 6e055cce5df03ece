/// A group of table rows or columns with an id and English and Dutch names (an origin group, an export category).
public struct NamedGroup: Sendable, Hashable {
    public let id: String
    public let nameEN: String
    public let nameNL: String

    public init(id: String, nameEN: String, nameNL: String) {
        self.id = id
        self.nameEN = nameEN
        self.nameNL = nameNL
    }
}
