public import ChainRiskCore

/// Rankings of products that never hold a code together with its own ancestor or descendant.
///
/// Data can mix levels (HS chapters, headings and subheadings in one extract). Ranked as reported, chapter 48 and
/// its heading 4802 would both enter a top ten and count the same imports twice; here the one ranked first stays.
public enum NestedCodes {
    /// The rule, as outputs state it.
    public static let rule = "largest first; a code nested in one ranked before it (or holding it) is left out"

    /// True when one code is the other's ancestor or descendant in the same classification family (or the same code).
    public static func areNested(_ lhs: ProductCode, _ rhs: ProductCode) -> Bool {
        guard !lhs.isTotal, !rhs.isTotal, lhs.classification.family == rhs.classification.family else { return false }
        return lhs.code.hasPrefix(rhs.code) || rhs.code.hasPrefix(lhs.code)
    }

    /// The first `limit` rows by total value (ties by code), skipping a row whose product is nested with one kept.
    /// - Complexity: O(n log n + n · limit).
    public static func top(_ rows: [ImportConcentration], limit: Int) -> [ImportConcentration] {
        var kept: [ImportConcentration] = []
        for row in rows.sorted(by: { ($0.totalValue, $1.product) > ($1.totalValue, $0.product) }) {
            guard kept.count < limit else { break }
            if !kept.contains(where: { areNested($0.product, row.product) }) { kept.append(row) }
        }
        return kept
    }
}
