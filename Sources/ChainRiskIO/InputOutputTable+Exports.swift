public import ChainRiskCore

extension InputOutputTable {
    /// Gross exports of each sector of `region`: its sales to other regions' intermediate use plus other regions'
    /// final demand, eᵢ = Σ_{j ∉ region} Zᵢⱼ + Σ_{k ∉ region} Yᵢₖ, in the order of `indices(ofRegion:)`.
    ///
    /// A final-demand column without a region (a national table) counts as domestic.
    public func grossExports(ofRegion region: String) -> [Double] {
        let rows = indices(ofRegion: region)
        let n = sectorCount
        let foreignSectors = sectors.indices.filter { sectors[$0].region != region }
        let foreignDemand = finalDemandColumns.indices.filter {
            !finalDemandColumns[$0].region.isEmpty && finalDemandColumns[$0].region != region
        }
        return rows.map { i in
            var intermediateSales = 0.0
            for j in foreignSectors { intermediateSales += intermediate.values[j * n + i] }
            var finalSales = 0.0
            for k in foreignDemand { finalSales += finalDemand.values[k * n + i] }
            return intermediateSales + finalSales
        }
    }
}
