import ChainRiskSimulation

/// How a scenario is computed: direct import value at risk from trade data, or propagation through an
/// input-output table (static Leontief, Ghosh, inoperability, or the dynamic ARIO model).
public enum ScenarioModel: String, CaseIterable, Sendable, Hashable {
    case direct, leontief, ghosh, iim, ario

    /// The models that need an input-output table.
    public static let tableModels: [ScenarioModel] = [.leontief, .ghosh, .iim, .ario]

    /// The static propagation model, nil for `direct` and `ario`.
    var staticModel: StaticPropagation.Model? { StaticPropagation.Model(rawValue: rawValue) }
}
