public import ChainRiskCore

/// CEPII GeoDep: import dependencies by the EC approach, per country and year, with a persistence test.
///
/// Vicard & Wibaux (2023), "EU strategic dependencies: a long view", CEPII Policy Brief 41; the GeoDep database
/// (Lefebvre & Wibaux 2024, CEPII Policy Brief 47). A product-year is flagged when (1) the reporter's imports are
/// concentrated, import HHI > 0.4; (2) the world market is concentrated, HHI of world exports over exporting
/// countries > 0.4 (`WorldMarketCheck.worldMarketRows`); (3) domestic supply cannot substitute,
/// imports / exports > 1 (GeoDep writes 9999 when exports are nil; here the ratio is `nil` and the test is met when
/// there are imports).
/// A year lacking any of the three numbers is not flagged and is marked incomplete. A dependency is **persistent**
/// when flagged in at least `persistenceYears` (2) of any `persistenceWindow` (3) consecutive calendar years; a
/// year without data counts as not flagged, so 2019 and 2020 flagged is persistent whatever 2021 holds.
extension DependencyCriteria {
    /// The three numbers of one year.
    public struct GeoDepObservation: Sendable, Hashable {
        public let year: Int
        public let importHHI: Double?
        public let worldExportHHI: Double?
        /// Import value of the product.
        public let imports: Double?
        /// Export value of the product, in the unit of `imports`; `nil` when unknown.
        public let exports: Double?

        public init(year: Int, importHHI: Double?, worldExportHHI: Double?, imports: Double?, exports: Double?) {
            self.year = year
            self.importHHI = importHHI
            self.worldExportHHI = worldExportHHI
            self.imports = imports
            self.exports = exports
        }
    }

    /// One year's tests.
    public struct GeoDepYear: Sendable, Hashable {
        public let year: Int
        public let importConcentration: Criterion
        public let worldConcentration: Criterion
        public let importExportRatio: Criterion
        public let isFlagged: Bool
        /// False when a number was missing.
        public let isComplete: Bool
    }

    /// The GeoDep verdict for one reporter, flow, product and unit over the years.
    public struct GeoDepDependency: Sendable, Hashable {
        public let reporter: CountryCode
        public let flow: FlowKind
        public let product: ProductCode
        public let unit: ValueUnit
        /// Sorted by year.
        public let years: [GeoDepYear]
        public let flaggedYears: [Int]
        public let isPersistent: Bool
        /// The flagged years inside a window that meets the persistence rule, sorted.
        public let persistentYears: [Int]
        /// The rule in words, e.g. `flagged in at least 2 of 3 consecutive years`.
        public let rule: String
    }

    /// The verdict from one observation per year (the first is used when a year repeats).
    public func geoDep(
        reporter: CountryCode, product: ProductCode, flow: FlowKind = .imports, unit: ValueUnit = .usd,
        observations: [GeoDepObservation]
    ) -> GeoDepDependency {
        var byYear: [Int: GeoDepObservation] = [:]
        for observation in observations where byYear[observation.year] == nil { byYear[observation.year] = observation }
        let years = byYear.keys.sorted().compactMap { byYear[$0].map(geoDepYear) }
        let flagged = years.filter(\.isFlagged).map(\.year)
        let persistent = persistentYears(flagged)
        return GeoDepDependency(
            reporter: reporter, flow: flow, product: product, unit: unit, years: years, flaggedYears: flagged,
            isPersistent: !persistent.isEmpty, persistentYears: persistent,
            rule: "flagged in at least \(persistenceYears) of \(persistenceWindow) consecutive years"
        )
    }

    /// Verdicts for every (reporter, import flow, product, unit) of `imports`, sorted by those.
    ///
    /// `world` are world-market rows (`WorldMarketCheck.worldMarketRows`), joined on year and product (the first
    /// row in sorted order when several match); `exports` are concentration rows of export flows, joined on
    /// reporter, year, product and unit as in `ec2021(imports:exports:)`. Import value is the row's `totalValue`.
    public func geoDep(
        imports: [ImportConcentration], world: [ImportConcentration], exports: [ImportConcentration]
    ) -> [GeoDepDependency] {
        struct WorldKey: Hashable {
            let year: Int
            let product: ProductCode
        }
        var worldHHI: [WorldKey: Double] = [:]
        for row in world.sorted(by: ImportConcentration.keyOrder)
        where worldHHI[WorldKey(year: row.year, product: row.product)] == nil {
            if let hhi = row.hhi { worldHHI[WorldKey(year: row.year, product: row.product)] = hhi }
        }
        let exportValues = Self.exportValues(exports)
        let rows = imports.filter(\.flow.isImport).sorted { lhs, rhs in
            (lhs.reporter, lhs.flow, lhs.product, lhs.unit, lhs.year) < (
                rhs.reporter, rhs.flow, rhs.product, rhs.unit, rhs.year
            )
        }
        var results: [GeoDepDependency] = []
        var start = 0
        while start < rows.count {
            let first = rows[start]
            var end = start + 1
            while end < rows.count,
                (rows[end].reporter, rows[end].flow, rows[end].product, rows[end].unit)
                    == (first.reporter, first.flow, first.product, first.unit)
            {
                end += 1
            }
            let observations = rows[start..<end].map { row in
                GeoDepObservation(
                    year: row.year, importHHI: row.hhi,
                    worldExportHHI: worldHHI[WorldKey(year: row.year, product: row.product)],
                    imports: row.totalValue, exports: exportValues[ExportKey(row)]
                )
            }
            results.append(
                geoDep(
                    reporter: first.reporter, product: first.product, flow: first.flow, unit: first.unit,
                    observations: observations))
            start = end
        }
        return results
    }

    func geoDepYear(_ observation: GeoDepObservation) -> GeoDepYear {
        let imports = Criterion.above(
            "import_hhi", "import HHI", value: observation.importHHI, threshold: concentrationThreshold,
            missing: "no import data"
        )
        let world = Criterion.above(
            "world_export_hhi", "world export HHI", value: observation.worldExportHHI,
            threshold: concentrationThreshold,
            missing: "no world-export data"
        )
        let ratio = Criterion.ratio(
            "import_export_ratio", "imports / exports", imports: observation.imports ?? 0, exports: observation.exports,
            threshold: importExportRatioThreshold
        )
        let isComplete =
            observation.importHHI != nil && observation.worldExportHHI != nil && observation.imports != nil
            && observation.exports != nil
        return GeoDepYear(
            year: observation.year, importConcentration: imports, worldConcentration: world, importExportRatio: ratio,
            isFlagged: imports.isMet && world.isMet && ratio.isMet, isComplete: isComplete
        )
    }

    /// The flagged years that lie in a window of `persistenceWindow` consecutive years holding at least
    /// `persistenceYears` flagged years.
    func persistentYears(_ flagged: [Int]) -> [Int] {
        guard let first = flagged.first, let last = flagged.last, persistenceWindow > 0 else { return [] }
        let flaggedSet = Set(flagged)
        var result: Set<Int> = []
        for start in (first - persistenceWindow + 1)...last {
            let window = (start..<(start + persistenceWindow)).filter(flaggedSet.contains)
            if window.count >= max(persistenceYears, 1) { result.formUnion(window) }
        }
        return result.sorted()
    }
}
