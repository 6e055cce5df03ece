public import ChainRiskAnalysis
public import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
public import ChainRiskReport
import ChainRiskStore
public import Foundation

/// A request for the vulnerability report: the letter's analysis, with Tables 4 and 5 computed from a stored import
/// dataset and Table 3 from an input-output table when given.
public struct ReportRequest: Sendable {
    public var language: Language = .en
    public var thresholds: ConcentrationThresholds = .letter
    /// A CSV of further disruption events.
    public var eventsFile: String?
    /// A stored import dataset for Tables 4 and 5 (its latest year).
    public var imports: String?
    /// The HS edition the imports' codes are moved into first (see `ConcentrationQuery.hsVersion`).
    public var hsVersion: HSEditionBridge.Edition?
    /// A stored world-exports dataset for Table 5's world-market check.
    public var world: String?
    /// The reporter whose imports Tables 4 and 5 show; required when the dataset holds several.
    public var reporter: CountryCode?
    /// The year of Tables 4 and 5 (default: the reporter's latest year in the data).
    public var year: Int?
    /// Table 4's basis: imports for own use where the data allows (its own series, or imports − re-exports), else
    /// total imports with the caveat; `total` asks for total imports.
    public var basis: ImportBasis = .ownUse
    /// Table 5's floor in the import data's currency units; `nil` is the letter's EUR 250 mln, converted at the
    /// year's average rate when the data is in USD.
    public var minimumValue: Double?
    /// A table of annual EUR/USD rates (`year,usd_per_eur`) that replaces the bundled ECB averages.
    public var exchangeRatesFile: String?
    /// Table 3: the origin of the imported inputs used for exports.
    public var origins: OriginsRequest?
    /// Adds the generation time to the provenance (the report is then no longer byte-for-byte reproducible).
    public var generatedAt: Date?

    public init() {}
}

extension Workspace {
    /// The report: the letter's assessment, with what the request computes from data in place of its tables.
    public func report(_ request: ReportRequest) throws -> VulnerabilityReport {
        if request.world != nil && request.imports == nil {
            throw RequestError("world", "--world needs --imports (the world check applies to computed Table 5)")
        }
        var letter = try letter()
        var inputs = [Provenance.Input.builtIn(letter)]
        let userEvents = try self.userEvents(request.eventsFile, inputs: &inputs)
        var floorConversion: String?
        var computed = try computedConcentration(request, inputs: &inputs, floorConversion: &floorConversion)
        if let found = computed, let imports = request.imports, let first = found.rows.first {
            let exports = try reporterExports(dataset: imports, reporter: first.reporter, year: first.year)
            let coverage = TradeCoverage(
                reporter: first.reporter, year: first.year, imports: found.rows, exports: exports,
                flows: try flowKinds(dataset: imports, reporter: first.reporter, year: first.year))
            let fromData = first.reporter != letter.reporter
            if fromData {
                letter = letter.replacingSectors(
                    LetterSectorMapping(productSectorMap: try simulationBundle().productSectorMap).profiles(
                        letter.sectors, imports: found.rows, exports: exports))
            }
            computed = VulnerabilityAssessment.ComputedConcentration(
                rows: found.rows, world: found.world, minimumValue: found.minimumValue, basis: found.basis,
                coverage: coverage, sectorsFromData: fromData)
        }
        var origins: OriginsResult?
        var measured: MeasuredSectorExposure?
        if let originsRequest = request.origins {
            origins = try self.origins(originsRequest)
            measured = try measuredSectors(
                originsRequest.table, reporter: originsRequest.builder.reporter,
                sectorOrder: letter.sectors.map(\.sector.id))
        }
        let assessment: VulnerabilityAssessment
        if computed == nil && userEvents.isEmpty && request.thresholds == .letter && measured == nil {
            assessment = try letterAssessment()
        } else {
            assessment = try VulnerabilityAssessment(
                letter: letter, userEvents: userEvents, computed: computed, thresholds: request.thresholds,
                engine: try policyEngine(), published: try self.letter(), measured: measured)
        }
        var settings = VulnerabilityReport.settings(
            thresholds: request.thresholds, table5MinimumValue: computed?.minimumValue)
        settings["table5_floor_conversion"] = floorConversion
        if request.imports != nil {
            settings["table4_rule"] = NestedCodes.rule
            settings["sector_coverage_rule"] = TradeCoverage.ruleEN
            settings["table4_basis"] = computed?.basis?.rawValue
            if let computed, let unit = computed.rows.first?.unit {
                settings["units"] =
                    "imports \(unit.token)"
                    + (computed.world?.first.map {
                        "; world exports \($0.unit.token) (supplier shares only: no value is compared across datasets)"
                    } ?? "")
            }
        }
        if let edition = request.hsVersion, request.imports != nil {
            (settings["hs_version"], settings["hs_version_rule"]) = (edition.rawValue, HSBridgingRule.text(edition))
        }
        if let origins {
            inputs += origins.inputs
            settings.merge(origins.settings) { _, new in new }
            settings["measured_bands"] = measured.map { _ in MeasuredFactor.bandRuleEN }
        }
        let provenance = Provenance(
            inputs: inputs, settings: settings,
            generatedAt: request.generatedAt.map { ISO8601DateFormatter().string(from: $0) })
        return VulnerabilityReport(
            assessment: assessment, language: request.language, provenance: provenance, origins: origins?.table,
            originsSource: origins?.output.source ?? "", measuredSectors: measured)
    }

