/// The low–central–high band of a scenario's losses over the assumptions that move them, one assumption at a time.
///
/// Each variant changes one assumption of the central run (stock days × 0.5 or × 2, the switching share, the
/// production function); the band of a measure is the least and the most any run gives, named by the run that gives
/// it, and the assumption whose variants (with the central run) span the widest range is the one that moves it most.
public struct AssumptionBand: Sendable, Hashable {
    /// One run: which assumption it changes (nil for the central run), to what, and what it loses.
    public struct Run: Sendable, Hashable {
        /// The assumption changed, e.g. "stock days"; nil for the central run.
        public var parameter: String?
        /// Its value in this run, e.g. "x 0.5".
        public var setting: String
        /// Output lost per measure, e.g. ["world_output_lost": …, "reporter_output_lost": …].
        public var losses: [String: Double]

        public init(parameter: String?, setting: String, losses: [String: Double]) {
            self.parameter = parameter
            self.setting = setting
            self.losses = losses
        }

        /// "stock days x 0.5", or "central".
        public var name: String { parameter.map { "\($0) \(setting)" } ?? "central" }
    }

    /// One measure's band.
    public struct Range: Sendable, Hashable {
        public var low: Double
        public var central: Double
        public var high: Double
        public var lowRun: String
        public var highRun: String
        /// The assumption whose runs span the widest range of this measure, and that range.
        public var movedMostBy: String
        public var movedMostWidth: Double
        public var width: Double { high - low }
    }

    public var central: Run
    public var variants: [Run]

    public init(central: Run, variants: [Run]) {
        self.central = central
        self.variants = variants
    }

    /// The band of `measure` (nil when the central run lacks it). Ties go to the earlier run and parameter, so the
    /// names do not depend on the order runs finished in.
    public func range(_ measure: String) -> Range? {
        guard let middle = central.losses[measure] else { return nil }
        let runs = [central] + variants
        let valued = runs.compactMap { run in run.losses[measure].map { (run, $0) } }
        guard let low = valued.min(by: { $0.1 < $1.1 }), let high = valued.max(by: { $0.1 < $1.1 }) else {
            return nil
        }
        var parameters: [String] = []
        for run in variants { if let p = run.parameter, !parameters.contains(p) { parameters.append(p) } }
        var most = ("none", 0.0)
        for parameter in parameters {
            let values = [middle] + variants.filter { $0.parameter == parameter }.compactMap { $0.losses[measure] }
            let spread = (values.max() ?? middle) - (values.min() ?? middle)
            if spread > most.1 { most = (parameter, spread) }
        }
        return Range(
            low: low.1, central: middle, high: high.1, lowRun: low.0.name, highRun: high.0.name,
            movedMostBy: most.0, movedMostWidth: most.1)
    }
}
