/// A correspondence table between two product classifications, as source → target code pairs.
///
/// Many-to-many: an HS 2022 subheading can fall under two BEC categories, a SITC basic heading collects many HS
/// subheadings. Used to regroup trade by end use (BEC) or by SITC, and to bridge HS vintages.
public struct Correspondence: Sendable {
    public let source: Classification
    public let target: Classification
    /// The number of distinct pairs.
    public let pairCount: Int
    private let forward: [String: [String]]
    private let backward: [String: [String]]
    /// All source codes, sorted.
    public let sourceCodes: [String]

    /// Builds a correspondence from (source code, target code) pairs; duplicate pairs count once.
    public init(source: Classification, target: Classification, pairs: some Sequence<(String, String)>) {
        var forward: [String: Set<String>] = [:]
        var backward: [String: Set<String>] = [:]
        var count = 0
        for (from, to) in pairs where forward[from, default: []].insert(to).inserted {
            backward[to, default: []].insert(from)
            count += 1
        }
        self.source = source
        self.target = target
        self.pairCount = count
        self.forward = forward.mapValues { $0.sorted() }
        self.backward = backward.mapValues { $0.sorted() }
        sourceCodes = forward.keys.sorted()
    }

    /// The target codes of a source code, sorted; empty when the code has none.
    public func targets(of code: String) -> [String] { forward[code] ?? [] }

    /// The source codes that map to a target code, sorted; empty when none does.
    public func sources(of code: String) -> [String] { backward[code] ?? [] }

    /// All target codes, sorted.
    public var targetCodes: [String] { backward.keys.sorted() }

    /// All pairs, sorted by source, then target.
    public var pairs: [(source: String, target: String)] {
        sourceCodes.flatMap { source in targets(of: source).map { (source: source, target: $0) } }
    }

    /// The chained correspondence source → `next.target` through this target (HS 2022 → SITC4 → BEC4), or `nil`
    /// when `next` does not start where this one ends.
    ///
    /// Chaining widens: a code reaches every target of every intermediate code, so prefer a direct table.
    public func composed(with next: Correspondence) -> Correspondence? {
        guard next.source == target else { return nil }
        let chained = sourceCodes.flatMap { code in
            targets(of: code).flatMap { middle in next.targets(of: middle).map { (code, $0) } }
        }
        return Correspondence(source: source, target: next.target, pairs: chained)
    }
}