    /// Table 2 measured from the input-output table for `reporter` (see `MeasuredSectorExposure`).
    func measuredSectors(_ loaded: LoadedInputOutputTable, reporter: String, sectorOrder: [String]) throws
        -> MeasuredSectorExposure
    {
        let exposure: SupplierExposure
        do {
            exposure = try SupplierExposure(table: loaded.table, reporter: reporter)
        } catch {
            throw error.naming(table: loaded.files.intermediate.displayName)
        }
        let rows = exposure.suppliers.indices
        let columns = exposure.industries.indices
        return MeasuredSectorExposure(
            reporter: reporter, industries: exposure.industries.map(\.sector), grossOutput: exposure.grossOutput,
            exports: exposure.exports, suppliers: exposure.suppliers,
            direct: rows.map { k in columns.map { exposure.direct[k, $0] } },
            total: rows.map { k in columns.map { exposure.total[k, $0] } }, domesticTotal: exposure.domesticTotal,
            sectorOrder: sectorOrder)
    }

    /// The events of `path` (none without one), with the file in `inputs`.
    func userEvents(_ path: String?, inputs: inout [Provenance.Input]) throws -> [DisruptionEvent] {
        guard let path else { return [] }
        let events = try EventFileReader(existing: try letter().events).read(InputFile(path: path)).events
        inputs.append(
            Provenance.Input(
                name: (path as NSString).lastPathComponent, kind: "file",
                files: [(path, try FileDigest.sha256(path: path).hex)]))
        return events
    }

    /// Concentration rows of the import dataset (and world rows) when the request names one.
    private func computedConcentration(
        _ request: ReportRequest, inputs: inout [Provenance.Input], floorConversion: inout String?
    ) throws -> VulnerabilityAssessment.ComputedConcentration? {
        guard let imports = request.imports else { return nil }
        let computed = try datasetConcentration(imports, thresholds: request.thresholds, hsVersion: request.hsVersion)
        inputs.append(computed.input)
        let (basisRows, method) = try importBasis(request, rows: computed.rows.filter(\.flow.isImport))
        let rows = try reporterRows(basisRows, dataset: imports, reporter: request.reporter, year: request.year)
        // Table 4 ranks values and Table 5 compares them with one floor: values in two currencies cannot share either.
        let currencies = Set(rows.map(\.unit.currency))
        if currencies.count > 1 {
            throw MixedUnits(
                units: currencies.sorted(), analysis: "Table 4's ranking and Table 5's floor (\(imports))")
        }
        var worldRows: [ImportConcentration]?
        if let world = request.world {
            var flows: [TradeFlow] = []
            try FlowSource.dataset(world).forEachFlow(in: self, matching: FlowQuery(flows: [.exports])) {
                flows.append($0)
            }
            worldRows = WorldMarketCheck(thresholds: request.thresholds).worldMarketRows(flows: flows)
            inputs.append(try provenanceInput(dataset: world))
        }
        let floor = try table5Floor(request, rows: rows, inputs: &inputs)
        floorConversion = floor.statement
        return VulnerabilityAssessment.ComputedConcentration(
            rows: rows, world: worldRows, minimumValue: floor.value, basis: method)
    }

