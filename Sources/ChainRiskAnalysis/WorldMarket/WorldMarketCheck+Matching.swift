public import ChainRiskCore

extension WorldMarketCheck {
    /// World-market rows ready to align with import rows, and how the world data was mapped.
    public struct MatchedWorldRows: Sendable {
        public let rows: [ImportConcentration]
        /// E.g. `HS2022 → SITC4, equal split over many-to-many codes`; nil when the classifications already agree.
        public let mapping: String?
    }

    /// World data in a classification the imports' cannot be matched to.
    public struct ClassificationMismatch: Error, Sendable, CustomStringConvertible {
        public let world: Classification.Family
        public let imports: Classification.Family
        public var description: String {
            "world data in \(world.rawValue) cannot be matched to \(imports.rawValue) imports; chainrisk maps HS ↔ SITC"
        }
    }

    /// World rows for `exports` at every code length the imports use (`importLevels`, or `level` when given), so a
    /// heading matches a heading and a subheading a subheading; world data in HS or SITC is first moved into the
    /// imports' family through the bundled correspondence.
    public func matchedWorldRows(
        exports flows: [TradeFlow], importFamily: Classification.Family?, importLevels: Set<Int>, level: Int?
    ) throws(ClassificationMismatch) -> MatchedWorldRows {
        var flows = flows
        var note: String?
        if let family = importFamily, let worldFamily = flows.first?.product.classification.family,
            worldFamily != family
        {
            guard let mapping = Self.crossMapping(from: worldFamily, to: family, flows: flows) else {
                throw ClassificationMismatch(world: worldFamily, imports: family)
            }
            note = "\(mapping.source.token) → \(mapping.target.token), equal split over many-to-many codes"
            flows = mapping.flows
        }
        let worldLevels = Set(flows.map(\.product.code.utf8.count))
        let lengths = level.map { [$0] } ?? importLevels.sorted()
        let rows = lengths.flatMap { length in
            worldLevels.contains(length)
                ? worldMarketRows(flows: flows, level: nil).filter { $0.product.code.utf8.count == length }
                : worldMarketRows(flows: flows, level: length)
        }
        return MatchedWorldRows(rows: rows, mapping: note)
    }

    /// World flows mapped between HS and SITC rev. 4 through the bundled correspondence.
    static func crossMapping(from world: Classification.Family, to imports: Classification.Family, flows: [TradeFlow])
        -> WorldExportMapping?
    {
        switch (world, imports) {
        case (.hs, .sitc): WorldExportMapping(flows: flows, through: .hs2022ToSITC4)
        case (.sitc, .hs): WorldExportMapping(flows: flows, through: .hs2022ToSITC4, reversed: true)
        default: nil
        }
    }
}
