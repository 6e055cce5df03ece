import ArgumentParser
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport
import Foundation

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

    func run() throws {
        let clock = ContinuousClock()
        var phases: [String: Double] = [:]
        var start = clock.now
        func lap(_ phase: String) {
            let now = clock.now
            phases[phase] = seconds(now - start)
            start = now
        }
        let loaded = try table.load()
        let io = loaded.table
        let demand = io.totalFinalDemand
        lap("read")
        let coefficients = io.technicalCoefficients()
        lap("coefficients")
        let bounds = coefficients.spectralRadiusBounds(decidingAgainst: 1)
        guard bounds.provesProductive else { throw IOError.notProductive(spectralRadius: bounds.upper) }
        lap("productivity")
        let model = try LeontiefModel(coefficients: coefficients)
        lap("factorise")
        let leontiefOutput = model.output(for: demand)
        lap("solve")
        if output != nil || timing {
            let inverse = model.inverse()
            lap("inverse")
            if let output {
                let labels = io.sectors.map(\.combined)
                let bytes = MatrixCSVWriter.csv(inverse, rowLabels: labels, columnLabels: labels)
                do {
                    try Data(bytes).write(to: URL(fileURLWithPath: output))
                } catch {
                    throw UsageError(message: "cannot write \(output): \(error.localizedDescription)")
                }
            }
        }
        if timing {
            let members = phases.mapValues { JSONValue.number($0) }
            FileOutput.standardError.write(JSONValue.object(members.merging(["sectors": .number(Double(io.sectorCount))]) { a, _ in a }).render() + "\n")
        }
        if quiet { return }
        let rows: [[DataTable.Cell]] = io.sectors.indices.map { index in
            [
                .text(io.sectors[index].region), .text(io.sectors[index].sector),
                .number(io.grossOutput[index], decimals: 1), .number(demand[index], decimals: 1),
                .number(leontiefOutput[index], decimals: 1),
            ]
        }
        let result = DataTable(title: "Leontief output from final demand", columns: [
            DataTable.Column("region", title: "Region"), DataTable.Column("sector", title: "Sector"),
            DataTable.Column("gross_output", title: "Gross output", alignment: .right),
            DataTable.Column("final_demand", title: "Final demand", alignment: .right),
            DataTable.Column("leontief_output", title: "L·y", alignment: .right),
        ], rows: rows)
        var settings: [String: String] = [:]
        if let output { settings["inverse_written_to"] = output }
        FileOutput.standardOutput.write(format.render([("rows", result)], provenance: loaded.provenance(settings: settings)))
    }
}
