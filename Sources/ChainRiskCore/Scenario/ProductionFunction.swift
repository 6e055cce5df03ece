/// How an industry's output depends on its input stocks when some inputs run short.
///
/// Pichler, Pangallo, del Rio-Chanona, Lafond & Farmer (2022), "Forecasting the propagation of pandemic shocks with a
/// dynamic input-output model", J. Econ. Dyn. Control 144: a pure Leontief function, where every input is strictly
/// necessary, overstates losses; their preferred function lets only the inputs that industry analysts (IHS Markit)
/// rated critical bind fully, and important ones at half weight.
public enum ProductionFunction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every stocked input is strictly necessary: output falls with the scarcest input (BoARIO's ARIOPsiModel).
    case leontief
    /// Only critical inputs bind fully; important ones bind at half weight, others not at all (the default).
    case partial
    /// Inputs are perfect substitutes: output falls only when the stocks of all inputs together fall short.
    case linear
}

/// How strictly each input sector constrains each using industry: 1 critical, 0.5 important, 0 not (or a
/// flow-weighted mean of these where a table sector groups several rated ones).
///
/// Stored per (input sector s, using industry j) like `InventoryDays`, so the model reads both with one index.
public struct InputCriticality: Sendable, Hashable {
    /// Sector codes of the inputs, in first-seen table order.
    public let inputSectors: [String]
    /// weights[j * inputSectors.count + s], each in 0…1.
    public let weights: [Double]
    /// Where the ratings come from, for the provenance of every run.
    public let source: String

    /// Weights from `rule(inputSector, userSector)` for every input sector and using industry of `sectors`; values
    /// outside 0…1 are clamped.
    public init(sectors: [IOSectorLabel], source: String, rule: (String, String) -> Double) {
        let inputs = sectors.sectorCodes
        inputSectors = inputs
        weights = sectors.perUserAndInput(inputs) { input, user in
            let weight = rule(input, user.sector)
            return weight.isFinite ? min(1, max(0, weight)) : 1
        }
        self.source = source
    }

    /// Every input critical: the pure Leontief case.
    public static func allCritical(sectors: [IOSectorLabel], source: String = "every input critical")
        -> InputCriticality
    {
        InputCriticality(sectors: sectors, source: source) { _, _ in 1 }
    }

    /// The weight of input sector `input` (index into `inputSectors`) for industry `user`.
    public func weight(input: Int, user: Int) -> Double { weights[user * inputSectors.count + input] }
}
