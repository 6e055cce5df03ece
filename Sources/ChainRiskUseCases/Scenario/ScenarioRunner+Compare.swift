import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation

extension ScenarioRunner {
    /// Every table model on one plan, as rows against the direct loss: the static models for the request's shock kind
    /// (Ghosh only for a supply shock) and, for a supply shock, the dynamic model's run (`simulate`).
    func comparison(
        table: InputOutputTable, plan: ShockPlan, industries: [Int], simulate: () -> ARIOResult
    ) throws -> [ScenarioTables.ModelRow] {
        let kind = settings.shockKind
        var rows: [ScenarioTables.ModelRow] = []
        for model in StaticPropagation.Model.allCases where kind == .supply || model.takesDemandShock {
            let result = try StaticPropagation.run(model, table: table, plan: plan, kind: kind)
            rows.append(
                ScenarioTables.ModelRow(
                    model: model.rawValue, kind: kind.rawValue, direct: result.total(\.directLoss),
                    upstream: result.total(\.upstreamLoss), downstream: result.total(\.downstreamLoss),
                    world: result.total(\.outputLoss), reporter: result.total(\.outputLoss, over: industries)))
        }
        if kind == .supply {
            let result = simulate()
            let world = result.totals()
            rows.append(
                ScenarioTables.ModelRow(
                    model: ScenarioModel.ario.rawValue, kind: kind.rawValue, direct: world.directLoss, upstream: nil,
                    downstream: nil, world: world.outputLost,
                    reporter: result.totals(industries: industries).outputLost))
        }
        return rows
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
