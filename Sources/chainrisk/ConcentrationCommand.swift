import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

/// `chainrisk concentration`: import concentration per product (the letter's Tables 4 and 5) from any trade data.
struct ConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concentration",
        abstract: "Herfindahl index, class, top supplier and CR3 per reporter, year, flow and product.",
        discussion: """
            Shares are over supplier countries; world totals, areas n.e.s., bunkers and free zones are reported as
            unallocated value. Bands follow CBS and the letter: [0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1]
            highly concentrated; other presets: us2023, eu2004, eu-dependency, or --thresholds 0.15,0.25.
            Examples:
              chainrisk concentration --dataset nld_imports --top 10                          (Table 4 shape)
              chainrisk concentration --dataset nld_imports --class high --min-value 250e6 \\
                --world-dataset world_exports                                                 (Table 5 shape)
              chainrisk concentration --input BACI_HS92_Y2021_V202501.csv --level 4 --format csv
            """
    )

    @Option(help: "A stored dataset to analyse (see `chainrisk datasets`).")
    var dataset: String?

    @Option(parsing: .singleValue, help: "Files to analyse directly, in any format the importer reads (repeatable).")
    var input: [String] = []

    @OptionGroup(title: "Reading --input files") var reading: InputReadArguments

    @Option(parsing: .singleValue, help: "Only these reporters (ISO3, repeatable).")
    var reporter: [String] = []

    @Option(parsing: .singleValue, help: "Only these years (repeatable).")
    var year: [Int] = []

    @Option(help: "Only products whose code starts with this (e.g. 44).")
    var product: String?

    @Option(help: "Flow: import (default), export, import_own_use, export_own_make, re_export, or all.")
    var flow: String = "import"

    @Option(help: "Aggregate product codes to this many digits (HS 2/4/6, SITC 1-5).")
    var level: Int?

    @Option(help: "Threshold preset (letter, us2023, eu2004, eu-dependency) or custom edges such as 0.15,0.25.")
    var thresholds: String = "letter"

    @Option(name: .customLong("class"), help: "Only rows of this class: not, somewhat, high, concentrated.")
    var concentrationClass: String?

    @Option(name: .customLong("min-value"), help: "Only rows whose total value is above this, in the currency's units (e.g. 250e6).")
    var minValue: Double?

    @Option(help: "The N largest products by total value per reporter, year and flow.")
    var top: Int?

    @Flag(name: .customLong("relevant-only"), help: "Drop products mostly in BEC rev. 4 goods n.e.s. (7) or consumer goods n.e.s. (6x), as the letter did.")
    var relevantOnly = false

    @Flag(help: "List products whose class differs between the presets.")
    var sensitivity = false

    @Flag(help: "For each product, list finer products that are more concentrated (needs --level).")
    var drill = false

    @Option(name: .customLong("world-dataset"), help: "A stored world-exports dataset for the world-market check (Table 5).")
    var worldDataset: String?

    @Option(name: .customLong("world-input"), help: "A world-exports file for the world-market check (format detected).")
    var worldInput: String?

    @Flag(help: "HHI per year, change and persistence of high concentration (with several years of data).")
    var trend = false

    @Option(parsing: .singleValue, help: "Dependency criteria to evaluate: ec2021 (EU strategic dependencies) or geodep (CEPII; needs a world dataset); repeatable. Export flows in the data are used for the imports/exports ratio.")
    var criteria: [String] = []

    @Option(name: .customLong("risk-scores"), help: "CSV of country-risk scores (iso3,score in [0,1]) for risk-weighted concentration.")
    var riskScores: String?

    @Option(help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard format != .html else { throw ValidationError("concentration supports --format table, markdown, csv or json") }
        if drill && level == nil { throw ValidationError("--drill needs --level N (the level to drill from)") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let level, !(1...10).contains(level) { throw ValidationError("--level must be between 1 and 10") }
    }

    func run() throws {
        guard let preset = ConcentrationThresholds.named(thresholds) else {
            throw UsageError(message: "unknown --thresholds '\(thresholds)'; use letter, us2023, eu2004, eu-dependency or two ascending numbers such as 0.15,0.25")
        }
        if try runColumnar(preset: preset) { return }
        let wanted = try criteriaWanted()
        let flows = try flowKinds()
        let exportKinds: [FlowKind] = wanted.isEmpty ? [] : [.exports, .exportsOfOwnMake, .reExports].filter { !flows.contains($0) }
        let source = try FlowInput(dataset: dataset, inputs: input, reading: reading)
        let query = try flowQuery(flows: flows + exportKinds)
        let opened = OpenedStore(store)
        let analysis = ConcentrationAnalysis(thresholds: preset, level: level)
        var accumulator = analysis.accumulator()
        var exports = analysis.accumulator()
        var kept: [TradeFlow] = []
        try source.forEachFlow(store: opened.get, query: query, adjust: Self.readerView(for: flows)) { flow in
            guard query.accepts(flow) else { return }
            guard flows.contains(flow.flow) else {
                exports.add(flow)
                return
            }
            accumulator.add(flow)
            if drill { kept.append(flow) }
        }
        var rows = accumulator.rows()
        let relevance = relevantOnly ? RelevanceFilter(rows: rows) : nil
        if let relevance { rows = relevance.relevantRows }
        let allRows = rows
        rows = try select(rows)
        var provenance = Provenance(inputs: [try source.provenance(store: opened.get)], settings: try settings(preset))
        let worldRows = try worldMarketRows(preset: preset, store: opened, importFamily: rows.first?.product.classification.family, importLevels: Set(rows.map(\.product.code.utf8.count)), provenance: &provenance)
        var sections: [NamedTable] = []
        if trend { sections.append(ConcentrationSections.trends(ConcentrationTrend.trends(for: allRows))) }
        if wanted.contains("ec2021") {
            sections.append(ConcentrationSections.euDependency(DependencyCriteria().ec2021(imports: rows, exports: exportKinds.isEmpty ? nil : exports.rows())))
        }
        if wanted.contains("geodep") {
            guard let worldRows else { throw UsageError(message: "--criteria geodep needs --world-dataset or --world-input") }
            sections.append(ConcentrationSections.geoDep(DependencyCriteria().geoDep(imports: allRows, world: worldRows, exports: exports.rows())))
        }
        if let riskScores {
            let weighting = RiskWeightedConcentration(scores: try RiskScoreFile.read(InputFile(path: riskScores)), scoreName: (riskScores as NSString).lastPathComponent)
            let selected = Set(rows.map { RowKey($0) })
            let breakdowns = accumulator.supplierBreakdowns().filter { selected.contains(RowKey($0)) }
            sections.append(ConcentrationSections.riskWeighted(weighting.rows(breakdowns), formula: RiskWeightedConcentration.formula, scoreName: weighting.scoreName))
            provenance.inputs.append(Provenance.Input(name: (riskScores as NSString).lastPathComponent, kind: "file", files: [(riskScores, try FileDigest.sha256(path: riskScores).hex)]))
        }
        let output = ConcentrationOutput(
            rows: rows, thresholds: preset, language: lang,
            worldMarket: worldRows.map { WorldMarketCheck(thresholds: preset).aligned(imports: rows, world: $0) },
            provenance: provenance, relevance: relevance, sensitivity: sensitivity ? SensitivityCheck(rows: rows) : nil,
            drill: drill ? ConcentrationDrill().entries(for: ConcentrationDrill.rows(for: kept, levels: drillLevels(), thresholds: preset)) : nil,
            sections: sections
        )
        FileOutput.standardOutput.write(output.render(format.rawValue))
    }

    /// The `--criteria` values, checked.
    private func criteriaWanted() throws -> Set<String> {
        let names = Set(criteria.flatMap { $0.split(separator: ",").map { $0.lowercased() } })
        if let unknown = names.subtracting(["ec2021", "geodep"]).sorted().first {
            throw UsageError(message: "unknown --criteria '\(unknown)'; use ec2021 or geodep")
        }
        return names
    }
}

/// Identifies a row and its supplier breakdown across the two result types.
private struct RowKey: Hashable {
    let reporter: CountryCode
    let year: Int
    let flow: FlowKind
    let product: ProductCode

    init(_ row: ImportConcentration) {
        (reporter, year, flow, product) = (row.reporter, row.year, row.flow, row.product)
    }

    init(_ breakdown: SupplierBreakdown) {
        (reporter, year, flow, product) = (breakdown.reporter, breakdown.year, breakdown.flow, breakdown.product)
    }
}
