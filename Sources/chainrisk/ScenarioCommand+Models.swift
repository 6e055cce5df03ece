import ArgumentParser
import ChainRiskCore
import ChainRiskIngest
import ChainRiskIO
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskStore
import Foundation

extension ScenarioCommand {
    /// Static or dynamic propagation through the table of --mrio.
    func runTable(_ scenario: Scenario) throws -> ScenarioReport {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = try io.load()
        let table = loaded.table
        let read = clock.now
        let reporterIndustries = table.indices(ofRegion: reporter)
        guard !reporterIndustries.isEmpty else {
            throw UsageError(message: "--reporter \(reporter) is not a region of the table; it has \(table.regions.joined(separator: ", "))")
        }
        let (scaling, scalingInputs) = try regionScaling()
        let productMap = try SimulationResources.productSectorMap()
        let plan = ShockPlanner(sectors: table.sectors, scaling: scaling) { productMap.sectors(matching: $0) }.plan(scenario)
        let (inventory, inventorySource) = try inventory(for: table.sectors)
        let hhi = TimeToSurvive.worldHHI(outputByPlace: scaling.countryOutput.isEmpty ? TimeToSurvive.outputByRegion(table) : scaling.countryOutput)
        let survival = TimeToSurvive.assess(table: table, plan: plan, inventory: inventory, worldHHI: hhi, industries: reporterIndustries)
        let tables = ScenarioTables(sectorNames: try SimulationResources.sectorNames())
        var notes = scenario.assumptions + plan.notes
        notes += Self.tableFindingNotes(loaded.findings)
        if plan.isEmpty { notes.append("the shock hits no industry of the table: every result is the baseline") }
        var settings: [String: String] = [
            "model": model, "reporter": reporter, "scenario": scenario.name, "scenario_source": scenario.source,
            "inventory_days": inventorySource, "world_hhi": scaling.countryOutput.isEmpty ? "over table regions" : "over countries of \(scaling.source)",
            "product_sector_map": productMap.source,
        ]
        var sections: [(key: String, table: DataTable)] = [("scenario", tables.shocks(scenario)), ("shock_scaling", tables.scaling(plan))]
        let shown = format == .table || format == .markdown ? top : nil
        let primary: String
        if model == "ario" {
            let parameters = ARIOParameters()
            let simulationStart = clock.now
            let result = ARIOModel(table: table, inventory: inventory, parameters: parameters).run(plan: plan, days: days)
            if timing {
                let seconds = { (duration: Duration) in Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18 }
                FileOutput.standardError.write("chainrisk: read table \(NumberFormat.fixed(seconds(read - started), decimals: 3, grouping: false)) s, ARIO \(days) days on \(table.sectorCount) industries \(NumberFormat.fixed(seconds(clock.now - simulationStart), decimals: 3, grouping: false)) s\n")
            }
            settings["days"] = String(days)
            settings["ario_parameters"] = "alpha_max \(parameters.overproductionMax), alpha_tau \(Int(parameters.overproductionDays)) d, psi \(parameters.psi), inventory restoration tau \(Int(parameters.inventoryRestorationDays)) d, orders alt, rationing proportional"
            let gap = ARIOModel(table: table, inventory: inventory).grossOutputGap
            if gap > 1e-9 { notes.append("ARIO baseline output = row totals of Z and Y (the table's gross output differs by up to \(NumberFormat.fixed(gap * 100, decimals: 3, grouping: false)) %), so the undisturbed economy stays at rest") }
            if series {
                let seriesTable = tables.series(result, industries: reporterIndustries)
                return ScenarioReport(title: "Daily series: \(scenario.name)", tables: [("series", seriesTable)], primary: "series", notes: notes, provenance: provenance(loaded, scalingInputs, settings))
            }
            sections.append(("sectors", tables.dynamicSectors(result, industries: reporterIndustries, survival: survival, unit: "\(table.unit)", top: shown)))
            sections.append(("totals", tables.totals(arioTotals(result, reporterIndustries), unit: table.unit)))
            primary = "sectors"
        } else {
            let chosen = StaticPropagation.Model(rawValue: model) ?? .leontief
            let result = try StaticPropagation.run(chosen, table: table, plan: plan)
            sections.append(("sectors", tables.staticSectors(result, sectors: table.sectors, industries: reporterIndustries, unit: table.unit, top: shown)))
            let reporterLoss = reporterIndustries.reduce(0.0) { $0 + result.outputLoss[$1] }
            let reporterVA = reporterIndustries.reduce(0.0) { $0 + result.valueAddedLoss[$1] }
            sections.append(("totals", tables.totals([
                ("world_output_lost", "Output lost, all regions", result.outputLoss.reduce(0, +)),
                ("world_value_added_lost", "Value added lost, all regions", result.valueAddedLoss.reduce(0, +)),
                ("reporter_output_lost", "Output lost, \(reporter)", reporterLoss),
                ("reporter_value_added_lost", "Value added lost, \(reporter)", reporterVA),
            ], unit: table.unit)))
            primary = "sectors"
        }
        sections.append(("mitigation", tables.mitigation(survival, sectors: table.sectors, top: shown)))
        return ScenarioReport(title: "Scenario \(scenario.name): \(model) model, reporter \(reporter)", tables: sections, primary: primary, notes: notes, provenance: provenance(loaded, scalingInputs, settings))
    }

