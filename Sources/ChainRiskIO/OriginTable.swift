public import ChainRiskCore

/// The letter's Table 3: imported inputs embodied in exports, by export category (rows) and origin group (columns).
///
/// Built from `ImportContentOfExports` by summing sectors into categories and regions into groups. Each category's
/// shares over the origin groups sum to 1 (unless it embodies nothing, then all shares are 0 and a note says so).
public struct OriginTable: Sendable {
    /// One cell of the table in long form: `export_sector, origin, value, share`.
    public struct Row: Sendable, Hashable {
        /// The export category id (or the sector code with `--by sector`).
        public let exportCategory: String
        /// The origin group id.
        public let origin: String
        /// The embodied value in the table's unit.
        public let value: Double
        /// `value` over the category's value from all origins.
        public let share: Double
    }

    /// One row of the table: an export category, its exports and what they embody from each group.
    public struct CategoryRow: Sendable, Hashable {
        public let category: ExportCategory
        /// Sector codes in the category, in table order.
        public let sectors: [String]
        /// Gross exports of the category.
        public let exports: Double
        /// Embodied value per origin group, in `OriginTable.groups` order.
        public let byGroup: [Double]

        /// Embodied value from all origins.
        public var embodied: Double { byGroup.reduce(0, +) }
        /// Embodied value over exports (the import content ratio); 0 without exports.
        public var ratio: Double { exports == 0 ? 0 : embodied / exports }
        /// Each group's part of `embodied`; all 0 when nothing is embodied.
        public var shares: [Double] {
            let total = embodied
            return byGroup.map { total == 0 ? 0 : $0 / total }
        }
    }

    /// An origin group with the table's regions in it.
    public struct GroupColumn: Sendable, Hashable {
        public let group: OriginGroup
        /// Region codes, in table order.
        public let regions: [String]
    }

    public let reporter: String
    public let measure: OriginMeasure
    public let unit: String
    /// Columns, in the grouping's order.
    public let groups: [GroupColumn]
    /// Rows, in the categories' order.
    public let categories: [CategoryRow]
    /// All categories together (id `total`).
    public let total: CategoryRow
    /// Remarks on the grouping and categories, in a stable order.
    public let notes: [OriginNote]

    /// Sums `content` into `categories` × `grouping`.
    public init(content: ImportContentOfExports, grouping: OriginGrouping, categories: ExportCategories) {
        let sectorCodes = content.exportSectors.map(\.sector)
        let resolvedGroups = grouping.resolving(regions: content.origins)
        let resolvedCategories = categories.resolving(sectors: sectorCodes)
        var groupIndex: [String: Int] = [:]
        for (index, group) in resolvedGroups.groups.enumerated() where groupIndex[group.id] == nil {
            groupIndex[group.id] = index
        }
        let originGroup = content.origins.map { groupIndex[resolvedGroups.groupOf[$0] ?? $0] ?? 0 }
        let perSector = (0..<sectorCodes.count).map { j in
            var values = [Double](repeating: 0, count: resolvedGroups.groups.count)
            for k in content.origins.indices { values[originGroup[k]] += content.embodied[k, j] }
            return values
        }
        func row(_ category: ExportCategory, members: [Int]) -> CategoryRow {
            var byGroup = [Double](repeating: 0, count: resolvedGroups.groups.count)
            var exports = 0.0
            for j in members {
                exports += content.exports[j]
                for g in byGroup.indices { byGroup[g] += perSector[j][g] }
            }
            return CategoryRow(
                category: category, sectors: members.map { sectorCodes[$0] }, exports: exports, byGroup: byGroup)
        }
        let rows = resolvedCategories.categories.map { category in
            row(
                category,
                members: sectorCodes.indices.filter { resolvedCategories.categoryOf[sectorCodes[$0]] == category.id })
        }
        reporter = content.reporter
        measure = content.measure
        unit = content.unit
        groups = resolvedGroups.groups.map { group in
            GroupColumn(group: group, regions: content.origins.filter { resolvedGroups.groupOf[$0] == group.id })
        }
        self.categories = rows
        total = row(ExportCategory(id: "total", nameEN: "Total", nameNL: "Totaal"), members: Array(sectorCodes.indices))
        notes = Self.notes(
            groups: groups, grouping: grouping, unlistedRegions: resolvedGroups.unlisted,
            unlistedSectors: resolvedCategories.unlisted, rows: rows)
    }

    /// The cells in long form, category by category, groups in column order.
    public var rows: [Row] {
        categories.flatMap { category in
            let shares = category.shares
            return groups.indices.map { g in
                Row(
                    exportCategory: category.category.id, origin: groups[g].group.id, value: category.byGroup[g],
                    share: shares[g])
            }
        }
    }

    private static func notes(
        groups: [GroupColumn], grouping: OriginGrouping, unlistedRegions: [String], unlistedSectors: [String],
        rows: [CategoryRow]
    ) -> [OriginNote] {
        var notes: [OriginNote] = []
        for column in groups {
            for region in column.regions {
                if let note = grouping.notes[region] {
                    notes.append(
                        OriginNote(
                            en: "\(region) (\(column.group.nameEN)): \(note.en)",
                            nl: "\(region) (\(column.group.nameNL)): \(note.nl)"))
                }
            }
        }
        if !unlistedRegions.isEmpty {
            let list = unlistedRegions.joined(separator: ", ")
            notes.append(
                OriginNote(
                    en: "Regions not in the grouping, shown on their own: \(list)",
                    nl: "Regio's die niet in de indeling staan, apart getoond: \(list)"))
        }
        if !unlistedSectors.isEmpty {
            let list = unlistedSectors.joined(separator: ", ")
            notes.append(
                OriginNote(
                    en: "Sectors not in the export categories, shown on their own: \(list)",
                    nl: "Sectoren die niet in de uitvoercategorieën staan, apart getoond: \(list)"))
        }
        let empty = rows.filter { $0.embodied == 0 }.map(\.category.id)
        if !empty.isEmpty {
            let list = empty.joined(separator: ", ")
            notes.append(
                OriginNote(
                    en: "No imported inputs embodied (no exports), so no shares: \(list)",
                    nl: "Geen ingevoerde inputs (geen uitvoer), dus geen aandelen: \(list)"))
        }
        return notes
    }
}
