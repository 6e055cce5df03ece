/// One item's score and its sensitivity rank (1 = most sensitive).
public struct RankedScore<Key: Hashable & Comparable & Sendable>: Sendable, Hashable {
    public let key: Key
    public let score: Double
    public let rank: Int

    public init(key: Key, score: Double, rank: Int) {
        self.key = key
        self.score = score
        self.rank = rank
    }
}

/// Ranks scores from most to least sensitive, with shared ranks for ties.
public enum SensitivityRanking {
    /// Ranks `scores`: rank 1 is the most sensitive, tied scores share a rank under `ties`.
    ///
    /// With `higherIsMoreSensitive` the largest score ranks 1 (McKinsey-style exposure scores); without it the
    /// smallest does (averaged ranks). Scores within `tolerance` of the previous score in sorted order tie with it,
    /// so averages such as (2 + 5) / 2 and (3 + 4) / 2 tie despite floating-point noise. Non-finite scores are
    /// left out. The result is sorted by rank, then by key.
    /// - Complexity: O(n log n).
    public static func rank<Key: Hashable & Comparable & Sendable>(
        scores: [Key: Double], higherIsMoreSensitive: Bool = true, ties: TieConvention = .dense,
        tolerance: Double = 1e-9
    ) -> [RankedScore<Key>] {
        let ordered = scores.filter { $0.value.isFinite }.sorted { lhs, rhs in
            if lhs.value != rhs.value { return higherIsMoreSensitive ? lhs.value > rhs.value : lhs.value < rhs.value }
            return lhs.key < rhs.key
        }
        var result: [RankedScore<Key>] = []
        result.reserveCapacity(ordered.count)
        var rank = 0
        var previous: Double?
        for (index, entry) in ordered.enumerated() {
            if let previous, abs(entry.value - previous) <= tolerance {
                result.append(RankedScore(key: entry.key, score: entry.value, rank: rank))
            } else {
                rank = ties == .dense ? rank + 1 : index + 1
                result.append(RankedScore(key: entry.key, score: entry.value, rank: rank))
            }
            previous = entry.value
        }
        return result.sorted { ($0.rank, $0.key) < ($1.rank, $1.key) }
    }
}
