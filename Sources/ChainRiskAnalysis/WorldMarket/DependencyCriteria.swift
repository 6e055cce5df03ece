public import ChainRiskCore

/// Strategic-dependency criteria beyond the letter: the European Commission's (2021) and CEPII's GeoDep.
///
/// European Commission, SWD(2021) 352 "Strategic dependencies and capacities": an EU reporter depends on a
/// product when (1) its extra-EU imports are concentrated, HHI over extra-EU suppliers > 0.4; (2) extra-EU imports
/// are more than 50 % of its imports (over supplier countries); (3) extra-EU imports exceed its exports of the
/// product, ratio > 1 (the Commission's "extra-EU imports / total EU exports", a proxy for substitutability by
/// own production). Dependent when all three hold; without export data the first two decide and the result says
/// so. No exports at all with extra-EU imports: the ratio is undefined and counts as met. Thresholds are
/// parameters; every test is strict (a value equal to its threshold is not met).
/// GeoDep (Vicard & Wibaux 2023, CEPII): see `DependencyCriteria+GeoDep.swift`.
public struct DependencyCriteria: Sendable {
    /// One test: the number, the threshold, and whether the number exceeds it.
    public struct Criterion: Sendable, Hashable {
        /// A stable token: `extra_eu_hhi`, `extra_eu_share`, `import_export_ratio`, `import_hhi`, `world_export_hhi`.
        public let name: String
        /// The measured value; `nil` when it cannot be computed (see `explanation`).
        public let value: Double?
        public let threshold: Double
        public let isMet: Bool
        /// The test in words, e.g. `extra-EU import HHI 0.520 > 0.4`.
        public let explanation: String

        static func above(_ name: String, _ label: String, value: Double?, threshold: Double, missing: String)
            -> Criterion
        {
            guard let value else {
                return Criterion(
                    name: name, value: nil, threshold: threshold, isMet: false, explanation: "\(label): \(missing)")
            }
            let isMet = value > threshold
            let sign = isMet ? ">" : "≤"
            return Criterion(
                name: name, value: value, threshold: threshold, isMet: isMet,
                explanation:
                    "\(label) \(NumberFormat.fixed(value, decimals: 3)) \(sign) \(NumberFormat.shortest(threshold))"
            )
        }

        /// imports / exports > threshold; no exports with imports counts as met; unknown exports as not met.
        static func ratio(_ name: String, _ label: String, imports: Double, exports: Double?, threshold: Double)
            -> Criterion
        {
            guard let exports else {
                return Criterion(
                    name: name, value: nil, threshold: threshold, isMet: false, explanation: "\(label): no export data")
            }
            guard exports > 0 else {
                let isMet = imports > 0
                let text =
                    isMet
                    ? "no exports, imports \(NumberFormat.fixed(imports, decimals: 3)): ratio undefined, met"
                    : "no imports and no exports"
                return Criterion(
                    name: name, value: nil, threshold: threshold, isMet: isMet, explanation: "\(label): \(text)")
            }
            return above(name, label, value: imports / exports, threshold: threshold, missing: "")
        }
    }

