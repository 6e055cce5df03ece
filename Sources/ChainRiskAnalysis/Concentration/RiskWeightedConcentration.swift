public import ChainRiskCore

/// Supplier concentration weighted by supplier-country risk, in the style of the EU critical raw materials
/// supply-risk index.
///
/// With sᵢ the share of supplier country i and rᵢ ∈ [0, 1] its risk score (governance, hazard exposure, …):
/// - supply-risk index SR = Σᵢ sᵢ² · rᵢ, on a 0–1 scale: the HHI with each square weighted by risk (the
///   HHI_WGI term of the European Commission's CRM methodology, Blengini et al. 2017, "Methodology for
///   establishing the EU list of critical raw materials", where WGI is scaled 0–10; here 0–1). SR ≤ HHI; one
///   supplier with score 1 gives 1.
/// - risk-weighted share Σᵢ sᵢ · rᵢ: the share of supply from risky countries, the score-weighted mean.
///
/// A supplier without a score gets `missingScore`: by default the fixed 0.5, the midpoint of the scale, so one
/// product's index never depends on which other countries the score table covers; `meanOfKnownScores` uses the
/// mean of all valid scores of the table instead (0.5 when it has none). Scores that are not numbers or lie
/// outside [0, 1] are rejected at construction and count as missing. Unscored suppliers are reported, sorted,
/// with their share of supply. No supplier value → no index (`nil`).
public struct RiskWeightedConcentration: Sendable {
    /// What a supplier without a score gets.
    public enum MissingScore: Sendable, Hashable {
        case fixed(Double)
        case meanOfKnownScores
    }

    /// The measures of one set of suppliers.
    public struct Measure: Sendable, Hashable {
        /// SR = Σ sᵢ² rᵢ; `nil` without supplier value.
        public let supplyRiskIndex: Double?
        /// Σ sᵢ rᵢ; `nil` without supplier value.
        public let riskWeightedShare: Double?
        /// The plain HHI = Σ sᵢ², for comparison.
        public let hhi: Double?
        public let suppliers: Int
        public let supplierValue: Double
        /// Suppliers that had no valid score, sorted.
        public let unscoredSuppliers: [CountryCode]
        /// Their share of supplier value, 0–1.
        public let unscoredShare: Double
        /// The score they were given.
        public let defaultScore: Double
    }

    /// One concentration row's measures.
    public struct Row: Sendable, Hashable {
        public let reporter: CountryCode
        public let year: Int
        public let flow: FlowKind
        public let product: ProductCode
        public let unit: ValueUnit
        public let measure: Measure
    }

    /// The formula as printed with every output.
    public static let formula =
        "SR = Σᵢ sᵢ² · rᵢ (HHI weighted by supplier-country risk rᵢ in [0, 1]); risk-weighted share = Σᵢ sᵢ · rᵢ"

    /// Valid scores by country.
    public let scores: [CountryCode: Double]
    /// The score's name for outputs, e.g. "WGI political stability, rescaled 0–1".
    public let scoreName: String
    public let missingScore: MissingScore
    /// Countries whose given score was not a number in [0, 1], sorted.
    public let rejectedScores: [CountryCode]
    /// The score given to unscored suppliers.
    public let defaultScore: Double

    public init(scores: [CountryCode: Double], scoreName: String, missingScore: MissingScore = .fixed(0.5)) {
        let valid = scores.filter { (0...1).contains($0.value) }
        self.scores = valid
        self.scoreName = scoreName
        self.missingScore = missingScore
        rejectedScores = scores.keys.filter { valid[$0] == nil }.sorted()
        switch missingScore {
        case .fixed(let value):
            defaultScore = min(max(value.isNaN ? 0.5 : value, 0), 1)
        case .meanOfKnownScores:
            var sum = CompensatedSum()
            for country in valid.keys.sorted() { sum.add(valid[country] ?? 0) }
            defaultScore = valid.isEmpty ? 0.5 : sum.value / Double(valid.count)
        }
    }

    /// The measures of supplier values; non-positive values are ignored, a country listed twice adds up.
    public func measure(_ suppliers: [SupplierBreakdown.Supplier]) -> Measure {
        var values: [CountryCode: Double] = [:]
        for supplier in suppliers where supplier.value > 0 { values[supplier.country, default: 0] += supplier.value }
        let countries = values.keys.sorted()
        var total = CompensatedSum()
        for country in countries { total.add(values[country] ?? 0) }
        guard total.value > 0 else {
            return Measure(
                supplyRiskIndex: nil, riskWeightedShare: nil, hhi: nil, suppliers: 0, supplierValue: 0,
                unscoredSuppliers: [], unscoredShare: 0, defaultScore: defaultScore
            )
        }
        var index = CompensatedSum()
        var share = CompensatedSum()
        var squares = CompensatedSum()
        var unscoredShare = CompensatedSum()
        var unscored: [CountryCode] = []
        for country in countries {
            let supplierShare = (values[country] ?? 0) / total.value
            let risk = scores[country] ?? defaultScore
            if scores[country] == nil {
                unscored.append(country)
                unscoredShare.add(supplierShare)
            }
            index.add(supplierShare * supplierShare * risk)
            share.add(supplierShare * risk)
            squares.add(supplierShare * supplierShare)
        }
        return Measure(
            supplyRiskIndex: index.value, riskWeightedShare: share.value, hhi: squares.value,
            suppliers: countries.count,
            supplierValue: total.value, unscoredSuppliers: unscored, unscoredShare: unscoredShare.value,
            defaultScore: defaultScore
        )
    }

    /// The measures of one breakdown.
    public func row(_ breakdown: SupplierBreakdown) -> Row {
        Row(
            reporter: breakdown.reporter, year: breakdown.year, flow: breakdown.flow, product: breakdown.product,
            unit: breakdown.unit, measure: measure(breakdown.suppliers)
        )
    }

    /// The measures of every breakdown, in the order given (`supplierBreakdowns` returns them sorted).
    public func rows(_ breakdowns: [SupplierBreakdown]) -> [Row] { breakdowns.map(row) }
}
