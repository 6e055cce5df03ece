/// A category of exports, a row of the letter's Table 3 (food, chemicals, machinery …).
public typealias ExportCategory = NamedGroup

/// Which export category each sector code (`c14`, region-free) belongs to.
///
/// Categories keep the order they were given in (the rows of the table). A sector the mapping does not list forms
/// a category of its own, under its code.
public struct ExportCategories: Sendable, Hashable {
    /// Categories in row order.
    public let categories: [ExportCategory]
    /// Category id by sector code.
    public let categoryOfSector: [String: String]
    /// Descriptive sector names by sector code (e.g. WIOD's "Electrical and optical equipment"), where known.
    public let sectorNames: [String: String]

    public init(categories: [ExportCategory], categoryOfSector: [String: String], sectorNames: [String: String] = [:]) {
        self.categories = categories
        self.categoryOfSector = categoryOfSector
        self.sectorNames = sectorNames
    }

    /// One category per sector of `sectors`, in their order, named `c14 Electrical and optical equipment` (`--by sector`).
    public func eachSector(_ sectors: [String]) -> ExportCategories {
        let categories = sectors.map { sector in
            let name = sectorNames[sector].map { "\(sector) \($0)" } ?? sector
            return ExportCategory(id: sector, nameEN: name, nameNL: name)
        }
        var categoryOfSector: [String: String] = [:]
        for sector in sectors { categoryOfSector[sector] = sector }
        return ExportCategories(categories: categories, categoryOfSector: categoryOfSector, sectorNames: sectorNames)
    }

    /// The categories that hold at least one of `sectors`, in row order, then one per unlisted sector (its code).
    public func resolving(sectors: [String]) -> (
        categories: [ExportCategory], categoryOf: [String: String], unlisted: [String]
    ) {
        let present = Set(sectors.compactMap { categoryOfSector[$0] })
        var categoryOf: [String: String] = [:]
        var unlisted: [String] = []
        for sector in sectors {
            if let category = categoryOfSector[sector] {
                categoryOf[sector] = category
            } else {
                categoryOf[sector] = sector
                unlisted.append(sector)
            }
        }
        let listedIDs = Set(categories.map(\.id))
        for sector in unlisted where listedIDs.contains(sector) { categoryOf[sector] = sector + "_sector" }
        let own = unlisted.map { ExportCategory(id: categoryOf[$0] ?? $0, nameEN: $0, nameNL: $0) }
        return (categories.filter { present.contains($0.id) } + own, categoryOf, unlisted)
    }
}
