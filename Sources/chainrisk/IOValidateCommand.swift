import ArgumentParser
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport

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

    @Flag(help: "Exit with code 65 when the table has any finding.")
    var strict = false

    func run() throws {
        let loaded = try table.load()
        let io = loaded.table
        let bounds = io.coefficientSpectralRadius()
        let summary = DataTable(title: "Input-output table", columns: [
            DataTable.Column("measure", title: "Measure"), DataTable.Column("value", title: "Value"),
        ], rows: summaryRows(loaded, bounds: bounds))
        let counts = DataTable(title: "Findings", columns: [
            DataTable.Column("kind", title: "Kind"), DataTable.Column("count", title: "Count", alignment: .right),
        ], rows: loaded.findings.sortedCounts.map { [.text($0.kind.rawValue), .integer($0.count)] })
        let examples = DataTable(title: "Finding examples", columns: [
            DataTable.Column("kind", title: "Kind"), DataTable.Column("location", title: "Location"),
            DataTable.Column("message", title: "Message"),
        ], rows: loaded.findings.examples.map { finding in
            [.text(finding.kind.rawValue), finding.location.map { .text($0.description) } ?? .empty, .text(finding.message)]
        })
        let provenance = loaded.provenance(settings: ["balance_tolerance": JSONValue.number(table.balanceTolerance).render()])
        FileOutput.standardOutput.write(output.render(
            [("summary", summary), ("finding_counts", counts), ("findings", examples)], provenance: provenance))
        guard bounds.provesProductive else { throw IOError.notProductive(spectralRadius: bounds.upper) }
        if strict && !loaded.findings.isEmpty {
            throw InputError(.strictFinding, "\(loaded.findings.total) findings (--strict)", at: nil)
        }
    }

    private func summaryRows(_ loaded: LoadedInputOutputTable, bounds: SpectralRadiusBounds) -> [[DataTable.Cell]] {
        let io = loaded.table
        func total(_ values: [Double]) -> Double {
            var sum = CompensatedSum()
            for value in values { sum.add(value) }
            return sum.value
        }
        func number(_ value: Double, _ decimals: Int) -> DataTable.Cell { .number(value, decimals: decimals) }
        return [
            [.text("layout"), .text(loaded.layout.rawValue)],
            [.text("unit"), .text(io.unit)],
            [.text("sectors"), .integer(io.sectorCount)],
            [.text("regions"), .integer(io.regions.count)],
            [.text("region_list"), .text(io.regions.map { $0.isEmpty ? "(national)" : $0 }.joined(separator: " "))],
            [.text("final_demand_columns"), .integer(io.finalDemandColumns.count)],
            [.text("total_gross_output"), number(total(io.grossOutput), 1)],
            [.text("total_intermediate"), number(total(io.intermediate.columnSums()), 1)],
            [.text("total_final_demand"), number(total(io.totalFinalDemand), 1)],
            [.text("total_value_added"), number(total(io.valueAdded), 1)],
            [.text("spectral_radius"), .number(bounds.estimate, decimals: 10, grouping: false)],
            [.text("spectral_radius_lower"), .number(bounds.lower, decimals: 10, grouping: false)],
            [.text("spectral_radius_upper"), .number(bounds.upper, decimals: 10, grouping: false)],
            [.text("productive"), .text(bounds.provesProductive ? "yes" : "no")],
        ]
    }
}
