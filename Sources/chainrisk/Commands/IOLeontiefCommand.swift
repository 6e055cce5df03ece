import ArgumentParser
import ChainRiskReport
import ChainRiskUseCases

/// `chainrisk io leontief`: output from final demand through L·y (solved, not inverted), and L itself on request.
struct IOLeontiefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leontief",
        abstract: "Leontief output L·y per sector (a solve, no inverse); optionally write L = (I − A)⁻¹ as CSV.",
        discussion: """
            Prints per sector its gross output, total final demand y and leontief_output = (I − A)⁻¹·y, computed \
            with one LU factorisation and a solve; for a balanced table leontief_output equals gross output. \
            --output also forms the inverse (LAPACK dgetri from the same factors) and writes it as matrix CSV. \
            --timing prints the phase times in seconds to standard error as one JSON object (read, coefficients, \
            productivity, factorise, solve, inverse); reading is its own phase, so a benchmark can leave it out.

            JSON: {"provenance": {...}, "rows": [{"region", "sector", "gross_output", "final_demand", \
            "leontief_output"}]}.
            """
    )

    @OptionGroup var table: InputOutputOptions
    @OptionGroup var format: TableOutputOptions

    @Option(help: ArgumentHelp("Write the Leontief inverse L to this matrix-CSV file.", valueName: "path"))
    var output: String?

    @Flag(help: "Print phase timings (seconds) to standard error; forms the inverse even without --output.")
    var timing = false

    @Flag(help: "Print no rows (with --timing or --output).")
    var quiet = false

    func validate() throws {
        guard format.format != .xlsx else {
            throw ValidationError(
                "io leontief prints its rows as table, markdown, csv or json; --output writes L as CSV")
        }
    }

    func run() throws {
        let run = try format.workspace().leontief(try table.required(), inversePath: output, formInverse: timing)
        if timing {
            var members = run.phases.mapValues { JSONValue.number($0) }
            members["sectors"] = .number(Double(run.sectorCount))
            FileOutput.standardError.write(JSONValue.object(members).render() + "\n")
        }
        if let output { FileOutput.announce(output) }
        if !quiet { format.write(run.tables) }
    }
}
