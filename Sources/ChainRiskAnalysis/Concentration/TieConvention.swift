/// How tied scores share a rank.
///
/// The letter's Table 2 follows **dense** ranking: its pandemic column reads 1, 2, 2, 3, … 12, 12, 13, 14, 15
/// (17 sectors, highest rank 15), and the cyber-attack, geophysical and trade-dispute columns likewise continue
/// with the next integer after a tie. Standard competition ranking ("1, 2, 2, 4") is the alternative.
public enum TieConvention: String, Sendable, Codable, CaseIterable {
    /// Tied items share a rank and the next item takes the next integer: 1, 2, 2, 3 (the letter's Table 2).
    case dense
    /// Tied items share a rank and the next item skips the tied places: 1, 2, 2, 4.
    case competition

    public var nameEN: String {
        switch self {
        case .dense: "dense ranking (1, 2, 2, 3)"
        case .competition: "competition ranking (1, 2, 2, 4)"
        }
    }

    public var nameNL: String {
        switch self {
        case .dense: "aaneengesloten rangorde (1, 2, 2, 3)"
        case .competition: "rangorde met overgeslagen plaatsen (1, 2, 2, 4)"
        }
    }

    /// True when a column of ranks could have come from this convention: it starts at 1 and each distinct rank
    /// follows the previous one as the convention prescribes. A column without ties fits both conventions.
    public func isConsistent(with ranks: [Int]) -> Bool {
        let sorted = ranks.sorted()
        guard let first = sorted.first, first == 1 else { return sorted.isEmpty }
        for index in sorted.indices.dropFirst() where sorted[index] != sorted[index - 1] {
            let expected =
                switch self {
                case .dense: sorted[index - 1] + 1
                case .competition: index + 1
                }
            if sorted[index] != expected { return false }
        }
        return true
    }

    /// The conventions a column of ranks is consistent with, in declaration order.
    public static func consistent(with ranks: [Int]) -> [TieConvention] {
        allCases.filter { $0.isConsistent(with: ranks) }
    }
}
