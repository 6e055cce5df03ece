import ArgumentParser
import ChainRiskUseCases

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

    @OptionGroup var table: InputOutputOptions
    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    @Option(help: "Row order: table (as in the file), multiplier, backward or forward (largest first).")
    var sort: LinkageOrder = .table

    @Option(help: "Only the first N rows after sorting.")
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top takes a positive number") }
    }

    func run() throws {
        try output.write(
            try output.workspace().multipliers(try table.required(), sort: sort, top: top), workbook: workbook)
    }
}

extension LinkageOrder: ExpressibleByArgument {}