    /// Which criteria decided an EU dependency.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        case allThreeCriteria = "three_criteria"
        case withoutExportData = "two_criteria_no_export_data"
    }

    /// The European Commission 2021 verdict for one EU reporter, year, flow and product.
    public struct EUDependency: Sendable, Hashable {
        public let reporter: CountryCode
        public let year: Int
        public let flow: FlowKind
        public let product: ProductCode
        public let unit: ValueUnit
        /// Imports from outside the EU27, in `unit`.
        public let extraEUImports: Double
        /// Exports of the product, in `unit`; `nil` without export data.
        public let exports: Double?
        public let concentration: Criterion
        public let extraEUShare: Criterion
        /// `nil` without export data.
        public let importExportRatio: Criterion?
        public let isDependent: Bool
        public let basis: Basis
        /// The verdict in words, saying when export data was missing.
        public let note: String
    }

    /// HHI above which imports are concentrated (EC 2021 and GeoDep: 0.4).
    public var concentrationThreshold: Double
    /// Extra-EU share of imports above which they matter (EC 2021: 0.5).
    public var extraEUShareThreshold: Double
    /// Imports / exports above which own production cannot substitute (EC 2021 and GeoDep: 1).
    public var importExportRatioThreshold: Double
    /// GeoDep persistence: flagged in at least this many years …
    public var persistenceYears: Int
    /// … of this many consecutive calendar years.
    public var persistenceWindow: Int

    public init(
        concentrationThreshold: Double = 0.4, extraEUShareThreshold: Double = 0.5,
        importExportRatioThreshold: Double = 1,
        persistenceYears: Int = 2, persistenceWindow: Int = 3
    ) {
        self.concentrationThreshold = concentrationThreshold
        self.extraEUShareThreshold = extraEUShareThreshold
        self.importExportRatioThreshold = importExportRatioThreshold
        self.persistenceYears = persistenceYears
        self.persistenceWindow = persistenceWindow
    }

    /// The EC 2021 verdict for one import row; `nil` when the row has no extra-EU figures (the reporter is not in the
    /// EU27, or it has no supplier value). `exports` is in the row's unit.
    public func ec2021(_ row: ImportConcentration, exports: Double?) -> EUDependency? {
        guard let extraShare = row.extraEUShare else { return nil }
        let extraImports = extraShare * row.supplierValue
        let concentration = Criterion.above(
            "extra_eu_hhi", "extra-EU import HHI", value: row.extraEUHHI, threshold: concentrationThreshold,
            missing: "no extra-EU supplier"
        )
        let share = Criterion.above(
            "extra_eu_share", "extra-EU share of imports", value: extraShare, threshold: extraEUShareThreshold,
            missing: ""
        )
        let ratio = exports.map {
            Criterion.ratio(
                "import_export_ratio", "extra-EU imports / exports", imports: extraImports, exports: $0,
                threshold: importExportRatioThreshold
            )
        }
        let isDependent = concentration.isMet && share.isMet && (ratio?.isMet ?? true)
        let basis: Basis = ratio == nil ? .withoutExportData : .allThreeCriteria
        let verdict = isDependent ? "dependent" : "not dependent"
        let note =
            basis == .allThreeCriteria
            ? "\(verdict) (EC 2021: all three criteria)"
            : "\(verdict) (EC 2021: no export data, decided on concentration and extra-EU share only)"
        return EUDependency(
            reporter: row.reporter, year: row.year, flow: row.flow, product: row.product, unit: row.unit,
            extraEUImports: extraImports, exports: exports, concentration: concentration, extraEUShare: share,
            importExportRatio: ratio, isDependent: isDependent, basis: basis, note: note
        )
    }

    /// EC 2021 verdicts for every import row of an EU reporter, sorted like the rows.
    ///
    /// `exports` are concentration rows of export flows (their `totalValue` is the export value), joined on
    /// reporter, year, product and unit; where several export flows match, `exports` wins over `export_own_make`
    /// over `re_export`. `nil` means no export data at all; a product missing from the export rows is evaluated
    /// without export data too.
    public func ec2021(imports: [ImportConcentration], exports: [ImportConcentration]?) -> [EUDependency] {
        let exportValues = exports.map(Self.exportValues) ?? [:]
        return imports.filter(\.flow.isImport).sorted(by: ImportConcentration.keyOrder).compactMap { row in
            ec2021(row, exports: exportValues[ExportKey(row)])
        }
    }

    /// Reporter, year, product and unit: the join of imports with exports.
    struct ExportKey: Hashable {
        let reporter: CountryCode
        let year: Int
        let product: ProductCode
        let unit: ValueUnit

        init(_ row: ImportConcentration) {
            reporter = row.reporter
            year = row.year
            product = row.product
            unit = row.unit
        }
    }

    static func exportValues(_ rows: [ImportConcentration]) -> [ExportKey: Double] {
        var chosen: [ExportKey: ImportConcentration] = [:]
        for row in rows where !row.flow.isImport {
            let key = ExportKey(row)
            if let current = chosen[key], current.flow <= row.flow { continue }
            chosen[key] = row
        }
        return chosen.mapValues(\.totalValue)
    }
}
