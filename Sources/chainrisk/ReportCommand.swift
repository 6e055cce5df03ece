import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

/// `chainrisk report`: the vulnerability report — the letter's analysis, reproducible, from built-in or loaded data.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The value-chain vulnerability report (sectors, events, import concentration, policy options).",
        discussion: """
            Without options it reports the built-in dataset nl-letter-2021 (the letter's published tables) in
            English Markdown. With --imports it computes Tables 4 and 5 from a stored import dataset (its latest
            year), checked against --world exports when given. With --mrio it computes Table 3 (origin of the
            imported inputs used for exports) from a multi-regional input-output table for --reporter (NLD). Output is byte-for-byte reproducible unless
            --timestamp adds the generation time.
            """
    )

    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @Option(help: "Output format: markdown, html, json or text.")
    var format: String = "markdown"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "The built-in dataset the report starts from (\(BuiltInDatasets.names.joined(separator: ", "))).")
    var dataset: String = BuiltInDatasets.letterName

    @Option(help: "A stored import dataset to compute Tables 4 and 5 from (see `chainrisk datasets`).")
    var imports: String?

    @Option(help: "A stored world-exports dataset for the world-market check of Table 5.")
    var world: String?

    @Option(name: .customLong("min-value"), help: "Table 5's floor in the import data's currency units (default 250e6, the letter's EUR 250 mln).")
    var minValue: Double = 250e6

    @Option(help: "Threshold preset (letter, us2023, eu2004, eu-dependency) or custom edges such as 0.15,0.25.")
    var thresholds: String = "letter"

    @Option(help: "A CSV of further disruption events (id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks).")
    var events: String?

    @Flag(help: "Add the generation time to the provenance (the report is then no longer byte-for-byte reproducible).")
    var timestamp = false

    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Origin of inputs used for exports (the letter's Table 3)") var io: InputOutputOptions

    @OptionGroup(title: "Origin of inputs used for exports (the letter's Table 3)") var origin: OriginOptions

    func validate() throws {
        guard ["markdown", "html", "json", "text", "table"].contains(format) else {
            throw ValidationError("report supports --format markdown, html, json or text")
        }
        if world != nil && imports == nil { throw ValidationError("--world needs --imports (the world check applies to computed Table 5)") }
        guard BuiltInDatasets.names.contains(dataset) else {
            throw ValidationError("unknown built-in dataset '\(dataset)'; available: \(BuiltInDatasets.names.joined(separator: ", ")) (imported data goes in with --imports)")
        }
    }

    func run() throws {
        guard let preset = ConcentrationThresholds.named(thresholds) else { throw UsageError(message: "unknown --thresholds '\(thresholds)'") }
        let letter = try BuiltInDatasets.nlLetter2021()
        var inputs = [Provenance.Input.builtIn(letter)]
        var userEvents: [DisruptionEvent] = []
        if let events {
            let file = InputFile(path: events)
            userEvents = try EventFileReader(existing: letter.events).read(file).events
            inputs.append(Provenance.Input(name: (events as NSString).lastPathComponent, kind: "file", files: [(events, try FileDigest.sha256(path: events).hex)]))
        }
        let computed = try computedConcentration(preset: preset, inputs: &inputs)
        let assessment = try VulnerabilityAssessment(letter: letter, userEvents: userEvents, computed: computed, thresholds: preset, engine: try PolicyOptionEngine.bundled())
        var settings = VulnerabilityReport.settings(thresholds: preset, table5MinimumValue: imports == nil ? nil : minValue)
        var origins: (table: OriginTable, source: String)?
        if let loaded = try io.loadIfGiven() {
            let computed = try origin.originTable(loaded, bySector: false)
            inputs += computed.inputs
            settings.merge(computed.settings) { _, new in new }
            origins = (computed.table, loaded.sourceName)
        }
        let provenance = Provenance(inputs: inputs, settings: settings, generatedAt: timestamp ? ISO8601DateFormatter().string(from: Date()) : nil)
        let report = VulnerabilityReport(assessment: assessment, language: lang, provenance: provenance, origins: origins?.table, originsSource: origins?.source ?? "")
        let text = report.render(format)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw UsageError(message: "cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileOutput.standardOutput.write(text)
        }
    }

    /// Concentration rows of the import dataset (and world rows) when `--imports` is given.
    private func computedConcentration(preset: ConcentrationThresholds, inputs: inout [Provenance.Input]) throws -> VulnerabilityAssessment.ComputedConcentration? {
        guard let imports else { return nil }
        let opened = OpenedStore(store)
        let source = try FlowInput(dataset: imports, inputs: [], reading: AutoDetectedReading(), option: "--imports")
        var accumulator = ConcentrationAnalysis(thresholds: preset).accumulator()
        try source.forEachFlow(store: opened.get, query: FlowQuery(flows: [.imports, .importsForOwnUse])) { accumulator.add($0) }
        inputs.append(try source.provenance(store: opened.get))
        var worldRows: [ImportConcentration]?
        if let world {
            let worldSource = try FlowInput(dataset: world, inputs: [], reading: AutoDetectedReading(), option: "--world")
            var flows: [TradeFlow] = []
            try worldSource.forEachFlow(store: opened.get, query: FlowQuery(flows: [.exports])) { flows.append($0) }
            worldRows = WorldMarketCheck(thresholds: preset).worldMarketRows(flows: flows)
            inputs.append(try worldSource.provenance(store: opened.get))
        }
        let rows = accumulator.rows()
        guard !rows.isEmpty else { throw InputError(.badValue, "dataset '\(imports)' has no import flows", at: nil) }
        return VulnerabilityAssessment.ComputedConcentration(rows: rows, world: worldRows, minimumValue: minValue)
    }
}

extension Language: ExpressibleByArgument {}
