import ChainRiskCore

/// Two regions with sectors a and b; R2 trades nothing with R1 (a disconnected block).
/// Z and Y as in scripts/simulation_expected_values.py; x = row totals = (100, 100, 60, 60).
enum SmallTable {
    static func make() throws -> InputOutputTable {
        let labels = ["R1_a", "R1_b", "R2_a", "R2_b"].map { IOSectorLabel(combined: $0) }
        let z = Matrix(rowArrays: [[10, 20, 0, 0], [15, 5, 0, 0], [0, 0, 8, 12], [0, 0, 6, 4]])
        let y = Matrix(rowArrays: [[70, 0], [80, 0], [0, 40], [0, 50]])
        return try InputOutputTable(
            sectors: labels, intermediate: z, finalDemand: y,
            finalDemandColumns: [
                FinalDemandLabel(region: "R1", category: "F"), FinalDemandLabel(region: "R2", category: "F"),
            ],
            grossOutput: [100, 100, 60, 60], unit: "million USD")
    }
}
