/// A named group of origin regions, a column of the letter's Table 3 (EU countries, rest of Europe, US …).
public typealias OriginGroup = NamedGroup

/// A remark in English and Dutch (a grouping choice, a region left on its own, a category without exports).
public struct OriginNote: Sendable, Hashable {
    public let en: String
    public let nl: String

    public init(en: String, nl: String) {
        self.en = en
        self.nl = nl
    }
}

/// Which origin group each region of an input-output table belongs to, with notes on the choices made.
///
/// Groups keep the order they were given in (the columns of the table). A region the grouping does not list is
/// grouped on its own, under its code, by `resolving(regions:)`.
public struct OriginGrouping: Sendable, Hashable {
    /// Groups in column order.
    public let groups: [OriginGroup]
    /// Group id by region code.
    public let groupOfRegion: [String: String]
    /// Why a region sits where it does (English, Dutch), by region code; shown when the region is in the table.
    public let notes: [String: OriginNote]

    public init(groups: [OriginGroup], groupOfRegion: [String: String], notes: [String: OriginNote] = [:]) {
        self.groups = groups
        self.groupOfRegion = groupOfRegion
        self.notes = notes
    }

    /// The groups that hold at least one of `regions`, in column order, followed by one group per region the
    /// grouping does not list (id and names = the region code), in the order of `regions`.
    public func resolving(regions: [String]) -> (groups: [OriginGroup], groupOf: [String: String], unlisted: [String]) {
        let present = Set(regions.compactMap { groupOfRegion[$0] })
        var groupOf: [String: String] = [:]
        var unlisted: [String] = []
        for region in regions {
            if let group = groupOfRegion[region] {
                groupOf[region] = group
            } else {
                groupOf[region] = region
                unlisted.append(region)
            }
        }
        let listedIDs = Set(groups.map(\.id))
        for region in unlisted where listedIDs.contains(region) { groupOf[region] = region + "_region" }
        let own = unlisted.map { OriginGroup(id: groupOf[$0] ?? $0, nameEN: $0, nameNL: $0) }
        return (groups.filter { present.contains($0.id) } + own, groupOf, unlisted)
    }
}
