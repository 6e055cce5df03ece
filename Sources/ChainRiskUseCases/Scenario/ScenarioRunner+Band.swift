import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import Foundation

extension ScenarioRunner {
    /// The assumptions of one ARIO run that the band varies.
    struct Assumptions: Sendable {
        var inventory: InventoryDays
        var production: ProductionFunction
        var substitution: SupplierSubstitution
    }

    /// The central ARIO run's band: the same plan rerun with one assumption changed at a time (stock days × 0.5 and
    /// × 2; the switching shares 0, the default and 1 other than the central one; the other of the partial and
    /// Leontief production functions), two runs at a time.
    func band(
        central result: ARIOResult, assumptions central: Assumptions, parameters: ARIOParameters, plan: ShockPlan,
        industries: [Int], table: InputOutputTable, resources: SimulationBundle
    ) -> AssumptionBand {
        var variants: [(parameter: String, setting: String, assumptions: Assumptions)] = []
        for factor in [0.5, 2] {
            var changed = central
            changed.inventory = central.inventory.scaled(by: factor)
            variants.append(("stock days", "x " + NumberFormat.fixed(factor, decimals: 1, grouping: false), changed))
        }
        for share in [0, SupplierSubstitution.defaultShare, 1] where share != central.substitution.share {
            var changed = central
            changed.substitution = SupplierSubstitution(share: share, worldHHI: central.substitution.worldHHI)
            variants.append(("switching share", NumberFormat.fixed(share, decimals: 1, grouping: false), changed))
        }
        let criticality = Self.criticality(.partial, sectors: table.sectors, ratings: resources.criticality)
        if central.production != .leontief || criticality != nil {
            var changed = central
            changed.production = central.production == .leontief ? .partial : .leontief
            variants.append(("production function", changed.production.rawValue, changed))
        }
        let days = self.days
        let chosen = variants
        let losses: @Sendable (ARIOResult) -> [String: Double] = { run in
            [
                "world_output_lost": run.totals().outputLost,
                "reporter_output_lost": run.totals(industries: industries).outputLost,
            ]
        }
        let runs = ParallelMap.map(variants.count, workers: min(2, ParallelMap.processorCount), state: ()) {
            _, index in
            let variant = chosen[index]
            let model = ARIOModel(
                table: table, inventory: variant.assumptions.inventory, parameters: parameters,
                production: variant.assumptions.production,
                criticality: variant.assumptions.production == .partial ? criticality : nil,
                substitution: variant.assumptions.substitution)
            return AssumptionBand.Run(
                parameter: variant.parameter, setting: variant.setting,
                losses: losses(model.run(plan: plan, days: days)))
        }
        return AssumptionBand(
            central: AssumptionBand.Run(parameter: nil, setting: "central", losses: losses(result)), variants: runs)
    }
}

extension ScenarioRunner {
    /// Adds the band to a run's output, the same for every model: its table, its runs, and its sentence right after
    /// the note on the model.
    func present(
        _ band: AssumptionBand, dynamic: Bool, unit: String, tables: ScenarioTables,
        sections: inout [(key: String, table: DataTable)], notes: inout [String]
    ) {
        sections.append(("band", tables.band(band, reporter: reporter, unit: unit)))
        sections.append(("band_runs", tables.bandRuns(band, reporter: reporter, unit: unit)))
        if let sentence = Self.bandSentence(
            band, reporter: reporter, unit: unit, language: settings.language, dynamic: dynamic)
        {
            notes.insert(sentence, at: min(1, notes.count))
        }
    }

    /// The band in one sentence for the notes: the reporter's and the world's range, the runs at its ends and the
    /// assumption that moves it most.
    static func bandSentence(
        _ band: AssumptionBand, reporter: String, unit: String, language: Language, dynamic: Bool = true
    ) -> String? {
        guard let own = band.range("reporter_output_lost"), let world = band.range("world_output_lost") else {
            return nil
        }
        let format = { (value: Double) in
            NumberFormat.fixed(
                value, decimals: 0, grouping: true, groupSeparator: language == .nl ? "." : ",",
                decimalSeparator: language == .nl ? "," : ".")
        }
        let name = { (text: String) in ScenarioTables.assumptionName(text, language: language) }
        let unitText = language == .nl ? unit.replacingOccurrences(of: "million ", with: "mln ") : unit
        return language.pick(
            en:
                "range: \(reporter) loses \(format(own.low))–\(format(own.high)) \(unitText) of output (central \(format(own.central)), width \(format(own.width))), the world \(format(world.low))–\(format(world.high)) (central \(format(world.central))). \(reporter)'s low end comes from \(own.lowRun), its high end from \(own.highRun); \(own.movedMostBy) moves it most. \(dynamic ? "One assumption changed at a time: stock days x 0.5 / x 2, switching share 0 / 0.5 / 1, production function partial / leontief" : "Propagation: none (the direct loss alone), this model's direction, or both directions (upstream and downstream added)") (table band_runs)",
            nl:
                "bandbreedte: \(reporter) verliest \(format(own.low))–\(format(own.high)) \(unitText) aan productie (centraal \(format(own.central)), breedte \(format(own.width))), de wereld \(format(world.low))–\(format(world.high)) (centraal \(format(world.central))). De onderkant voor \(reporter) komt van \(name(own.lowRun)), de bovenkant van \(name(own.highRun)); \(name(own.movedMostBy)) bepaalt het meest. \(dynamic ? "Eén aanname tegelijk gewijzigd: voorraaddagen x 0,5 / x 2, vervangingsaandeel 0 / 0,5 / 1, productiefunctie deels bindend / Leontief" : "Doorwerking: geen (alleen het directe verlies), de richting van dit model, of beide richtingen (toeleveranciers en afnemers opgeteld)") (tabel band_runs)"
        )
    }
}
