/// The parameters of the adaptive regional input-output model, named and defaulted as in BoARIO's ARIOPsiModel.
///
/// Hallegatte (2008), "An adaptive regional input-output model and its application to the assessment of the
/// economic cost of Katrina", Risk Analysis 28(3); BoARIO (Juhel 2023, https://github.com/spjuhel/BoARIO) v0.7.
public struct ARIOParameters: Sendable, Hashable {
    /// αᵐᵃˣ: the most an industry can produce above its baseline capacity (1.25 = +25 %).
    public var overproductionMax: Double
    /// αᵇ: the overproduction factor at rest.
    public var overproductionBase: Double
    /// τ_α in days: characteristic time for overproduction to build up while demand exceeds production.
    public var overproductionDays: Double
    /// ψ: production is held back once an input's stock falls below ψ × its target (BoARIO's psi, 0.8).
    public var psi: Double
    /// τ_INV in days: characteristic time to rebuild a depleted stock (orders ask for 1/τ of the gap per day).
    public var inventoryRestorationDays: Double
    /// τ_switch in days: characteristic time for buyers' switched orders to find spare capacity. The headroom other
    /// suppliers offer them opens as BoARIO's overproduction builds at full scarcity, αᵐᵃˣ − (αᵐᵃˣ − 1)·e^(−t/τ),
    /// t days after the disruption began, so nothing jumps on its first day. Default 60 days, BoARIO's τ_INV (the time
    /// its orders take to rebuild stocks), our choice of reference; `--switching-days` overrides it.
    public var switchingDays: Double
    /// Aggregated input coefficients below this never constrain production (BoARIO: 10⁻⁵ of daily output set
    /// against annual flows, i.e. 10⁻⁵/365).
    public var inputThreshold: Double

    public init(
        overproductionMax: Double = 1.25, overproductionBase: Double = 1, overproductionDays: Double = 365,
        psi: Double = 0.8, inventoryRestorationDays: Double = 60, inputThreshold: Double = 1e-5 / 365,
        switchingDays: Double = 60
    ) {
        self.switchingDays = switchingDays
        self.overproductionMax = overproductionMax
        self.overproductionBase = overproductionBase
        self.overproductionDays = overproductionDays
        self.psi = psi
        self.inventoryRestorationDays = inventoryRestorationDays
        self.inputThreshold = inputThreshold
    }
}
