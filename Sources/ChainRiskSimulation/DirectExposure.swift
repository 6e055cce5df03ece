public import ChainRiskCore

/// Direct exposure: the import value at risk per product when suppliers in the hit countries stop.
///
/// For each import flow from a country a shock hits, in a product the shock covers: value at risk =
/// value × capacity loss × weeks/52, where weeks are the shock's capacity-weeks (full-loss weeks plus the
/// recovery's share). Several shocks on one flow add up, capped at the flow's value. Products map to sectors through
/// `ProductSectorMap`; a shock restricted to sectors covers the products of those sectors.
public enum DirectExposure {
    /// One import flow: supplier country (ISO3), product code, value.
    public struct Flow: Sendable, Hashable {
        public var partner: String
        public var product: String
        public var value: Double

        public init(partner: String, product: String, value: Double) {
            self.partner = partner
            self.product = product
            self.value = value
        }
    }

    /// Exposure of one product.
    public struct Row: Sendable, Hashable {
        public var product: String
        public var sector: String?
        /// Imports of the product from all suppliers.
        public var importValue: Double
        /// Imports from the suppliers a shock hits.
        public var affectedValue: Double
        public var valueAtRisk: Double
        /// affectedValue / importValue.
        public var affectedShare: Double
    }

    /// Rows for every product with imports from a hit supplier, largest value at risk first (ties: product code).
    public static func rows(flows: [Flow], scenario: Scenario, map: ProductSectorMap) -> [Row] {
        var total: [String: Double] = [:]
        var affected: [String: Double] = [:]
        var atRisk: [String: Double] = [:]
        var sectorCache: [String: String?] = [:]
        func sector(_ product: String) -> String? {
            if let cached = sectorCache[product] { return cached }
            let found = map.sector(of: product)
            sectorCache[product] = found
            return found
        }
        for flow in flows {
            total[flow.product, default: 0] += flow.value
            var share = 0.0
            for shock in scenario.shocks
            where shock.regions.contains(where: { $0.uppercased() == flow.partner.uppercased() })
                && covers(shock, product: flow.product, sector: sector(flow.product))
            {
                share += shock.capacityLoss * shock.capacityWeeks / 52
            }
            if share > 0 {
                affected[flow.product, default: 0] += flow.value
                atRisk[flow.product, default: 0] += flow.value * min(share, 1)
            }
        }
        return affected.keys.map { product in
            let value = total[product] ?? 0
            let hit = affected[product] ?? 0
            return Row(
                product: product, sector: sector(product), importValue: value, affectedValue: hit,
                valueAtRisk: atRisk[product] ?? 0, affectedShare: value > 0 ? hit / value : 0)
        }.sorted { ($1.valueAtRisk, $0.product) < ($0.valueAtRisk, $1.product) }
    }

    /// Value at risk per sector (products without a sector under `unmapped`), largest first.
    public static func bySector(_ rows: [Row], unmapped: String = "unmapped") -> [(
        sector: String, valueAtRisk: Double, affectedValue: Double
    )] {
        var risk: [String: Double] = [:]
        var affected: [String: Double] = [:]
        for row in rows {
            risk[row.sector ?? unmapped, default: 0] += row.valueAtRisk
            affected[row.sector ?? unmapped, default: 0] += row.affectedValue
        }
        return risk.keys.map { ($0, risk[$0] ?? 0, affected[$0] ?? 0) }
            .sorted { ($1.valueAtRisk, $0.sector) < ($0.valueAtRisk, $1.sector) }
    }

    public static func covers(_ shock: Shock, product: String, sector: String?) -> Bool {
        if shock.products.isEmpty && shock.sectors.isEmpty { return true }
        if shock.products.contains(where: { product.hasPrefix($0) }) { return true }
        guard let sector else { return false }
        return ShockPlanner.expand(shock.sectors).contains(sector)
    }
}

extension Shock {
    /// Weeks of capacity lost at the full loss: full-loss weeks plus the recovery's remaining shares / 7.
    public var capacityWeeks: Double { yearShare * 365 / 7 }
}
