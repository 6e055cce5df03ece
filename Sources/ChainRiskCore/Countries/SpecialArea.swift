/// A partner code of trade statistics that is not a current country: the world, areas n.e.s., bunkers, free
/// zones, country groups and former countries.
///
/// From `special_areas.csv`, derived from the UN Comtrade area lists. `mapsTo` names the country a code
/// conventionally stands for: `S19` "Other Asia, nes" is Taiwan in practice.
public struct SpecialArea: Hashable, Sendable {
    /// What the code stands for.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// All partners together (`W00`).
        case world
        /// An area or special category not elsewhere specified (`_X`, `E19`, `S19`, `XX`).
        case areaNES = "area_nes"
        /// Ship and aircraft stores (`X1`).
        case bunkers
        /// Free zones (`X2`).
        case freeZones = "free_zones"
        /// A group of countries (`EUR`, `R4` ASEAN, `ZA1` SACU).
        case group
        /// A former country or territory (`ANT`, `SUN`, `DDR`).
        case historical
        /// A territory under a non-ISO code of the source (Comtrade `_KS` Kosovo).
        case territory
    }

    /// The code as trade data writes it, e.g. `S19`, `_X`, `W00`.
    public let code: CountryCode
    public let kind: Kind
    /// The English name of the source; codes with two names in the source have both, joined by ` / `.
    public let name: String
    /// The current country this code conventionally stands for, or `nil` (a group, an area, a split country).
    public let mapsTo: CountryCode?
}