    private func arioTotals(_ result: ARIOResult, _ industries: [Int]) -> [(key: String, label: String, value: Double)] {
        let world = result.totals
        var output = 0.0, valueAdded = 0.0, shortage = 0, unmet = 0.0
        for i in industries {
            let summary = result.summary(industry: i)
            output += summary.outputLost
            valueAdded += summary.valueAddedLost
            shortage = max(shortage, summary.shortageDays)
            unmet += summary.unmetFinalDemand
        }
        return [
            ("world_output_lost", "Output lost, all regions", world.outputLost),
            ("world_value_added_lost", "Value added lost, all regions", world.valueAddedLost),
            ("reporter_output_lost", "Output lost, \(reporter)", output),
            ("reporter_value_added_lost", "Value added lost, \(reporter)", valueAdded),
            ("reporter_unmet_final_demand", "Final demand not served, \(reporter) sectors", unmet),
            ("reporter_max_shortage_days", "Most shortage days of a \(reporter) sector", Double(shortage)),
        ]
    }

    private func provenance(_ loaded: LoadedInputOutputTable, _ scaling: [Provenance.Input], _ settings: [String: String]) -> Provenance {
        let tableInput = Provenance.Input(
            name: loaded.files.intermediate.displayName, kind: "io-table",
            files: loaded.fileDigests.keys.sorted().map { ($0, loaded.fileDigests[$0] ?? "") })
        return Provenance(inputs: [tableInput] + scaling, settings: settings)
    }

    /// Direct exposure: import value at risk per product from trade flows.
    func runDirect(_ scenario: Scenario) throws -> ScenarioReport {
        let source = try FlowInput(dataset: trade.dataset, inputs: trade.input, reading: trade.reading)
        let opened = OpenedStore(trade.store)
        let query = FlowQuery(years: trade.year.isEmpty ? nil : trade.year, flows: [.imports, .importsForOwnUse])
        var flows: [DirectExposure.Flow] = []
        var units = Set<String>(), reporters = Set<String>()
        try source.forEachFlow(store: opened.get, query: query) { flow in
            guard query.accepts(flow), let value = flow.value, flow.product.classification.family == .hs else { return }
            flows.append(DirectExposure.Flow(partner: flow.partner.rawValue, product: flow.product.code, value: value))
            units.insert("\(flow.unit)")
            reporters.insert(flow.reporter.rawValue)
        }
        let map = try SimulationResources.productSectorMap()
        let rows = DirectExposure.rows(flows: flows, scenario: scenario, map: map)
        let tables = ScenarioTables(sectorNames: try SimulationResources.sectorNames())
        var notes = scenario.assumptions
        if flows.isEmpty { notes.append("no HS import flows in the data: direct exposure needs imports by partner and HS product") }
        if units.count > 1 { notes.append("the flows mix units (\(units.sorted().joined(separator: ", "))); values are summed as they are") }
        let shown = format == .table || format == .markdown ? top : nil
        let total = rows.reduce(0.0) { $0 + $1.valueAtRisk }
        let sections: [(key: String, table: DataTable)] = [
            ("scenario", tables.shocks(scenario)),
            ("products", tables.directProducts(rows, top: shown)),
            ("sectors", tables.directSectors(DirectExposure.bySector(rows))),
            ("totals", tables.totals([("value_at_risk", "Import value at risk", total), ("flows_read", "Import flows read", Double(flows.count))], unit: units.sorted().joined(separator: "+"))),
        ]
        let settings = ["model": "direct", "scenario": scenario.name, "scenario_source": scenario.source,
                        "reporters": reporters.sorted().joined(separator: " "), "product_sector_map": map.source]
        return ScenarioReport(title: "Scenario \(scenario.name): direct import value at risk", tables: sections, primary: "products", notes: notes,
                              provenance: Provenance(inputs: [try source.provenance(store: opened.get)], settings: settings))
    }

    /// The table's findings as a few notes: counts per kind and the first examples, not every imbalanced row.
    static func tableFindingNotes(_ findings: FindingLog, examples: Int = 3) -> [String] {
        guard !findings.isEmpty else { return [] }
        let counts = findings.sortedCounts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
        var notes = ["table findings: \(counts) (`chainrisk io validate` lists them)"]
        notes += findings.examples.prefix(examples).map { "table: \($0.message)" }
        return notes
    }
}
