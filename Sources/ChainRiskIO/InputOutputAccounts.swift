public import ChainRiskCore

/// The demand- and supply-side accounts of a productive input-output table, sharing one productivity check.
///
/// Holds the factorised Leontief (I − A) and Ghosh (I − B) matrices, so multipliers, linkages and solves L·y
/// cost one triangular solve each and no inverse is formed unless asked for.
public struct InputOutputAccounts: Sendable {
    public let table: InputOutputTable
    public let leontief: LeontiefModel
    public let ghosh: GhoshModel

    /// Checks productivity (spectral radius of A below 1), then factorises I − A and I − B.
    public init(table: InputOutputTable) throws(IOError) {
        try table.requireProductive()
        self.table = table
        leontief = try LeontiefModel(table: table)
        ghosh = try GhoshModel(table: table)
    }

    /// Output multipliers mⱼ = Σᵢ Lᵢⱼ (column sums of L): total output in the whole table per unit of final
    /// demand for sector j. Computed as mᵀ = 1ᵀ(I − A)⁻¹, one transposed solve.
    public func outputMultipliers() -> [Double] {
        leontief.rowSolve([Double](repeating: 1, count: table.sectorCount))
    }

    /// Rasmussen's backward linkages (power of dispersion): BLⱼ = mⱼ / ((1/n) Σₖ mₖ), the output multiplier
    /// relative to the average. Above 1: the sector pulls more than an average sector from its suppliers.
    public func backwardLinkages() -> [Double] {
        Self.normalised(outputMultipliers())
    }

    /// Forward linkages from the Ghosh inverse G = (I − B)⁻¹: FLᵢ = (Σⱼ Gᵢⱼ) / ((1/n) Σₖₗ Gₖₗ), the total output
    /// its customers can make per unit of sector i's primary inputs, relative to the average (Miller & Blair 2009,
    /// section 12.2). Row sums of G come from one column solve (I − B)·g = 1.
    public func forwardLinkages() -> [Double] {
        Self.normalised(ghosh.columnSolve([Double](repeating: 1, count: table.sectorCount)))
    }

    /// x = L·y for a final-demand vector, without forming L.
    public func output(for finalDemand: [Double]) -> [Double] { leontief.output(for: finalDemand) }

    /// L = (I − A)⁻¹, formed explicitly (for export; prefer the solves).
    public func leontiefInverse() -> Matrix { leontief.inverse() }

    /// The multiplier and both linkages of every sector, in table order.
    public func sectorLinkages() -> [SectorLinkage] {
        let multipliers = outputMultipliers()
        let backward = Self.normalised(multipliers)
        let forward = forwardLinkages()
        return table.sectors.indices.map { index in
            SectorLinkage(
                sector: table.sectors[index], outputMultiplier: multipliers[index],
                backwardLinkage: backward[index], forwardLinkage: forward[index])
        }
    }

    /// Each value divided by the mean of all values (n · vᵢ / Σ v); zeros when the sum is zero.
    static func normalised(_ values: [Double]) -> [Double] {
        var sum = CompensatedSum()
        for value in values { sum.add(value) }
        let total = sum.value
        guard total != 0 else { return values.map { _ in 0 } }
        let scale = Double(values.count) / total
        return values.map { $0 * scale }
    }
}

/// One sector's place in the production network: how much it pulls (backward) and pushes (forward).
public struct SectorLinkage: Sendable, Hashable {
    public var sector: IOSectorLabel
    /// Σᵢ Lᵢⱼ: output everywhere per unit of final demand for this sector.
    public var outputMultiplier: Double
    /// The output multiplier relative to the table's average (Rasmussen).
    public var backwardLinkage: Double
    /// The Ghosh row sum relative to the table's average.
    public var forwardLinkage: Double

    public init(sector: IOSectorLabel, outputMultiplier: Double, backwardLinkage: Double, forwardLinkage: Double) {
        self.sector = sector
        self.outputMultiplier = outputMultiplier
        self.backwardLinkage = backwardLinkage
        self.forwardLinkage = forwardLinkage
    }
}
