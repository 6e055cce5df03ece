import ChainRiskCore

extension PolicyCondition {
    /// The figures that make the condition hold for a product, or nil when it does not hold.
    ///
    /// Figures come in test order (import class, world market, imports, EU, GeoDep); for `any`, the figures of
    /// every branch that holds follow, without repeating a key.
    func figures(for product: ProductDiagnosis) -> [CitedFigure]? {
        var figures: [CitedFigure] = []
        if let importClass {
            guard let found = product.importClass, importClass.contains(found) else { return nil }
            figures.append(PolicyFigures.importConcentration(product))
        }
        if let worldMarket {
            guard worldMarket.contains(product.worldMarket) else { return nil }
            figures.append(PolicyFigures.worldMarket(product))
        }
        if let importValueAbove {
            let value = product.unit.baseValue(product.importValue)
            let met = importValueAbove.first {
                $0.unit.currency == product.unit.currency && value > $0.unit.baseValue($0.value)
            }
            guard let met else { return nil }
            figures.append(PolicyFigures.imports(product, above: met))
        }
        if let euDependent {
            guard let verdict = product.euDependency, verdict.isDependent == euDependent else { return nil }
            figures.append(PolicyFigures.euDependency(verdict))
        }
        if let geoDepPersistent {
            guard let verdict = product.geoDep, verdict.isPersistent == geoDepPersistent else { return nil }
            figures.append(PolicyFigures.geoDep(verdict))
        }
        if let any {
            let branches = any.compactMap { $0.figures(for: product) }
            guard !branches.isEmpty else { return nil }
            figures = Self.merging(figures, branches.flatMap { $0 })
        }
        return figures
    }

    /// The figures that make the condition hold for a sector, or nil when it does not hold.
    ///
    /// A band test cites every listed factor in a listed band, in `RiskFactor` order.
    func figures(for sector: SectorDiagnosis, groups: [String: SectorGroup]) -> [CitedFigure]? {
        var figures: [CitedFigure] = []
        if let riskBand {
            let hits = sector.factorRanks.filter {
                riskBand.factors.contains($0.factor) && riskBand.bands.contains($0.band)
            }
            guard !hits.isEmpty else { return nil }
            figures += hits.map { PolicyFigures.factorRank($0, of: sector) }
        }
        if let measuredBand {
            let hits = sector.measuredRanks.filter {
                measuredBand.factors.contains($0.factor) && measuredBand.bands.contains($0.band)
            }
            guard !hits.isEmpty else { return nil }
            figures += hits.map(PolicyFigures.measuredRank)
        }
        if let sectorGroups {
            let member = sectorGroups.compactMap { groups[$0] }.first { $0.sectorIDs.contains(sector.sector.id) }
            guard let member else { return nil }
            figures.append(PolicyFigures.group(member))
        }
        if let particularImportance {
            guard sector.isOfParticularImportance == particularImportance else { return nil }
            figures.append(PolicyFigures.importance(sector))
        }
        if let importanceRankAtMost {
            guard sector.importanceRank <= importanceRankAtMost else { return nil }
            figures = Self.merging(figures, [PolicyFigures.importance(sector)])
        }
        if let any {
            let branches = any.compactMap { $0.figures(for: sector, groups: groups) }
            guard !branches.isEmpty else { return nil }
            figures = Self.merging(figures, branches.flatMap { $0 })
        }
        return figures
    }

    /// `first` followed by the figures of `more` whose key is not yet there.
    static func merging(_ first: [CitedFigure], _ more: [CitedFigure]) -> [CitedFigure] {
        var result = first
        for figure in more where !result.contains(where: { $0.key == figure.key }) { result.append(figure) }
        return result
    }
}
