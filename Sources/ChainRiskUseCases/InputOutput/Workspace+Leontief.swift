import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
public import ChainRiskReport
import Foundation

/// Leontief output per sector, and the seconds each phase took.
public struct LeontiefRun: Sendable {
    public let tables: TableSet
    /// Seconds per phase: read, coefficients, productivity, factorise, solve and (when formed) inverse.
    public let phases: [String: Double]
    public let sectorCount: Int
}

extension Workspace {
    /// Output from final demand through L·y per sector (one LU factorisation and a solve, no inverse); with
    /// `inversePath` (or `formInverse`) also L = (I − A)⁻¹, written there as matrix CSV.
    public func leontief(_ source: InputOutputSource, inversePath: String? = nil, formInverse: Bool = false) throws
        -> LeontiefRun
    {
        let clock = ContinuousClock()
        var phases: [String: Double] = [:]
        var start = clock.now
        func lap(_ phase: String) {
            let now = clock.now
            phases[phase] = (now - start).seconds
            start = now
        }
        let loaded = try source.load()
        let io = loaded.table
        let demand = io.totalFinalDemand
        lap("read")
        let coefficients = io.technicalCoefficients()
        lap("coefficients")
        let bounds = coefficients.spectralRadiusBounds(decidingAgainst: 1)
        guard bounds.provesProductive else {
            throw IOError.notProductive(spectralRadius: bounds.upper, table: source.intermediate)
        }
        lap("productivity")
        let model = try LeontiefModel(coefficients: coefficients)
        lap("factorise")
        let leontiefOutput = model.output(for: demand)
        lap("solve")
        if inversePath != nil || formInverse {
            let inverse = model.inverse()
            lap("inverse")
            if let inversePath {
                let labels = io.sectors.map(\.combined)
                try Self.write(MatrixCSVWriter.csv(inverse, rowLabels: labels, columnLabels: labels), to: inversePath)
            }
        }
        let rows: [[DataTable.Cell]] = io.sectors.indices.map { index in
            [
                .text(io.sectors[index].region), .text(io.sectors[index].sector),
                .number(io.grossOutput[index], decimals: 1), .number(demand[index], decimals: 1),
                .number(leontiefOutput[index], decimals: 1),
            ]
        }
        let result = DataTable(
            title: "Leontief output from final demand",
            columns: [
                DataTable.Column("region", title: "Region"), DataTable.Column("sector", title: "Sector"),
                DataTable.Column("gross_output", title: "Gross output", alignment: .right),
                DataTable.Column("final_demand", title: "Final demand", alignment: .right),
                DataTable.Column("leontief_output", title: "L·y", alignment: .right),
            ], rows: rows)
        var settings: [String: String] = [:]
        if let inversePath { settings["inverse_written_to"] = inversePath }
        return LeontiefRun(
            tables: TableSet([("rows", result)], provenance: loaded.provenance(settings: settings)), phases: phases,
            sectorCount: io.sectorCount)
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
