/// Data given per NACE 64 industry — IHS Markit's input criticality and the desired inventory days of Pichler et
/// al. (2022) — carried to the industries of any table coded in NACE Rev. 2 / ISIC Rev. 4 divisions.
///
/// A table industry takes the NACE 64 industries whose divisions it shares (`NACEDivisions`). The criticality of
/// input sector s for user j is the mean rating over the NACE 64 pairs (i in s, k in j), weighted by the flows of a
/// reference table (Belgium 2015, Pichler et al.'s companion) — a block without reference flows takes the plain
/// mean; a user's inventory days are the mean over its NACE 64 industries. The same rule made the bundled WIOD
/// tables, so WIOD and FIGARO runs agree in method.
public struct IndustrySpine: Sendable {
    /// The NACE 64 codes, in the order of the matrices.
    public let codes: [String]
    /// ratings[i][k]: 1 critical, 0.5 important, 0 not, for input i of user k.
    public let ratings: [[Double]]
    /// flows[i][k] of the reference table, the weights.
    public let flows: [[Double]]
    /// Desired inventory days of each NACE 64 industry.
    public let stockDays: [Double]
    /// Where the three come from, for provenance.
    public let source: String
    private let divisions: [Set<Int>]

    public init(codes: [String], ratings: [[Double]], flows: [[Double]], stockDays: [Double], source: String) {
        (self.codes, self.ratings, self.flows, self.stockDays, self.source) = (codes, ratings, flows, stockDays, source)
        divisions = codes.map { NACEDivisions.of($0) ?? [] }
    }

    /// The NACE 64 industries (indices) each of `tableCodes` covers; nil when one code is not a NACE code or covers
    /// none of them. Division 99 (extra-territorial organisations, EXIOBASE's `i99`), which the NACE 64 list lacks,
    /// takes T97–98 (households as employers): both are residual services with next to no intermediate use.
    public func members(of tableCodes: [String]) -> [String: [Int]]? {
        var result: [String: [Int]] = [:]
        for code in Set(tableCodes) {
            guard var own = NACEDivisions.of(code) else { return nil }
            if own == [99] { own = [97] }
            let found = divisions.indices.filter { !divisions[$0].isDisjoint(with: own) }
            guard !found.isEmpty else { return nil }
            result[code] = found
        }
        return result
    }

    /// Criticality weight of input sector `input` for user `user` (both table codes), from `members`.
    public func criticality(input: [Int], user: [Int]) -> Double {
        var weighted = 0.0
        var weight = 0.0
        var plain = 0.0
        for i in input {
            for k in user {
                weighted += flows[i][k] * ratings[i][k]
                weight += flows[i][k]
                plain += ratings[i][k]
            }
        }
        return weight > 0 ? weighted / weight : plain / Double(input.count * user.count)
    }

    /// Inventory days of a user industry: the mean over its NACE 64 industries.
    public func inventoryDays(user: [Int]) -> Double {
        user.reduce(0) { $0 + stockDays[$1] } / Double(user.count)
    }

    /// True for an industry of goods firms keep in stock (agriculture, mining, manufacturing: divisions 01–33);
    /// services and utilities never run short, as for WIOD's c1–c16.
    public static func isGoods(_ code: String) -> Bool {
        guard let divisions = NACEDivisions.of(code) else { return false }
        return divisions.allSatisfy { $0 <= 33 }
    }
}
