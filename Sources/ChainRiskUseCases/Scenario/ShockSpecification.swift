public import ChainRiskCore
import ChainRiskSimulation

/// The typed form of a shock: `REGIONS[:SECTORS]:LOSS:WEEKS`, e.g. `TWN+CHN:c3-c16,hs8542:0.2:22`.
public enum ShockSpecification {
    /// The shock `spec` describes; `RequestError` naming `shock` when it is malformed.
    public static func parse(_ spec: String, recovery: Shock.Recovery, recoveryDays: Int, startDay: Int) throws -> Shock
    {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4 else {
            throw RequestError(
                "shock", "--shock '\(spec)': expected REGIONS[:SECTORS]:LOSS:WEEKS, e.g. TWN:c3-c16:0.2:22")
        }
        let regions = parts[0].split(separator: "+").map(String.init)
        guard !regions.isEmpty else { throw RequestError("shock", "--shock '\(spec)': no region") }
        guard let loss = Double(parts[parts.count - 2]), loss.isFinite, (0...1).contains(loss) else {
            throw RequestError(
                "shock", "--shock '\(spec)': the loss '\(parts[parts.count - 2])' must be a number between 0 and 1")
        }
        guard let weeks = Double(parts[parts.count - 1]), weeks > 0, weeks <= Double(Shock.maximumWeeks) else {
            throw RequestError(
                "shock",
                "--shock '\(spec)': the weeks '\(parts[parts.count - 1])' must be a number above 0 and at most \(Shock.maximumWeeks) (100 years)"
            )
        }
        var sectors: [String] = []
        var products: [String] = []
        if parts.count == 4 {
            for token in parts[1].split(separator: ",").map(String.init) {
                if token.lowercased().hasPrefix("hs") {
                    products.append(String(token.dropFirst(2)))
                } else {
                    sectors.append(token)
                }
            }
        }
        return Shock(
            regions: regions, sectors: sectors, products: products, capacityLoss: loss, startDay: startDay,
            durationWeeks: weeks, recovery: recovery, recoveryDays: recoveryDays)
    }
}
