public import ChainRiskCore
public import ChainRiskIO
import ChainRiskIngest
public import ChainRiskReport

/// A table's check: the summary, finding counts and examples, and whether it passes.
public struct InputOutputValidation: Sendable {
    public let tables: TableSet
    public let bounds: SpectralRadiusBounds
    public let findings: FindingLog
    /// The file of the intermediate flows, for messages.
    public let table: String

    /// Throws when the table is not productive, or under `strict` when it has any finding.
    public func verdict(strict: Bool) throws {
        guard bounds.provesProductive else { throw IOError.notProductive(spectralRadius: bounds.upper, table: table) }
        if strict, let first = findings.examples.first(where: { $0.location != nil }) ?? findings.examples.first {
            throw InputError(
                .strictFinding,
                "--strict: \(findings.total) finding(s); the first: \(first.kind.rawValue): \(first.message)",
                at: first.location)
        }
    }
}

extension Workspace {
    /// Dimensions, totals, productivity and the balance findings of a table.
    public func validateTable(_ source: InputOutputSource) throws -> InputOutputValidation {
        let loaded = try source.load()
        let bounds = loaded.table.coefficientSpectralRadius()
        let summary = DataTable(
            title: "Input-output table",
            columns: [
                DataTable.Column("measure", title: "Measure"), DataTable.Column("value", title: "Value"),
            ], rows: Self.summaryRows(loaded, bounds: bounds))
        let counts = DataTable(
            title: "Findings",
            columns: [
                DataTable.Column("kind", title: "Kind"), DataTable.Column("count", title: "Count", alignment: .right),
            ], rows: loaded.findings.sortedCounts.map { [.text($0.kind.rawValue), .integer($0.count)] })
        let examples = DataTable(
            title: "Finding examples",
            columns: [
                DataTable.Column("kind", title: "Kind"), DataTable.Column("location", title: "Location"),
                DataTable.Column("message", title: "Message"),
            ],
            rows: loaded.findings.examples.map { finding in
                [
                    .text(finding.kind.rawValue), finding.location.map { .text($0.description) } ?? .empty,
                    .text(finding.message),
                ]
            })
        let provenance = loaded.provenance(settings: [
            "balance_tolerance": JSONValue.number(source.balanceTolerance).render()
        ])
        return InputOutputValidation(
            tables: TableSet(
                [("summary", summary), ("finding_counts", counts), ("findings", examples)], provenance: provenance),
            bounds: bounds, findings: loaded.findings, table: source.intermediate)
    }

    private static func summaryRows(_ loaded: LoadedInputOutputTable, bounds: SpectralRadiusBounds) -> [[DataTable
        .Cell]]
    {
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

extension LoadedInputOutputTable {
    /// The table's files with their SHA-256 and the settings that shaped the result.
    func provenance(settings: [String: String]) -> Provenance {
        var all = settings
        all["layout"] = layout.rawValue
        return Provenance(inputs: [.inputOutputTable(self)], settings: all)
    }
}
