public import ChainRiskCore
import ChainRiskIO
public import ChainRiskIngest
public import ChainRiskReport
public import ChainRiskSimulation
import Foundation

/// Runs a scenario through an input-output table with one of the static models or ARIO and tabulates the result.
///
/// Shared by `chainrisk scenario` and the server's `/api/v1/scenarios`, so both give the same numbers and fields.
public struct ScenarioRunner: Sendable {
    /// The run's settings, whole, as the request carries them (a table model: leontief, ghosh, iim or ario).
    public var settings: ScenarioSettings

    public init(settings: ScenarioSettings) {
        self.settings = settings
    }

    var model: ScenarioModel { settings.model }
    /// The reporter; `Workspace.scenario` resolves it before the runner is made (`resolvedSettings`).
    var reporter: String { settings.reporter ?? "NLD" }
    var days: Int { settings.days }
    var top: Int? { settings.top }
    var series: Bool { settings.series }
    var production: ProductionFunction { settings.production }
    var substitution: Double { settings.substitution }

    /// What the run needs besides the scenario: the table and the resources placed around it.
    public struct Context: Sendable {
        public var loaded: LoadedInputOutputTable
        public var scaling: RegionScaling
        public var scalingInputs: [Provenance.Input]
        public var inventory: InventoryDays
        public var inventorySource: String

        public init(
            loaded: LoadedInputOutputTable, scaling: RegionScaling, scalingInputs: [Provenance.Input],
            inventory: InventoryDays, inventorySource: String
        ) {
            self.loaded = loaded
            self.scaling = scaling
            self.scalingInputs = scalingInputs
            self.inventory = inventory
            self.inventorySource = inventorySource
        }

        /// The context with the defaults: region scaling from the files beside the table (when there are any) and
        /// Pichler et al.'s inventory days.
        public static func defaults(for loaded: LoadedInputOutputTable) throws -> Context {
            try prepared(for: loaded)
        }

        /// The context with region scaling from `regionMap` and `countryOutput` (together; else the files beside the
        /// table, when there are any) and inventory days from `inventoryDays` (one number, or `c14=30,…` per sector,
        /// others keeping Pichler et al.'s).
        public static func prepared(
            for loaded: LoadedInputOutputTable, inventoryDays: String? = nil, regionMap: String? = nil,
            countryOutput: String? = nil
        ) throws -> Context {
            let (scaling, inputs): (RegionScaling, [Provenance.Input])
            switch (regionMap, countryOutput) {
            case (let map?, let output?):
                (scaling, inputs) = try regionScaling(map: try existing(map), countryOutput: try existing(output))
            case (nil, nil): (scaling, inputs) = try regionScaling(besideTable: loaded.files.intermediate.path)
            default: throw RequestError("region-map", "--region-map and --country-output go together")
            }
            let inventory: (InventoryDays, String)
            do {
                inventory = try SimulationResources.inventory(for: loaded.table.sectors, override: inventoryDays)
            } catch let error as SimulationResources.InventoryOverrideError {
                throw RequestError("inventory-days", error.description)
            }
            return Context(
                loaded: loaded, scaling: scaling, scalingInputs: inputs, inventory: inventory.0,
                inventorySource: inventory.1)
        }

        private static func existing(_ path: String) throws -> String {
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(.missingFile, "no such file: \(path)", at: nil)
            }
            return path
        }

        /// Region scaling from a region map and country outputs, with both files in the provenance.
        public static func regionScaling(map: String, countryOutput: String) throws -> (
            RegionScaling, [Provenance.Input]
        ) {
            let scaling = try RegionScalingReader.read(
                regionMap: InputFile(path: map), countryOutput: InputFile(path: countryOutput))
            let input = Provenance.Input(
                name: "region scaling", kind: "file",
                files: try [map, countryOutput].map {
                    (InputFile(path: $0).displayName, try FileDigest.sha256(path: $0).hex)
                })
            return (scaling, [input])
        }

