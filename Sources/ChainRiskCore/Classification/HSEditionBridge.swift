/// Converts HS product codes between the HS 2017 and HS 2022 editions, so that trade reported before and after the
/// 2022 revision can be compared product by product.
///
/// The table is `hs2017_hs2022.csv` (insongkim/concordance `hs6_hs5`, UN Statistics Division origin): 5,613 pairs of
/// 6-digit subheadings. What a code becomes (see `Mapping`):
/// - **Subheadings** (6 digits) follow the table: one target is a rename (or the same code), several targets a
///   one-to-many split (122 HS 2017 codes, e.g. 440140 → 440141, 440149). HS 2022 → HS 2017 has no splits: each
///   HS 2022 code has one HS 2017 code, several HS 2022 codes can share one (a merge the analysis sums).
/// - **Headings and chapters** (4 and 2 digits) and `TOTAL` keep their code when nothing crosses their border: every
///   subheading of the heading stays in the heading of the same number in the other edition, and no subheading of
///   another heading moves in. 4401 is such a heading although its subheadings changed (440140 split into 440141 and
///   440149). 8107 is not: cadmium (810720…) moved to 8112 in HS 2022, so HS 2017 8107 and HS 2022 8107 are different
///   products, and so are 8112 in both editions. Such a code is `notComparable` and is not converted: a heading
///   total does not say how much of it belongs to the subheadings that moved.
/// - **Subheadings the table lacks**: the table gives every HS 2022 subheading exactly one HS 2017 subheading, so
///   where HS 2022 merged subheadings all but one HS 2017 code are missing (26 of Comtrade's 5,388 HS 2017
///   subheadings, e.g. 620112, which went into 620130 with the listed 620192). Such a code is `unknown` and is kept
///   unchanged *in HS 2017* — relabelling it HS 2022 would name a code that HS 2022 does not have — and its heading
///   and chapter are `notComparable`, since the table cannot show where its trade went.
///
/// Pure value type: the conversion reads no files; `shared` loads the bundled tables once.
public struct HSEditionBridge: Sendable {
    /// The HS editions the bridge converts between.
    public enum Edition: String, Sendable, Hashable, CaseIterable, Comparable {
        case hs2017 = "HS2017"
        case hs2022 = "HS2022"

        /// The classification of this edition (`Classification.hs2017` for Comtrade's `H5`, `.hs2022` for `H6`).
        public var classification: Classification {
            switch self {
            case .hs2017: .hs2017
            case .hs2022: .hs2022
            }
        }

        /// The edition of a classification; `nil` for HS without a vintage, other HS vintages and other families.
        public init?(_ classification: Classification) {
            guard let edition = Edition.allCases.first(where: { $0.classification == classification }) else {
                return nil
            }
            self = edition
        }

        /// The other edition.
        public var other: Edition { self == .hs2017 ? .hs2022 : .hs2017 }

        public static func < (lhs: Edition, rhs: Edition) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What a code of one edition becomes in the other.
    public enum Mapping: Hashable, Sendable {
        /// One code: the same code (most subheadings, unchanged headings and chapters, `TOTAL`), a renamed
        /// subheading (HS 2017 440110 → HS 2022 440111), or one of several codes merged into one.
        case code(String)
        /// Several codes, sorted: the trade is spread over them by shares (HS 2017 440140 → 440141, 440149).
        case split([String])
        /// A heading or chapter whose border changed between editions: no code of the other edition covers the same
        /// goods. `reasons` names the subheadings that cross the border or that the table lacks, sorted.
        case notComparable(reasons: [String])
        /// A code the table does not know: not a subheading in it, no heading or chapter with subheadings in it,
        /// or not a 2-, 4- or 6-digit code.
        case unknown
    }

