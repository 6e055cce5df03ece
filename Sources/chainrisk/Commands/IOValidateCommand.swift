import ArgumentParser
import ChainRiskUseCases

/// `chainrisk io validate`: dimensions, totals, productivity and the balance findings of a table.
struct IOValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an input-output table: dimensions, regions, totals, balance findings, productivity.",
        discussion: """
            Findings: imbalance (a row whose intermediate plus final deliveries differ from gross output by more \
            than --balance-tolerance; a column with negative value added; with pymrio's factor_input.txt, a column \
            whose inputs plus reported value added differ from gross output), zero_output (coefficients set to 0), \
            negative_value (a negative intermediate flow). Productivity: bounds on the spectral radius of A; the \
            table is productive when the upper bound is below 1. Exit 65 when it is not, or with --strict and any \
            finding.

            JSON: {"provenance": {...}, "summary": [{"measure", "value"}], "finding_counts": [{"kind", "count"}], \
            "findings": [{"kind", "location", "message"}]} — the summary's measures are layout, unit, sectors, \
            regions, region_list, final_demand_columns, total_gross_output, total_intermediate, total_final_demand, \
            total_value_added, spectral_radius, spectral_radius_lower, spectral_radius_upper, productive; findings \
            keep at most 20 examples per kind.
            """
    )

    @OptionGroup var table: InputOutputOptions
    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    @Flag(help: "Exit with code 65 when the table has any finding.")
    var strict = false

    func run() throws {
        let validation = try output.workspace().validateTable(try table.required())
        try output.write(validation.tables, workbook: workbook)
        try validation.verdict(strict: strict)
    }
}