        /// Region scaling from the files beside the table's intermediate flows, `.none` when there are none.
        public static func regionScaling(besideTable intermediatePath: String) throws -> (
            RegionScaling, [Provenance.Input]
        ) {
            guard let (map, output) = RegionScalingReader.siblings(of: intermediatePath) else { return (.none, []) }
            return try regionScaling(map: map, countryOutput: output)
        }
    }

    /// What a run produced: the report, and for ARIO the simulation itself (for charts) and the seconds it took.
    public struct Run: Sendable {
        public var report: ScenarioReport
        /// The daily simulation; nil for the static models.
        public var simulation: ARIOResult?
        public var simulationSeconds: Double?
    }

    /// The report of `scenario` on the context's table, with the ARIO simulation behind it when the model is `ario`;
    /// the bundled resources come from the workspace, read once.
    func run(_ scenario: Scenario, context: Context, resources: SimulationBundle) throws -> Run {
        let loaded = context.loaded
        let table = loaded.table
        let reporterIndustries = table.indices(ofRegion: reporter)
        guard !reporterIndustries.isEmpty else { throw IOError.unknownRegion(reporter, known: table.regions) }
        let scaling = context.scaling
        let productMap = resources.productSectorMap
        let plan = ShockPlanner(sectors: table.sectors, scaling: scaling) { productMap.sectors(matching: $0) }.plan(
            scenario)
        let hhi = TimeToSurvive.worldHHI(
            outputByPlace: scaling.countryOutput.isEmpty ? TimeToSurvive.outputByRegion(table) : scaling.countryOutput)
        let substitution = SupplierSubstitution(share: self.substitution, worldHHI: hhi)
        let criticality = Self.criticality(production, sectors: table.sectors, ratings: resources.criticality)
        let effectiveProduction =
            production == .partial && criticality == nil ? ProductionFunction.leontief : production
        let rule = TimeToSurvive.Rule(
            production: model == .ario ? effectiveProduction : .leontief, criticality: criticality,
            substitution: substitution)
        let survival = TimeToSurvive.assess(
            table: table, plan: plan, inventory: context.inventory, rule: rule, industries: reporterIndustries)
        let language = settings.language
        let names = language == .nl ? resources.sectorNamesNL : resources.sectorNames
        let tables = ScenarioTables(sectorNames: names, language: language)
        var notes = scenario.assumptions + plan.notes
        notes += Self.tableFindingNotes(loaded.findings, language: language)
        if plan.isEmpty {
            notes.append(
                language.pick(
                    en: "the shock hits no industry of the table: every result is the baseline",
                    nl: "de schok treft geen bedrijfstak van de tabel: elke uitkomst is het basisniveau"))
        }
        var settings: [String: String] = [
            "model": model.rawValue, "reporter": reporter, "scenario": scenario.name,
            "scenario_source": scenario.source,
            "inventory_days": context.inventorySource,
            "world_hhi": scaling.countryOutput.isEmpty ? "over table regions" : "over countries of \(scaling.source)",
            "product_sector_map": productMap.source,
            "substitution": Self.describe(substitution),
        ]
        let provenance = { (settings: [String: String]) in
            Provenance(inputs: [Provenance.Input.inputOutputTable(loaded)] + context.scalingInputs, settings: settings)
        }
        var sections: [(key: String, table: DataTable)] = [
            ("scenario", tables.shocks(scenario)), ("shock_scaling", tables.scaling(plan)),
        ]
        var simulationSeconds: Double?
        var simulation: ARIOResult?
        let parameters = ARIOParameters(switchingDays: self.settings.switchingDays)
        let arioModel = {
            ARIOModel(
                table: table, inventory: context.inventory, parameters: parameters, production: effectiveProduction,
                criticality: criticality, substitution: substitution)
        }
        let simulate = { (arioModel: ARIOModel) in
            let clock = ContinuousClock()
            let started = clock.now
            let result = arioModel.run(plan: plan, days: days)
            simulationSeconds = (clock.now - started).seconds
            return result
        }
        if self.settings.compare {
            let rows = try comparison(
                table: table, plan: plan, industries: reporterIndustries, simulate: { simulate(arioModel()) })
            sections.append(("models", tables.models(rows, reporter: reporter, unit: table.unit)))
            settings["model"] = "compare: " + rows.map(\.model).joined(separator: ", ")
            settings["shock_kind"] = self.settings.shockKind.rawValue
            settings["days"] = String(days)
            settings["production_function"] = Self.describe(production, criticality: criticality)
            notes.insert(Self.comparisonNote(kind: self.settings.shockKind, language: language), at: 0)
            let report = ScenarioReport(
                title: "Scenario \(scenario.name): models compared, reporter \(reporter)", tables: sections,
                primary: "models", notes: notes, provenance: provenance(settings))
            return Run(report: report, simulation: nil, simulationSeconds: simulationSeconds)
        }
        if model == .ario {
            let arioModel = arioModel()
            let result = simulate(arioModel)
            simulation = result
            settings["days"] = String(days)
            settings["production_function"] = Self.describe(production, criticality: criticality)
            let share = NumberFormat.fixed(substitution.share * 100, decimals: 0, grouping: false)
            notes.insert(
                language.pick(
                    en:
                        "model: \(effectiveProduction.rawValue) production function, substitution share \(share) %, inventory days as listed under Provenance (production_function, substitution, inventory_days)",
                    nl:
                        "model: productiefunctie \(effectiveProduction == .partial ? "deels bindend" : "Leontief"), vervangingsaandeel \(share) %, voorraaddagen zoals vermeld onder Herkomst (production_function, substitution, inventory_days)"
                ), at: 0)
            settings["ario_parameters"] =
                "alpha_max \(parameters.overproductionMax), alpha_tau \(Int(parameters.overproductionDays)) d, psi \(parameters.psi), inventory restoration tau \(Int(parameters.inventoryRestorationDays)) d, switching tau \(NumberFormat.fixed(parameters.switchingDays, decimals: 0, grouping: false)) d, orders alt, rationing proportional"
            if arioModel.grossOutputGap > 1e-9 {
                let gap = NumberFormat.fixed(
                    arioModel.grossOutputGap * 100, decimals: 3, grouping: false,
                    decimalSeparator: language == .nl ? "," : ".")
                notes.append(
                    language.pick(
                        en:
                            "ARIO baseline output = row totals of Z and Y (the table's gross output differs by up to \(gap) %), so the undisturbed economy stays at rest",
                        nl:
                            "basisproductie van ARIO = rijtotalen van Z en Y (de productie in de tabel wijkt tot \(gap) % af), zodat de ongestoorde economie in rust blijft"
                    ))
            }
            if series {
                let seriesTable = tables.series(result, industries: reporterIndustries)
                let report = ScenarioReport(
                    title: "Daily series: \(scenario.name)", tables: [("series", seriesTable)], primary: "series",
                    notes: notes, provenance: provenance(settings))
                return Run(report: report, simulation: result, simulationSeconds: simulationSeconds)
            }
            let verdicts = Dictionary(
                uniqueKeysWithValues: survival.map {
                    (
                        $0.industry,
                        StocksVerdict(survival: $0, shortageDays: result.summary(industry: $0.industry).shortageDays)
                    )
                })
            let totals = arioTotals(result, reporterIndustries)
            notes += Self.regimeFindings(result, world: result.totals(), sectorNames: names, language: language)
            notes += Self.switchBackFinding(
                result, scenario: scenario, industries: reporterIndustries, reporter: reporter, language: language)
            sections.append(
                (
                    "sectors",
                    tables.dynamicSectors(
                        result, industries: reporterIndustries, survival: survival, verdicts: verdicts,
                        unit: table.unit, top: top)
                ))
            sections.append(("totals", tables.totals(totals, unit: table.unit)))
            if self.settings.band {
                let band = band(
                    central: result,
                    assumptions: Assumptions(
                        inventory: context.inventory, production: effectiveProduction, substitution: substitution),
                    parameters: parameters, plan: plan, industries: reporterIndustries, table: table,
                    resources: resources)
                present(band, dynamic: true, unit: table.unit, tables: tables, sections: &sections, notes: &notes)
            }
            sections.append(
                (
                    "mitigation",
                    tables.mitigation(survival, verdicts: verdicts, sectors: table.sectors, horizon: days, top: top)
                ))
        } else {
            guard let chosen = model.staticModel else {
                throw RequestError(
                    "model",
                    "--model \(model.rawValue) needs trade data, not an input-output table; table models: \(ScenarioModel.tableModels.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let result = try StaticPropagation.run(chosen, table: table, plan: plan, kind: self.settings.shockKind)
            sections.append(
                (
                    "sectors",
                    tables.staticSectors(
                        result, sectors: table.sectors, industries: reporterIndustries, unit: table.unit, top: top)
                ))
            sections.append(("totals", tables.totals(staticTotals(result, reporterIndustries), unit: table.unit)))
            notes.insert(Self.staticAccounting(result, language: language), at: 0)
            if self.settings.band {
                let band = try staticBand(result, table: table, plan: plan, industries: reporterIndustries)
                present(band, dynamic: false, unit: table.unit, tables: tables, sections: &sections, notes: &notes)
            }
            settings["shock_kind"] = result.kind.rawValue
            let verdicts = Dictionary(
                uniqueKeysWithValues: survival.map { ($0.industry, StocksVerdict(survival: $0, shortageDays: nil)) })
            sections.append(
                (
                    "mitigation",
                    tables.mitigation(survival, verdicts: verdicts, sectors: table.sectors, horizon: 365, top: top)
                ))
        }
        let report = ScenarioReport(
            title: "Scenario \(scenario.name): \(model.rawValue) model, reporter \(reporter)", tables: sections,
            primary: "sectors", notes: notes, provenance: provenance(settings))
        return Run(report: report, simulation: simulation, simulationSeconds: simulationSeconds)
    }

    /// IHS Markit's ratings for the table's sectors under `.partial`; nil (every input critical) for the other
    /// functions and for tables whose sector codes are not WIOD's.
    static func criticality(
        _ production: ProductionFunction, sectors: [IOSectorLabel],
        ratings: (weights: [String: [String: Double]], source: String)
    ) -> InputCriticality? {
        guard production == .partial else { return nil }
        if Set(sectors.map(\.sector)).isSubset(of: Set(ratings.weights.keys)) {
            return InputCriticality(sectors: sectors, source: ratings.source) { input, user in
                ratings.weights[input]?[user] ?? 1
            }
        }
        // A table in NACE/ISIC Rev. 4 divisions (FIGARO, ICIO 2018–2023): the NACE 64 ratings carried by division.
        guard let spine = try? SimulationResources.industrySpine(),
            let members = spine.members(of: sectors.sectorCodes)
        else { return nil }
        return InputCriticality(sectors: sectors, source: spine.source) { input, user in
            guard let inputs = members[input], let users = members[user] else { return 1 }
            return spine.criticality(input: inputs, user: users)
        }
    }

    /// The production function as run, in words.
    static func describe(_ production: ProductionFunction, criticality: InputCriticality?) -> String {
        switch production {
        case .leontief: "leontief: every stocked input binds once its stock falls below psi x its target (BoARIO)"
        case .linear:
            "linear: stocked inputs replace each other; output falls when all stocks together cannot cover a day's use"
        case .partial:
            if let criticality {
                "partial: inputs rated critical bind when their stock cannot cover a day's use, important ones at half weight, others not (\(criticality.source))"
            } else {
                "partial requested, but the table's sector codes are none the IHS Markit ratings are mapped to (WIOD 2013's, NACE/ISIC Rev. 4 divisions, ICIO 2016's ISIC Rev. 3, EXIOBASE 3's and Eora26's industry names): run as leontief (every stocked input binds)"
            }
        }
    }

    /// The substitution rule in words.
    static func describe(_ substitution: SupplierSubstitution) -> String {
        substitution.share == 0
            ? "none (buyers keep their suppliers)"
            : "buyers switch \(NumberFormat.fixed(substitution.share * 100, decimals: 0, grouping: false)) % of the part of unmet orders other regions could supply (1 - world HHI of the sector), up to the other regions' spare capacity (alpha_max headroom)"
    }

    private func arioTotals(_ result: ARIOResult, _ industries: [Int]) -> [(key: String, label: String, value: Double)]
    {
        let world = result.totals()
        let own = result.totals(industries: industries)
        var shortage = 0
        var unmet = 0.0
        for i in industries {
            let summary = result.summary(industry: i)
            shortage = max(shortage, summary.shortageDays)
            unmet += summary.unmetFinalDemand
        }
        return [
            ("direct_output_lost", "Output the shock itself took (capacity lost x baseline)", world.directLoss),
            ("world_output_lost", "Output lost, all regions (days below baseline)", world.outputLost),
            ("world_output_gained", "Output gained, all regions (days above baseline)", world.outputGained),
            (
                "world_loss_multiple", "Output lost, all regions / output the shock took",
                world.directLoss > 0 ? world.outputLost / world.directLoss : 0
            ),
            ("world_value_added_lost", "Value added lost, all regions", world.valueAddedLost),
            ("reporter_output_lost", "Output lost, \(reporter)", own.outputLost),
            ("reporter_output_gained", "Output gained, \(reporter)", own.outputGained),
            ("reporter_value_added_lost", "Value added lost, \(reporter)", own.valueAddedLost),
            ("reporter_unmet_final_demand", "Final demand not served, \(reporter) sectors", unmet),
            ("reporter_max_shortage_days", "Most shortage days of a \(reporter) sector", Double(shortage)),
        ]
    }
}
