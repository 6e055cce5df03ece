import ArgumentParser
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport

/// `chainrisk io multipliers`: output multipliers and backward and forward linkages per sector.
struct IOMultipliersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multipliers",
        abstract: "Output multipliers and backward and forward linkages per region and sector.",
        discussion: """
            output_multiplier: column sum of the Leontief inverse L = (I − A)⁻¹, the output in the whole table per \
            unit of final demand for the sector (one transposed solve, L is not formed). backward_linkage: the \
            multiplier divided by the average multiplier (Rasmussen's power of dispersion; above 1 = pulls more \
            than average). forward_linkage: the row sum of the Ghosh inverse G = (I − B)⁻¹, B = diag(x)⁻¹Z, \
            divided by the average row sum. A sector without output has multiplier 1. The table must be productive \
            (spectral radius of A below 1), else exit 65.

            JSON: {"provenance": {"inputs": [{"name", "kind", "files": [{"path", "sha256"}]}], "settings": {...}, \
            "chainrisk_version"}, "rows": [{"region", "sector", "output_multiplier", "backward_linkage", \
            "forward_linkage"}]} with keys sorted and numbers in full precision; rows in table order unless --sort.
            """
    )

    enum SortOrder: String, ExpressibleByArgument, CaseIterable {
        case table, multiplier, backward, forward
    }

    @OptionGroup var table: InputOutputOptions
    @OptionGroup var output: TableOutputOptions

    @Option(help: "Row order: table (as in the file), multiplier, backward or forward (largest first).")
    var sort: SortOrder = .table

    @Option(help: "Only the first N rows after sorting.")
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top takes a positive number") }
    }

    func run() throws {
        let loaded = try table.load()
        let accounts = try InputOutputAccounts(table: loaded.table)
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
        let result = DataTable(title: "Output multipliers and linkages", columns: [
            DataTable.Column("region", title: "Region"), DataTable.Column("sector", title: "Sector"),
            DataTable.Column("output_multiplier", title: "Output multiplier", alignment: .right),
            DataTable.Column("backward_linkage", title: "Backward linkage", alignment: .right),
            DataTable.Column("forward_linkage", title: "Forward linkage", alignment: .right),
        ], rows: rows)
        var settings = ["sort": sort.rawValue]
        if let top { settings["top"] = String(top) }
        FileOutput.standardOutput.write(output.render([("rows", result)], provenance: loaded.provenance(settings: settings)))
    }

    /// Largest first; ties in table order.
    private static func sorted(_ linkages: [SectorLinkage], by key: KeyPath<SectorLinkage, Double>) -> [SectorLinkage] {
        linkages.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element[keyPath: key], rhs.element[keyPath: key])
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
