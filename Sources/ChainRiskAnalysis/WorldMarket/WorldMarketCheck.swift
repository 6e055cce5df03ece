public import ChainRiskCore

/// Whether a product with concentrated imports has alternative suppliers on the world market (the letter's Table 5).
///
/// The world market's concentration is the HHI of world exports over exporting countries, computed by
/// `worldMarketRows(flows:)` with the same `ConcentrationAnalysis` (rows with reporter `W00`, the exporters as
/// suppliers). The verdict follows the world market's class under `thresholds` (letter bands by default): not
/// concentrated → `alternatives_available`, somewhat → `limited`, highly (or `concentrated` under a one-edge
/// preset) → `few`. World exports include the reporter's own exports. When the reporter's products and the world
/// data are in different classifications, map the world flows first with `WorldExportMapping` and pass it, so each
/// result says how well the product was matched.
public struct WorldMarketCheck: Sendable {
    /// How many alternative suppliers the world market offers; tokens for JSON, English and Dutch labels.
    public enum Verdict: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
        case alternativesAvailable = "alternatives_available"
        case limited
        case few

        /// The verdict for a world market of this class.
        public init(worldMarket concentrationClass: ConcentrationClass) {
            switch concentrationClass {
            case .notConcentrated: self = .alternativesAvailable
            case .somewhatConcentrated: self = .limited
            case .highlyConcentrated, .concentrated: self = .few
            }
        }

        public var nameEN: String {
            switch self {
            case .alternativesAvailable: "alternative suppliers available"
            case .limited: "limited alternatives"
            case .few: "few alternatives"
            }
        }

