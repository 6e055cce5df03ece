import ChainRiskCore

/// How far buyers can switch to other supplier regions when theirs cannot deliver.
///
/// For input sector s, the substitutable part of an unmet order is φ·(1 − HHIₛ): φ (`share`) is how much of what other
/// suppliers could offer buyers take up within the run, and 1 − HHIₛ the part of the world market of s that other
/// suppliers hold (HHIₛ over countries' output). The simulation redirects that part of each day's unmet orders to the
/// same sector in regions with spare capacity; the time-to-survive rule counts the same part as replaced. With φ = 1
/// this is the rule of `TimeToSurvive` (shortfall = lost share × HHI); φ = 0 turns substitution off.
public struct SupplierSubstitution: Sendable, Hashable {
    /// φ in 0…1.
    public var share: Double
    /// HHI of world output per sector code; sectors not listed count as one supplier (HHI 1, nothing to switch to).
    public var worldHHI: [String: Double]

    /// The default φ: half. Switching suppliers within weeks is partial — contracts, qualification and transport take
    /// time: short-run elasticities of substitution between suppliers are well below the long-run ones (Gallaway,
    /// McDaniel & Rivera 2003) — and above one half the Dutch results barely move (BENCHMARKS.md, issue 11).
    public static let defaultShare = 0.5

    public init(share: Double = SupplierSubstitution.defaultShare, worldHHI: [String: Double]) {
        self.share = min(1, max(0, share.isFinite ? share : 0))
        self.worldHHI = worldHHI
    }

    /// No switching at all.
    public static let none = SupplierSubstitution(share: 0, worldHHI: [:])

    /// φ·(1 − HHIₛ) for input sector `sector`.
    public func substitutableShare(of sector: String) -> Double {
        guard share > 0 else { return 0 }
        let hhi = min(1, max(0, worldHHI[sector] ?? 1))
        return share * (1 - hhi)
    }
}
