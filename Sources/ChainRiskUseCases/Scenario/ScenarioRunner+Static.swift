import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation

extension ScenarioRunner {
    /// The totals of a static run: the direct loss, what each direction adds to it, the world and the reporter.
    func staticTotals(_ result: StaticPropagation.Result, _ industries: [Int]) -> [(
        key: String, label: String, value: Double
    )] {
        let direct = result.total(\.directLoss)
        let world = result.total(\.outputLoss)
        let took =
            result.kind == .supply
            ? "Output the shock itself took (capacity lost x baseline)"
            : "Final demand the shock took (loss x final demand)"
        return [
            ("direct_output_lost", took, direct),
            (
                "upstream_output_lost", "Lost by suppliers: fewer orders, every tier (Leontief)",
                result.total(\.upstreamLoss)
            ),
            (
                "downstream_output_lost", "Lost by buyers: fewer inputs, every tier (Ghosh)",
                result.total(\.downstreamLoss)
            ),
            ("world_output_lost", "Output lost, all regions (direct + upstream + downstream)", world),
            ("world_loss_multiple", "Output lost, all regions / direct loss", direct > 0 ? world / direct : 0),
            ("world_value_added_lost", "Value added lost, all regions", result.total(\.valueAddedLoss)),
            ("reporter_output_lost", "Output lost, \(reporter)", result.total(\.outputLoss, over: industries)),
            ("reporter_direct_output_lost", "Direct loss, \(reporter)", result.total(\.directLoss, over: industries)),
            (
                "reporter_upstream_output_lost", "Upstream loss, \(reporter)",
                result.total(\.upstreamLoss, over: industries)
            ),
            (
                "reporter_downstream_output_lost", "Downstream loss, \(reporter)",
                result.total(\.downstreamLoss, over: industries)
            ),
            (
                "reporter_value_added_lost", "Value added lost, \(reporter)",
                result.total(\.valueAddedLoss, over: industries)
            ),
        ]
    }

    /// What a static model counts, in words: the direct loss and the direction it propagates, and the one it leaves out.
    static func staticAccounting(_ result: StaticPropagation.Result, language: Language) -> String {
        if result.kind == .demand {
            return language.pick(
                en:
                    "demand shock: final buyers forgo the lost share of the hit industries' sales (direct), and their suppliers lose the orders through every tier (upstream, Leontief). World loss = direct + upstream",
                nl:
                    "vraagschok: eindafnemers zien af van het verloren deel van de verkopen van de getroffen bedrijfstakken (direct), en hun toeleveranciers verliezen de orders via alle schakels (toeleveranciers, Leontief). Verlies wereldwijd = direct + toeleveranciers"
            )
        }
        let removed = language.pick(
            en: "supply shock, hypothetical extraction: the capacity lost is removed as output (direct)",
            nl: "aanbodschok, hypothetische extractie: de verloren capaciteit gaat als productie verloren (direct)")
        switch result.model {
        case .leontief, .iim:
            let model =
                result.model == .iim
                ? language.pick(
                    en:
                        " The inoperability model solves q = (I - A*)^-1 c* on its own and gives the Leontief accounting in shares of output.",
                    nl:
                        " Het inoperabiliteitsmodel lost q = (I - A*)^-1 c* zelf op en geeft de Leontief-boekhouding in aandelen van de productie."
                )
                : ""
            return removed
                + language.pick(
                    en:
                        ", and the hit industries' suppliers lose the orders for it through every tier (upstream, Leontief). World loss = direct + upstream; buyers short of inputs (downstream) are the Ghosh model's part, and `--compare` shows both.",
                    nl:
                        ", en de toeleveranciers van de getroffen bedrijfstakken verliezen de orders daarvoor via alle schakels (toeleveranciers, Leontief). Verlies wereldwijd = direct + toeleveranciers; afnemers die inputs missen (afnemers) zijn het deel van het Ghosh-model, en `--compare` toont beide."
                ) + model
        case .ghosh:
            return removed
                + language.pick(
                    en:
                        ", and the hit industries' buyers lose the inputs it would have supplied, through every tier (downstream, Ghosh). World loss = direct + downstream; suppliers' lost orders (upstream) are the Leontief model's part, and `--compare` shows both.",
                    nl:
                        ", en de afnemers van de getroffen bedrijfstakken missen de inputs die zij zouden leveren, via alle schakels (afnemers, Ghosh). Verlies wereldwijd = direct + afnemers; de verloren orders van toeleveranciers zijn het deel van het Leontief-model, en `--compare` toont beide."
                )
        }
    }
}

extension ScenarioRunner {
    /// A static run's band over how far the loss propagates: the direct loss alone (low), the model's own direction
    /// (central), both directions, upstream and downstream added (high; a supply shock only).
    func staticBand(_ result: StaticPropagation.Result, table: InputOutputTable, plan: ShockPlan, industries: [Int])
        throws -> AssumptionBand
    {
        let run = { (setting: String, parameter: String?, values: [Double]) in
            AssumptionBand.Run(
                parameter: parameter, setting: setting,
                losses: [
                    "world_output_lost": values.reduce(0, +),
                    "reporter_output_lost": industries.reduce(0.0) { $0 + values[$1] },
                ])
        }
        var variants = [run("none (direct loss only)", "propagation", result.directLoss)]
        if result.kind == .supply {
            // The direction the model leaves out comes from its counterpart: Ghosh's downstream beside Leontief's (or
            // the inoperability model's) upstream, Leontief's upstream beside Ghosh's downstream.
            let other = try StaticPropagation.run(
                result.model == .ghosh ? .leontief : .ghosh, table: table, plan: plan, kind: .supply)
            let (upstream, downstream) =
                result.model == .ghosh
                ? (other.upstreamLoss, result.downstreamLoss) : (result.upstreamLoss, other.downstreamLoss)
            let both = result.directLoss.indices.map { result.directLoss[$0] + upstream[$0] + downstream[$0] }
            variants.append(run("upstream and downstream", "propagation", both))
        }
        return AssumptionBand(central: run("central", nil, result.outputLoss), variants: variants)
    }
}