    /// HS 2017 → HS 2022 subheadings.
    public let correspondence: Correspondence
    /// HS 2017 subheadings known to exist but missing from `correspondence`, sorted.
    public let unmatchedHS2017: [String]
    /// Per heading or chapter whose border changed (the same code in both editions): why, as text like
    /// `810720→811261` or `251830 not in the table`.
    private let borderChanges: [String: [String]]
    /// The headings and chapters of each edition that hold at least one subheading of the tables.
    private let aggregates: [Edition: Set<String>]
    /// HS 2017 heading → its subheadings missing from the table.
    private let unmatchedByHeading: [String: [String]]

    /// A bridge over an HS 2017 → HS 2022 correspondence and the HS 2017 subheadings it lacks; `nil` when the
    /// correspondence does not go from `.hs2017` to `.hs2022`.
    /// - Complexity: O(n) for n pairs.
    public init?(correspondence: Correspondence, unmatchedHS2017: some Sequence<String>) {
        guard correspondence.source == .hs2017, correspondence.target == .hs2022 else { return nil }
        self.correspondence = correspondence
        let unmatched = Set(unmatchedHS2017).subtracting(correspondence.sourceCodes).sorted()
        self.unmatchedHS2017 = unmatched
        var changes: [String: Set<String>] = [:]
        var aggregates: [Edition: Set<String>] = [.hs2017: [], .hs2022: []]
        for pair in correspondence.pairs {
            for length in [2, 4] {
                let from = String(pair.source.prefix(length))
                let to = String(pair.target.prefix(length))
                aggregates[.hs2017, default: []].insert(from)
                aggregates[.hs2022, default: []].insert(to)
                guard from != to else { continue }
                changes[from, default: []].insert("\(pair.source)→\(pair.target)")
                changes[to, default: []].insert("\(pair.source)→\(pair.target)")
            }
        }
        var byHeading: [String: [String]] = [:]
        for code in unmatched {
            for length in [2, 4] {
                let prefix = String(code.prefix(length))
                aggregates[.hs2017, default: []].insert(prefix)
                changes[prefix, default: []].insert("\(code) not in the table")
            }
            byHeading[String(code.prefix(4)), default: []].append(code)
        }
        borderChanges = changes.mapValues { $0.sorted() }
        self.aggregates = aggregates
        unmatchedByHeading = byHeading
    }

    /// What `code` of edition `from` becomes in edition `to`; `.code(code)` when the editions are the same.
    /// - Complexity: O(1) expected.
    public func mapping(of code: String, from: Edition, to: Edition) -> Mapping {
        guard from != to, code != "TOTAL" else { return .code(code) }
        let digits = code.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits else { return .unknown }
        switch code.utf8.count {
        case 6:
            let found = from == .hs2017 ? correspondence.targets(of: code) : correspondence.sources(of: code)
            switch found.count {
            case 0: return .unknown
            case 1: return .code(found[0])
            default: return .split(found)
            }
        case 2, 4:
            guard aggregates[from]?.contains(code) == true else { return .unknown }
            if let reasons = borderChanges[code] { return .notComparable(reasons: reasons) }
            return .code(code)
        default:
            return .unknown
        }
    }

    /// The other codes of edition `from` that map to the same single code of `to` as `code` does (a merge), sorted;
    /// empty when none does.
    public func mergedWith(_ code: String, from: Edition, to: Edition) -> [String] {
        guard case .code(let target) = mapping(of: code, from: from, to: to), code.utf8.count == 6, from != to else {
            return []
        }
        let all = from == .hs2017 ? correspondence.sources(of: target) : correspondence.targets(of: target)
        return all.filter { $0 != code }
    }

    /// The HS 2017 subheadings missing from the table in the HS 2017 heading of a 6-digit code, sorted; empty when
    /// the heading has none. An HS 2022 code converted into such a heading may also hold their trade.
    public func unmatchedHS2017(inHeadingOf code: String) -> [String] {
        unmatchedByHeading[String(code.prefix(4))] ?? []
    }
}
