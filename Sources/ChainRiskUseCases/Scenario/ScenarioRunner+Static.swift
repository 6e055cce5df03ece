import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation

extension ScenarioRunner {
    /// The totals of a static run: the direct loss, what each direction adds to it, the world and the reporter.
    func staticTotals(_ result: StaticPropagation.Result, _ industries: [Int]) -> [(
        key: String, label: String, value: Double
    )] {
        let all = Array(result.outputLoss.indices)
        let sum = { (values: [Double], over: [Int]) in over.reduce(0.0) { $0 + values[$1] } }
        let direct = sum(result.directLoss, all)
        let world = sum(result.outputLoss, all)
        let took =
            result.kind == .supply
            ? "Output the shock itself took (capacity lost x baseline)"
            : "Final demand the shock took (loss x final demand)"
        return [
            ("direct_output_lost", took, direct),
            (
                "upstream_output_lost", "Lost by suppliers: fewer orders, every tier (Leontief)",
                sum(result.upstreamLoss, all)
            ),
            (
                "downstream_output_lost", "Lost by buyers: fewer inputs, every tier (Ghosh)",
                sum(result.downstreamLoss, all)
            ),
            ("world_output_lost", "Output lost, all regions (direct + upstream + downstream)", world),
            ("world_loss_multiple", "Output lost, all regions / direct loss", direct > 0 ? world / direct : 0),
            ("world_value_added_lost", "Value added lost, all regions", sum(result.valueAddedLoss, all)),
            ("reporter_output_lost", "Output lost, \(reporter)", sum(result.outputLoss, industries)),
            ("reporter_direct_output_lost", "Direct loss, \(reporter)", sum(result.directLoss, industries)),
            ("reporter_upstream_output_lost", "Upstream loss, \(reporter)", sum(result.upstreamLoss, industries)),
            ("reporter_downstream_output_lost", "Downstream loss, \(reporter)", sum(result.downstreamLoss, industries)),
            ("reporter_value_added_lost", "Value added lost, \(reporter)", sum(result.valueAddedLoss, industries)),
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
    /// How to read `--compare`: what each row counts.
    static func comparisonNote(kind: StaticPropagation.ShockKind, language: Language) -> String {
        guard kind == .supply else {
            return language.pick(
                en:
                    "models compared on a demand shock: leontief and iim count the lost final demand (direct) and the suppliers' lost orders (upstream); ghosh and ario take supply shocks only",
                nl:
                    "modellen vergeleken op een vraagschok: leontief en iim tellen de verloren finale vraag (direct) en de verloren orders van toeleveranciers; ghosh en ario nemen alleen aanbodschokken"
            )
        }
        return language.pick(
            en:
                "models compared on one supply shock: each static model removes the lost capacity as output (direct) and adds one direction, leontief and iim the suppliers' lost orders (upstream), ghosh the buyers' lost inputs (downstream); ario simulates both day by day with stocks, rationing and switching suppliers, over the days given, and counts output below baseline",
            nl:
                "modellen vergeleken op één aanbodschok: elk statisch model neemt de verloren capaciteit als productie weg (direct) en voegt één richting toe, leontief en iim de verloren orders van toeleveranciers, ghosh de gemiste inputs van afnemers; ario simuleert beide dag voor dag met voorraden, rantsoenering en wisselende leveranciers, over de opgegeven dagen, en telt productie onder het basisniveau"
        )
    }
}

extension ScenarioRunner {
    /// Days after a shock's capacity starts to return within which a low point counts as the switch-back's.
    static let switchBackWindowDays = 14

    /// A finding when reporter sectors reach their low point just after a shock's capacity starts to return, naming the
    /// mechanism: buyers' orders follow suppliers' current capacity (BoARIO's "alt" orders), so they move back to the
    /// recovered suppliers at once, while the recovered region's own purchases return only as its order book refills.
    static func switchBackFinding(
        _ result: ARIOResult, scenario: Scenario, industries: [Int], reporter: String, language: Language
    ) -> [String] {
        let windows = scenario.shocks.map { shock in
            (shock.startDay + shock.fullLossDays)...(shock.recoveredDay + switchBackWindowDays)
        }
        let late = industries.map { result.summary(industry: $0) }.filter { summary in
            summary.troughLevel < 1 && windows.contains { $0.contains(summary.troughDay) }
        }
        guard let deepest = late.min(by: { ($0.troughLevel, $0.industry) < ($1.troughLevel, $1.industry) }) else {
            return []
        }
        let decimal: Character = language == .nl ? "," : "."
        let level = NumberFormat.fixed(
            deepest.troughLevel * 100, decimals: 1, grouping: false, decimalSeparator: decimal)
        let sector = result.sectors[deepest.industry].sector
        return [
            language.pick(
                en:
                    "finding: \(late.count) of \(industries.count) \(reporter) sectors reach their low point after a shock's capacity starts to return (deepest: \(sector), \(level) % on day \(deepest.troughDay)). This is the switch-back: buyers' orders follow their suppliers' current capacity (as in BoARIO), so when the hit suppliers recover the orders that had moved to others return to them at once, while the recovered region's own purchases come back only as its order book refills, tier by tier; restocking then lifts output back to baseline",
                nl:
                    "bevinding: \(late.count) van de \(industries.count) sectoren van \(reporter) bereiken hun dieptepunt nadat de capaciteit van een schok terugkeert (diepste: \(sector), \(level) % op dag \(deepest.troughDay)). Dat is het terugschakelen: orders volgen de actuele capaciteit van leveranciers (zoals in BoARIO), dus als de getroffen leveranciers herstellen gaan de verschoven orders in één keer terug, terwijl de inkopen van de herstelde regio pas terugkomen naarmate haar orderboek zich vult, schakel voor schakel; het aanvullen van voorraden brengt de productie daarna terug op het basisniveau"
            )
        ]
    }
}

extension ScenarioRunner {
    /// A static run's band over how far the loss propagates: the direct loss alone (low), the model's own direction
    /// (central), both directions, upstream and downstream added (high; a supply shock only).
    func staticBand(_ result: StaticPropagation.Result, table: InputOutputTable, plan: ShockPlan, industries: [Int])
        throws -> AssumptionBand
    {
        let all = Array(result.outputLoss.indices)
        let run = { (setting: String, parameter: String?, values: [Double]) in
            AssumptionBand.Run(
                parameter: parameter, setting: setting,
                losses: [
                    "world_output_lost": all.reduce(0.0) { $0 + values[$1] },
                    "reporter_output_lost": industries.reduce(0.0) { $0 + values[$1] },
                ])
        }
        var variants = [run("none (direct loss only)", "propagation", result.directLoss)]
        if result.kind == .supply {
            let other = try StaticPropagation.run(
                result.model == .ghosh ? .leontief : .ghosh, table: table, plan: plan, kind: .supply)
            let both = all.map {
                result.directLoss[$0] + max(result.upstreamLoss[$0], other.upstreamLoss[$0])
                    + max(result.downstreamLoss[$0], other.downstreamLoss[$0])
            }
            variants.append(run("upstream and downstream", "propagation", both))
        }
        return AssumptionBand(central: run("central", nil, result.outputLoss), variants: variants)
    }
}