    /// Table 5's floor in the rows' currency: the request's value, or the letter's EUR 250 mln — for USD data
    /// converted at the year's average rate, with a sentence naming the rate. Refuses a currency it has no rate for.
    private func table5Floor(
        _ request: ReportRequest, rows: [ImportConcentration], inputs: inout [Provenance.Input]
    ) throws -> (value: Double, statement: String?) {
        if let value = request.minimumValue { return (value, nil) }
        guard let first = rows.first else { return (250e6, nil) }
        let currency = first.unit.currency
        if currency == "EUR" { return (250e6, nil) }
        var rates = ExchangeRates.ecb
        if let path = request.exchangeRatesFile {
            rates = try ExchangeRates(file: URL(fileURLWithPath: path))
            inputs.append(
                Provenance.Input(
                    name: (path as NSString).lastPathComponent, kind: "file",
                    files: [(path, try FileDigest.sha256(path: path).hex)]))
        }
        guard let conversion = rates.convert(250e6, from: "EUR", to: currency, year: first.year) else {
            throw RequestError(
                "min_value",
                "Table 5's floor is the letter's EUR 250 mln and the import data is in \(currency) for \(first.year), for which \(rates.source) has no EUR→\(currency) rate; give the floor in \(currency) with --min-value or a rate table with --exchange-rates"
            )
        }
        let value = conversion.value.rounded()
        let converted = NumberFormat.fixed(value / 1e6, decimals: 2, grouping: true)
        return (value, "EUR 250 mln = \(currency) \(converted) mln at \(conversion.statement)")
    }

    /// The import rows on the request's basis and how it was met: the own-use series, imports − re-exports (pro
    /// rata), or total imports (asked for, or because the data has no re-exports).
    private func importBasis(_ request: ReportRequest, rows: [ImportConcentration]) throws -> (
        [ImportConcentration], ImportBasis.Method
    ) {
        let total = rows.filter { $0.flow == .imports }
        if request.basis == .total { return (total.isEmpty ? rows : total, .total) }
        let series = rows.filter { $0.flow == .importsForOwnUse }
        if !series.isEmpty { return (series, .ownUseSeries) }
        guard let dataset = request.imports else { return (rows, .totalWithoutReExports) }
        let reExports = try datasetConcentration(
            dataset, thresholds: request.thresholds, flows: [.reExports], hsVersion: request.hsVersion
        ).rows
        guard !reExports.isEmpty else { return (rows, .totalWithoutReExports) }
        return (ImportBasis.ownUse(imports: total, reExports: reExports).rows, .ownUseProRata)
    }

    /// The reporter's export rows of `year` in `dataset` (none when it holds no exports).
    private func reporterExports(dataset: String, reporter: CountryCode, year: Int) throws -> [ImportConcentration] {
        try datasetConcentration(dataset, thresholds: .letter, flows: [.exports, .exportsOfOwnMake]).rows
            .filter { $0.reporter == reporter && $0.year == year }
    }

    /// The flow kinds `dataset` holds for `reporter` in `year` (imports, exports, re-exports, …).
    private func flowKinds(dataset: String, reporter: CountryCode, year: Int) throws -> Set<FlowKind> {
        Set(
            try store().flowCoverage(in: dataset).filter {
                $0.value.reporters.contains(reporter) && $0.value.years.contains(year)
            }
            .keys)
    }

    /// One reporter's import rows of one year: the reporter asked for (required when the data holds several) and
    /// the year asked for or its latest.
    private func reporterRows(_ rows: [ImportConcentration], dataset: String, reporter: CountryCode?, year: Int?) throws
        -> [ImportConcentration]
    {
        let query = FlowQuery(
            reporters: reporter.map { [$0] }, years: year.map { [$0] }, flows: [.imports, .importsForOwnUse])
        guard !rows.isEmpty else { throw try emptySelection(.dataset(dataset), query: query) }
        let reporters = Set(rows.map(\.reporter)).sorted()
        guard let chosen = reporter ?? (reporters.count == 1 ? reporters[0] : nil) else {
            let list =
                reporters.prefix(40).map(\.rawValue).joined(separator: ", ") + (reporters.count > 40 ? ", …" : "")
            throw RequestError(
                "reporter",
                "dataset '\(dataset)' holds the imports of \(reporters.count) reporters (\(list)); choose one with --reporter ISO3"
            )
        }
        let ofReporter = rows.filter { $0.reporter == chosen }
        guard let latest = year ?? ofReporter.map(\.year).max() else {
            throw try emptySelection(.dataset(dataset), query: query)
        }
        let selected = ofReporter.filter { $0.year == latest }
        guard !selected.isEmpty else { throw try emptySelection(.dataset(dataset), query: query) }
        return selected
    }
}
