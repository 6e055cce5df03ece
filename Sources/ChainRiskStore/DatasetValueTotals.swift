import ChainRiskCore

/// Value totals per unit token for a dataset's provenance, accumulated flow by flow during an import.
///
/// Each product is counted once: a code under a coarser code of the same data (a heading beside its chapter, anything
/// beside a total) is covered by that code and left out. Sums are compensated and added in product order, so every
/// backend stores the same totals for the same files.
struct DatasetValueTotals: Sendable {
    private var sums: [ValueUnit: [ProductCode: CompensatedSum]] = [:]

    /// Adds the value of `flow` when it has one (reported or provisional).
    @inline(__always)
    mutating func add(_ flow: TradeFlow) {
        if let value = flow.value, flow.status.hasValue {
            sums[flow.unit, default: [:]][flow.product, default: CompensatedSum()].add(value)
        }
    }

    /// Total per unit token.
    func totals() -> [String: Double] {
        Dictionary(
            uniqueKeysWithValues: sums.map { unit, products in
                let covered = ProductCode.covered(in: Set(products.keys))
                var total = CompensatedSum()
                for (product, sum) in products.sorted(by: { $0.key < $1.key }) where !covered.contains(product) {
                    total.add(sum.value)
                }
                return (unit.token, total.value)
            })
    }
}
