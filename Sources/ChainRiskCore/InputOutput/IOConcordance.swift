/// A many-to-one mapping of codes (regions or sectors) onto groups, e.g. WIOD's 41 regions onto 11.
///
/// Groups keep the order in which they first appear, which becomes the order of the aggregated table.
public struct IOConcordance: Sendable, Hashable {
    /// The groups, each once, in order of first appearance.
    public let groups: [String]
    private let groupOfCode: [String: String]

    /// A concordance from (code, group) pairs; a code listed twice keeps its first group.
    public init(pairs: [(code: String, group: String)]) {
        var groups: [String] = []
        var seen = Set<String>()
        var groupOfCode: [String: String] = [:]
        for pair in pairs {
            if groupOfCode[pair.code] == nil { groupOfCode[pair.code] = pair.group }
            if seen.insert(pair.group).inserted { groups.append(pair.group) }
        }
        self.groups = groups
        self.groupOfCode = groupOfCode
    }

    /// The group of `code`, or nil when the concordance does not list it.
    public func group(of code: String) -> String? { groupOfCode[code] }

    /// The codes the concordance lists, sorted.
    public var codes: [String] { groupOfCode.keys.sorted() }
}
