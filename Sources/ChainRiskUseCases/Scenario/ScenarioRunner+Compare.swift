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
        let sum = { (values: [Double], over: [Int]) in over.reduce(0.0) { $0 + values[$1] } }
        var rows: [ScenarioTables.ModelRow] = []
        for model in StaticPropagation.Model.allCases where kind == .supply || model.takesDemandShock {
            let result = try StaticPropagation.run(model, table: table, plan: plan, kind: kind)
            let all = Array(result.outputLoss.indices)
            rows.append(
                ScenarioTables.ModelRow(
                    model: model.rawValue, kind: kind.rawValue, direct: sum(result.directLoss, all),
                    upstream: sum(result.upstreamLoss, all), downstream: sum(result.downstreamLoss, all),
                    world: sum(result.outputLoss, all), reporter: sum(result.outputLoss, industries)))
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
