import ChainRiskCore

extension ColumnarConcentration {
    /// The rows of one block (one reporter and year), ordered by flow, product and unit.
    ///
    /// Safe to call for different blocks on different threads. The block's flows are sorted by product with a
    /// stable counting sort; each product's flows are then summed in source order exactly as `SupplyAccumulator`
    /// sums them, so the numbers equal those of `ConcentrationAnalysis.rows(for:)` bit for bit.
    /// - Complexity: O(flows in the block + products + suppliers · log suppliers per product).
    public func rows(inBlock block: Int) -> [ImportConcentration] {
        let range = blockStart[block]..<blockStart[block + 1]
        guard !range.isEmpty else { return [] }
        let reporter = reporters[block / years.count]
        let isEU = reporterIsEU[block / years.count]
        let year = years[block % years.count]
        let (productStart, partners, values) = sortedByProduct(range)
        var supply = SupplyScratch(suppliers: suppliers.count)
        var rows: [ImportConcentration] = []
        for product in products.indices where productStart[product] < productStart[product + 1] {
            supply.reset()
            partners.withUnsafeBufferPointer { partners in
                values.withUnsafeBufferPointer { values in
                    for flow in productStart[product]..<productStart[product + 1] {
                        supply.add(partner: partners[flow], value: values[flow])
                    }
                }
            }
            let key = products[product]
            let (ranked, top) = supply.rankSuppliers(isEU: supplierIsEU)
            rows.append(
                analysis.row(
                    key: ConcentrationAnalysis.GroupKey(
                        reporter: reporter, year: year, flow: key.flow, product: key.product, unit: key.unit),
                    reporterIsEU: isEU, suppliers: ranked, topSupplier: top.map { suppliers[$0] },
                    allSupplierValue: supply.supplierValue.value, unallocatedTotal: supply.unallocatedValue.value,
                    worldValue: supply.worldValue, suppressedCells: supply.suppressedCells))
        }
        return rows
    }

    /// The entries of `range` sorted by product, stably: where each product starts (plus the end), partners, values.
    private func sortedByProduct(_ range: Range<Int>) -> (start: [Int], partners: [Int32], values: [Double]) {
        var start = [Int](repeating: 0, count: products.count + 1)
        for index in range { start[Int(entries[index].product) + 1] += 1 }
        for product in start.indices.dropFirst() { start[product] += start[product - 1] }
        var next = start
        var partners = [Int32](repeating: 0, count: range.count)
        var values = [Double](repeating: 0, count: range.count)
        for index in range {
            let entry = entries[index]
            let position = next[Int(entry.product)]
            partners[position] = entry.partner
            values[position] = entry.value
            next[Int(entry.product)] = position + 1
        }
        return (start, partners, values)
    }
}