        public var nameNL: String {
            switch self {
            case .alternativesAvailable: "alternatieve leveranciers beschikbaar"
            case .limited: "beperkte alternatieven"
            case .few: "weinig alternatieven"
            }
        }
    }

    /// One import row checked against its world market.
    public struct Result: Sendable, Hashable {
        public let reporter: CountryCode
        public let year: Int
        public let flow: FlowKind
        public let product: ProductCode
        public let unit: ValueUnit
        public let importValue: Double
        public let importHHI: Double?
        public let importClass: ConcentrationClass?
        public let worldHHI: Double?
        public let worldClass: ConcentrationClass?
        /// Exporting countries with a positive value.
        public let worldExporters: Int?
        public let topExporter: CountryCode?
        public let topExporterShare: Double?
        /// `nil` when there is no world-export row or it has no HHI.
        public let verdict: Verdict?
        /// Exact when the world data is in the product's classification; from the mapping otherwise; unmapped
        /// when no world row was found.
        public let quality: CorrespondenceMatch.Quality
        public let note: String
    }

    public var thresholds: ConcentrationThresholds
    public var countries: CountryTable

    public init(thresholds: ConcentrationThresholds = .letter, countries: CountryTable = .shared) {
        self.thresholds = thresholds
        self.countries = countries
    }

    /// World-market rows from world-export flows: the exporter (the flow's reporter) is the supplier.
    ///
    /// Only flows of kind `flow` are used. A row with partner `W00` is the exporter's total; bilateral rows
    /// (BACI-style, exporter → importer) are summed per exporter, except where the same exporter, year, product and
    /// unit also has a `W00` row, which then wins so nothing is counted twice. Exporters that are not countries
    /// (areas n.e.s., groups) are unallocated, as in `ConcentrationAnalysis`. Rows have reporter `W00`, are
    /// aggregated to `level` digits when given, and are sorted.
    public func worldMarketRows(
        flows: some Sequence<TradeFlow>, level: Int? = nil, flow kind: FlowKind = .exports
    ) -> [ImportConcentration] {
        var totals: [TradeFlow] = []
        var bilateral: [TradeFlow] = []
        var exportersWithTotal: Set<ExporterKey> = []
        for flow in flows where flow.flow == kind {
            if flow.partner == .world {
                totals.append(flow)
                exportersWithTotal.insert(
                    ExporterKey(year: flow.year, product: flow.product, exporter: flow.reporter, unit: flow.unit))
            } else {
                bilateral.append(flow)
            }
        }
        var accumulator = ConcentrationAnalysis(thresholds: thresholds, level: level, countries: countries)
            .accumulator()
        let kept = bilateral.filter {
            !exportersWithTotal.contains(
                ExporterKey(year: $0.year, product: $0.product, exporter: $0.reporter, unit: $0.unit))
        }
        for flow in totals + kept {
            accumulator.add(
                TradeFlow(
                    year: flow.year, month: flow.month, reporter: .world, partner: flow.reporter, product: flow.product,
                    flow: kind, value: flow.value, unit: flow.unit, status: flow.status
                ))
        }
        return accumulator.rows()
    }

    /// One exporter's product in one year and unit: where a `W00` total and bilateral rows may both exist.
    struct ExporterKey: Hashable {
        let year: Int
        let product: ProductCode
        let exporter: CountryCode
        let unit: ValueUnit
    }

    /// The verdict for a world-export HHI.
    public func verdict(worldHHI: Double) -> Verdict { Verdict(worldMarket: thresholds.classify(worldHHI)) }

    /// Every import row checked against the world row of the same year and product, sorted like the rows.
    ///
    /// Where several world rows match (other units or flows), the first in sorted order is used.
    public func check(imports: [ImportConcentration], world: [ImportConcentration], mapping: WorldExportMapping? = nil)
        -> [Result]
    {
        struct WorldKey: Hashable {
            let year: Int
            let product: ProductCode
        }
        var worldRows: [WorldKey: ImportConcentration] = [:]
        for row in world.sorted(by: ImportConcentration.keyOrder)
        where worldRows[WorldKey(year: row.year, product: row.product)] == nil {
            worldRows[WorldKey(year: row.year, product: row.product)] = row
        }
        return imports.filter(\.flow.isImport).sorted(by: ImportConcentration.keyOrder).map { row in
            check(row, world: worldRows[WorldKey(year: row.year, product: row.product)], mapping: mapping)
        }
    }

    /// One import row checked against its world-market row (`nil` when the world data lacks the product).
    public func check(_ row: ImportConcentration, world: ImportConcentration?, mapping: WorldExportMapping? = nil)
        -> Result
    {
        let worldHHI = world?.hhi
        let verdict = worldHHI.map { self.verdict(worldHHI: $0) }
        let quality: CorrespondenceMatch.Quality =
            world == nil ? .unmapped : mapping?.quality(of: row.product) ?? .exact
        var note: String
        if let verdict, let worldHHI {
            note = "world exports HHI \(NumberFormat.fixed(worldHHI, decimals: 3)): \(verdict.nameEN)"
        } else {
            note = world == nil ? "no world-export data for this product" : "world exports have no supplier value"
        }
        if world != nil && quality != .exact {
            note += " (products matched \(quality.rawValue) across classifications)"
        }
        return Result(
            reporter: row.reporter, year: row.year, flow: row.flow, product: row.product, unit: row.unit,
            importValue: row.totalValue, importHHI: row.hhi, importClass: row.concentrationClass, worldHHI: worldHHI,
            worldClass: worldHHI.map(thresholds.classify), worldExporters: world?.suppliers,
            topExporter: world?.topSupplier,
            topExporterShare: world?.topSupplierShare, verdict: verdict, quality: quality, note: note
        )
    }

    /// The letter's selection for Table 5: highly concentrated imports above a value (EUR 250 mln by default),
    /// sorted by value, largest first, then by product.
    ///
    /// Values are compared in base units of the same currency (`ValueUnit.baseValue`); rows in another currency are
    /// left out. "Above" is strict. The letter's Table 5 omits two products that meet this rule (machinery n.e.s.,
    /// aircraft); a reproducible run includes them.
    public static func letterSelection(
        _ rows: [ImportConcentration], minimumValue: Double = 250, unit: ValueUnit = .millionEUR
    ) -> [ImportConcentration] {
        let floor = unit.baseValue(minimumValue)
        return rows.filter { row in
            row.flow.isImport && row.concentrationClass == .highlyConcentrated && row.unit.currency == unit.currency
                && row.unit.baseValue(row.totalValue) > floor
        }.sorted { lhs, rhs in
            let left = lhs.unit.baseValue(lhs.totalValue)
            let right = rhs.unit.baseValue(rhs.totalValue)
            return left != right ? left > right : ImportConcentration.keyOrder(lhs, rhs)
        }
    }
}
