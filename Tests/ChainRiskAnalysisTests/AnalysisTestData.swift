import ChainRiskAnalysis
import ChainRiskCore

/// Small hand-made trade flows for the analysis tests.
enum AnalysisTestData {
    static func flow(
        _ partner: String, _ value: Double?, product: String = "100590", in classification: Classification = .hs2022,
        reporter: String = "NLD", year: Int = 2020, kind: FlowKind = .imports, unit: ValueUnit = .usd,
        status: ValueStatus? = nil
    ) -> TradeFlow {
        TradeFlow(
            year: year, reporter: CountryCode(verbatim: reporter), partner: CountryCode(verbatim: partner),
            product: ProductCode(product, in: classification), flow: kind, value: value, unit: unit,
            status: status ?? (value == nil ? .suppressed : .reported)
        )
    }

    static func code(_ text: String) -> CountryCode { CountryCode(verbatim: text) }

    static func hs(_ code: String) -> ProductCode { ProductCode(code, in: .hs2022) }

    /// Floating-point comparison with an absolute tolerance.
    static func close(_ value: Double?, _ expected: Double, within tolerance: Double = 1e-12) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }
}
