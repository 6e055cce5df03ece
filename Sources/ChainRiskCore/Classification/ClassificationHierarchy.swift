/// The code tree of one product classification: every code with its parent, level and description.
///
/// Used to drill down from a chapter to its products, to aggregate detailed codes to a chosen level, and to
/// describe codes in reports. Levels are digit counts (HS 2/4/6, SITC 1–5, BEC 1–3); `TOTAL` is level 0 and the
/// root. Codes that the concordances pad with zeros (SITC `00150`, BEC `700`) are children of the code they pad.
public struct ClassificationHierarchy: Sendable {
    /// One code of the tree.
    public struct Node: Hashable, Sendable {
        public let code: String
        /// The parent code; `nil` only for `TOTAL`.
        public let parent: String?
        /// The number of digits; 0 for `TOTAL`.
        public let level: Int
        public let description: String
        /// The HS section (Roman numeral, e.g. `IX`); `nil` for other classifications and for `TOTAL`.
        public let section: String?
    }

    public let classification: Classification
    private let nodes: [String: Node]
    private let childrenByParent: [String: [String]]
    private let sectionNames: [String: String]

    /// How many codes the classification has at `level` digits (HS 2022: 97 chapters less the reserved 77 → 96 at 2).
    public func codeCount(level: Int) -> Int { nodes.values.count { $0.level == level } }

    /// Builds a tree from nodes whose parents are all among them; the caller checks that.
    init(classification: Classification, nodes: [String: Node], sectionNames: [String: String] = [:]) {
        self.classification = classification
        self.nodes = nodes
        self.sectionNames = sectionNames
        var children: [String: [String]] = [:]
        for node in nodes.values {
            if let parent = node.parent { children[parent, default: []].append(node.code) }
        }
        childrenByParent = children.mapValues { $0.sorted() }
    }

    /// The number of codes, `TOTAL` included.
    public var count: Int { nodes.count }

    /// All codes, sorted.
    public var codes: [String] { nodes.keys.sorted() }

    /// The codes at one level, sorted (`codes(atLevel: 2)` for the HS chapters).
    public func codes(atLevel level: Int) -> [String] {
        nodes.values.filter { $0.level == level }.map(\.code).sorted()
    }

    public func node(_ code: String) -> Node? { nodes[code] }

    public func contains(_ code: String) -> Bool { nodes[code] != nil }

    /// The parent code (`440111` → `4401` → `44` → `TOTAL`), or `nil` for `TOTAL` and unknown codes.
    public func parent(of code: String) -> String? { nodes[code]?.parent }

    /// The direct children, sorted; empty for leaves and unknown codes.
    public func children(of code: String) -> [String] { childrenByParent[code] ?? [] }

    /// The description of a code, or `nil` for unknown codes.
    public func description(of code: String) -> String? { nodes[code]?.description }

    /// The English name of an HS section, e.g. `IX` → "Wood and articles of wood; …"; `nil` elsewhere.
    public func sectionName(_ section: String) -> String? { sectionNames[section] }

    /// The ancestor at `level`: the code itself when it is at that level, `nil` when the code is unknown, is above
    /// that level, or skips it (a padded SITC code such as `03700` has no level-4 ancestor).
    public func ancestor(of code: String, atLevel level: Int) -> String? {
        var current = nodes[code]
        while let node = current, node.level > level {
            current = node.parent.flatMap { nodes[$0] }
        }
        guard let node = current, node.level == level else { return nil }
        return node.code
    }

    /// The code itself when the tree has it, else its longest leading part that the tree has (`440110`, not in
    /// HS 2022, → `4401`); `nil` when not even the first digits match.
    ///
    /// Codes of HS, SITC and BEC nest by digits, so a code from another vintage or a national extension (CN8
    /// `44011000`) still lands on its heading or chapter. Compare with the input to see whether it was truncated.
    public func nearestKnownCode(for code: String) -> String? {
        var candidate = Substring(code.trimmingASCIIWhitespace())
        while !candidate.isEmpty {
            if nodes[String(candidate)] != nil { return String(candidate) }
            candidate = candidate.dropLast()
        }
        return nil
    }

    /// The parent of a product in this classification, or `nil` for `TOTAL`, other classifications and unknown codes.
    public func parent(of product: ProductCode) -> ProductCode? {
        guard product.classification == classification, let parent = parent(of: product.code) else { return nil }
        return ProductCode(parent, in: classification)
    }
}
