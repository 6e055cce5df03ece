public import ChainRiskCore

extension SimulationResources {
    /// Why an inventory override was refused (the caller reports it as a usage error).
    public struct InventoryOverrideError: Error, Hashable, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The most days of inputs a stock may hold: ten years is already no stock a firm keeps, and far larger numbers
    /// overflow the model's stock targets (1e308 days of inputs is infinite).
    public static let longestInventory = 3_650.0

    /// Inventory days for `sectors`: Pichler et al.'s defaults per using sector for goods inputs (services never run
    /// short), or `override` — one number (every input, services included, as BoARIO's main_inv_dur) or
    /// `sector=days` pairs such as `c14=30,c20=10` on top of the defaults. Returns the days and how they were chosen.
    public static func inventory(for sectors: [IOSectorLabel], override: String? = nil) throws -> (
        InventoryDays, String
    ) {
        let (defaults, source) = try inventoryDays()
        if let override, let uniform = Double(override) {
            guard uniform > 0, uniform <= longestInventory else {
                throw InventoryOverrideError(
                    description:
                        "--inventory-days must be above 0 and at most \(Int(longestInventory)) (ten years of inputs); got \(override)"
                )
            }
            return (
                .uniform(uniform, sectors: sectors),
                "\(uniform) days of every input, services included (--inventory-days)"
            )
        }
        var table = defaults
        let codes = sectors.sectorCodes
        let isWIOD = Set(codes).isSubset(of: Set(defaults.keys))
        // Other tables coded in NACE/ISIC Rev. 4 divisions take the NACE 64 days through the industry spine.
        let spine = isWIOD ? nil : try industrySpine()
        let members = spine?.members(of: codes)
        var description =
            isWIOD
            ? "goods inputs (c1-c16): days per using sector from \(source); services and utilities never run short"
            : members != nil
                ? "goods inputs (NACE divisions 01-33): days per using industry, Pichler et al.'s NACE 64 desired stock carried by division (mean over the NACE 64 industries an industry covers); services and utilities never run short"
                : "90 days of every input (sector codes are neither WIOD's nor NACE/ISIC Rev. 4 divisions, so \(source) does not apply)"
        if let override {
            for pair in override.split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Double(parts[1]), value > 0, value <= longestInventory else {
                    throw InventoryOverrideError(
                        description: "--inventory-days takes a number or sector=days pairs such as c14=30,c20=10, "
                            + "days above 0 and at most \(Int(longestInventory)); got '\(pair)'")
                }
                table[String(parts[0])] = value
            }
            description += "; overridden: \(override)"
        }
        if let spine, let members {
            var days = members.mapValues { spine.inventoryDays(user: $0) }
            for (code, value) in table where !defaults.keys.contains(code) { days[code] = value }
            let goods = Set(codes.filter(IndustrySpine.isGoods))
            return (.byUser(days, fallback: 90, stocked: goods, sectors: sectors), description)
        }
        if !isWIOD {
            return (
                .byUser(table.filter { !defaults.keys.contains($0.key) }, fallback: 90, sectors: sectors), description
            )
        }
        return (.byUser(table, fallback: 90, stocked: InventoryDays.wiodGoods, sectors: sectors), description)
    }

    /// The default inventory days for `sectors` (no override).
    public static func defaultInventory(for sectors: [IOSectorLabel]) throws -> (InventoryDays, String) {
        try inventory(for: sectors)
    }
}
