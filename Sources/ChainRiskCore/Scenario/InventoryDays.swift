/// Days of production each industry holds of each input: the inventory targets of the dynamic model.
///
/// Stored per (input sector s, using industry j), the shape of BoARIO's stock matrix. BoARIO sets days per input
/// (`inventory_dict`); Pichler et al. set them per using industry. Both are special cases; `.infinity` marks an
/// input that never runs short. Values of 1 day or less become 2 (BoARIO's rule: a stock must outlast one step).
public struct InventoryDays: Sendable, Hashable {
    /// Sector codes of the inputs, in first-seen table order.
    public let inputSectors: [String]
    /// days[j * inputSectors.count + s].
    public let days: [Double]

    /// Days from `rule(inputSector, user)` for every input sector and using industry of `sectors`.
    public init(sectors: [IOSectorLabel], rule: (String, IOSectorLabel) -> Double) {
        let inputs = sectors.sectorCodes
        inputSectors = inputs
        days = sectors.perUserAndInput(inputs) { input, user in
            let value = rule(input, user)
            return value <= 1 ? 2 : value
        }
    }

    private init(inputSectors: [String], days: [Double]) {
        self.inputSectors = inputSectors
        self.days = days
    }

    /// Every stock held `factor` times as long (the scenario band's stock-day variants), with the rule of any stock
    /// (1 day or less becomes 2); inputs that never run short stay so.
    public func scaled(by factor: Double) -> InventoryDays {
        InventoryDays(
            inputSectors: inputSectors,
            days: days.map { value in
                guard value.isFinite else { return value }
                return value * factor <= 1 ? 2 : value * factor
            })
    }

    /// The same days for every input and industry.
    public static func uniform(_ value: Double, sectors: [IOSectorLabel]) -> InventoryDays {
        InventoryDays(sectors: sectors) { _, _ in value }
    }

    /// Days per using sector code (`c14` → 49.1, in every region), `fallback` for codes not listed; inputs outside
    /// `stocked` (e.g. services, which cannot be stored) never run short when `stocked` is given.
    public static func byUser(
        _ table: [String: Double], fallback: Double, stocked: Set<String>? = nil, sectors: [IOSectorLabel]
    ) -> InventoryDays {
        InventoryDays(sectors: sectors) { input, user in
            if let stocked, !stocked.contains(input) { return .infinity }
            return table[user.sector] ?? fallback
        }
    }

    /// WIOD's goods sectors (agriculture, mining, manufacturing: c1–c16), the inputs firms keep in stock.
    public static let wiodGoods = Set((1...16).map { "c\($0)" })

    /// Days per input sector code, as BoARIO's `inventory_dict`.
    public static func byInput(_ table: [String: Double], fallback: Double, sectors: [IOSectorLabel]) -> InventoryDays {
        InventoryDays(sectors: sectors) { input, _ in table[input] ?? fallback }
    }

    /// The days `user` holds of input sector `input` (index into `inputSectors`).
    public func days(input: Int, user: Int) -> Double { days[user * inputSectors.count + input] }
}
