import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
public import ChainRiskReport

/// The order of the multiplier rows.
public enum LinkageOrder: String, CaseIterable, Sendable, Hashable {
    /// As in the file.
    case table
    /// Largest first, ties in table order.
    case multiplier, backward, forward
}

extension Workspace {
    /// Output multipliers and backward and forward linkages per region and sector.
    public func multipliers(_ source: InputOutputSource, sort: LinkageOrder = .table, top: Int? = nil) throws
        -> TableSet
    {
        let loaded = try source.load()
        let accounts: InputOutputAccounts
        do {
            accounts = try InputOutputAccounts(table: loaded.table)
        } catch {
            throw error.naming(table: source.intermediate)
        }
        var linkages = accounts.sectorLinkages()
        switch sort {
        case .table: break
        case .multiplier: linkages = Self.sorted(linkages, by: \.outputMultiplier)
        case .backward: linkages = Self.sorted(linkages, by: \.backwardLinkage)
        case .forward: linkages = Self.sorted(linkages, by: \.forwardLinkage)
        }
        if let top { linkages = Array(linkages.prefix(top)) }
        let rows: [[DataTable.Cell]] = linkages.map { linkage in
            [
                .text(linkage.sector.region), .text(linkage.sector.sector),
                .number(linkage.outputMultiplier, decimals: 6, grouping: false),
                .number(linkage.backwardLinkage, decimals: 6, grouping: false),
                .number(linkage.forwardLinkage, decimals: 6, grouping: false),
            ]
        }
        let result = DataTable(
            title: "Output multipliers and linkages",
            columns: [
                DataTable.Column("region", title: "Region"), DataTable.Column("sector", title: "Sector"),
                DataTable.Column("output_multiplier", title: "Output multiplier", alignment: .right),
                DataTable.Column("backward_linkage", title: "Backward linkage", alignment: .right),
                DataTable.Column("forward_linkage", title: "Forward linkage", alignment: .right),
            ], rows: rows)
        var settings = ["sort": sort.rawValue]
        if let top { settings["top"] = String(top) }
        return TableSet([("rows", result)], provenance: loaded.provenance(settings: settings))
    }

    /// Largest first; ties in table order.
    private static func sorted(_ linkages: [SectorLinkage], by key: KeyPath<SectorLinkage, Double>) -> [SectorLinkage] {
        linkages.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element[keyPath: key], rhs.element[keyPath: key])
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
