/// A recoverable data problem a reader met: the data is usable, but the user should know.
///
/// Findings are values, not throws: the caller decides whether they fail the run (`--strict`).
public struct Finding: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What kind of problem, as a stable token for summaries and JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable, Comparable {
        case unknownCode = "unknown_code"
        case mappedCode = "mapped_code"
        case suppressedCell = "suppressed_cell"
        case missingValue = "missing_value"
        case negativeValue = "negative_value"
        case duplicateKey = "duplicate_key"
        case partialPeriod = "partial_period"
        case aggregatePartner = "aggregate_partner"
        case skippedRow = "skipped_row"
        case unitAssumed = "unit_assumed"
        /// An input-output account does not balance: Σ Z row + Σ Y row differs from gross output.
        case imbalance
        /// A sector with zero gross output: its coefficients are set to zero.
        case zeroOutput = "zero_output"
        /// A product code of one HS edition spread over several codes of another, by stated shares.
        case splitCode = "split_code"
        /// A product code kept in its own classification because it has no like-for-like code in the one asked for
        /// (an HS heading that changed between editions, a SITC code when HS 2022 was asked for).
        case unconvertedCode = "unconverted_code"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// True for a note, not a problem: a code read by a documented convention (`mapped_code`: Comtrade's S19 and
        /// BACI's 490 as Taiwan, an HS code moved one-to-one into another edition). `--strict` does not fail on notes,
        /// or every real Comtrade and BACI file would fail it.
        public var isNote: Bool { self == .mappedCode }
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(kind.rawValue): \(message)" }
        return "\(kind.rawValue): \(message)"
    }
}

/// Collects findings in bounded memory: every finding is counted, the first few of each kind are kept as examples.
public struct FindingLog: Sendable, Codable, Hashable {
    public private(set) var counts: [Finding.Kind: Int] = [:]
    public private(set) var examples: [Finding] = []
    /// How many examples of each kind are kept.
    public let examplesPerKind: Int

    public init(examplesPerKind: Int = 20) {
        self.examplesPerKind = examplesPerKind
    }

    public mutating func record(_ finding: Finding) {
        let count = counts[finding.kind, default: 0]
        counts[finding.kind] = count + 1
        if count < examplesPerKind { examples.append(finding) }
    }

    public mutating func merge(_ other: FindingLog) {
        for (kind, count) in other.counts { counts[kind, default: 0] += count }
        for example in other.examples where examples.filter({ $0.kind == example.kind }).count < examplesPerKind {
            examples.append(example)
        }
    }

    /// The total number of findings.
    public var total: Int { counts.values.reduce(0, +) }

    /// The findings `--strict` fails on (all but notes, `Finding.Kind.isNote`): how many, and the first example.
    public var problems: (count: Int, first: Finding)? {
        let count = counts.filter { !$0.key.isNote }.values.reduce(0, +)
        guard count > 0, let first = examples.first(where: { !$0.kind.isNote }) else { return nil }
        return (count, first)
    }
    public var isEmpty: Bool { counts.isEmpty }

    /// Counts sorted by kind, for deterministic output.
    public var sortedCounts: [(kind: Finding.Kind, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { (kind: $0.key, count: $0.value) }
    }
}
