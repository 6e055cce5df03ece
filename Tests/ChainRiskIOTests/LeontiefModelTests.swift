import ChainRiskCore
import ChainRiskIO
import Testing

@Suite("Leontief model")
struct LeontiefModelTests {
    /// Two sectors, A = [[0.2, 0.3], [0.4, 0.1]]: det(I − A) = 0.8·0.9 − 0.3·0.4 = 0.6,
    /// so L = [[0.9, 0.3], [0.4, 0.8]] / 0.6 = [[1.5, 0.5], [0.6667, 1.3333]].
    @Test func inverseAndSolveOfATwoSectorEconomy() throws {
        let model = try LeontiefModel(coefficients: Matrix(rowArrays: [[0.2, 0.3], [0.4, 0.1]]))
        let inverse = model.inverse()
        #expect(abs(inverse[0, 0] - 1.5) < 1e-12)
        #expect(abs(inverse[0, 1] - 0.5) < 1e-12)
        #expect(abs(inverse[1, 0] - 0.4 / 0.6) < 1e-12)
        #expect(abs(inverse[1, 1] - 0.8 / 0.6) < 1e-12)
        let output = model.output(for: [10, 20])
        #expect(abs(output[0] - (1.5 * 10 + 0.5 * 20)) < 1e-12)
        #expect(abs(output[1] - (0.4 / 0.6 * 10 + 0.8 / 0.6 * 20)) < 1e-12)
        let multipliers = model.rowSolve([1, 1])
        #expect(abs(multipliers[0] - (1.5 + 0.4 / 0.6)) < 1e-12)
        #expect(abs(multipliers[1] - (0.5 + 0.8 / 0.6)) < 1e-12)
    }

    @Test func singularLeontiefMatrixIsATypedError() {
        #expect(throws: IOError.singular(pivot: 2)) {
            _ = try LeontiefModel(coefficients: Matrix(rowArrays: [[0, 0], [0, 1]]))
        }
    }
}

@Suite("Ghosh model")
struct GhoshModelTests {
    /// Z = [[10, 20], [30, 40]], x = [100, 200]: B = [[0.1, 0.2], [0.15, 0.2]]. The supply identity
    /// xᵀ = vᵀ(I − B)⁻¹ must give x back for v = x − column sums of Z = [60, 140].
    @Test func valueAddedReproducesGrossOutput() throws {
        let table = try InputOutputTable(
            sectors: [IOSectorLabel(region: "", sector: "a"), IOSectorLabel(region: "", sector: "b")],
            intermediate: Matrix(rowArrays: [[10, 20], [30, 40]]), finalDemand: Matrix(rows: 2, columns: 0),
            finalDemandColumns: [], grossOutput: [100, 200], unit: "EUR")
        let model = try GhoshModel(table: table)
        #expect(abs(model.coefficients[1, 0] - 0.15) < 1e-15)
        let output = model.output(forPrimaryInputs: table.valueAdded)
        #expect(abs(output[0] - 100) < 1e-9)
        #expect(abs(output[1] - 200) < 1e-9)
    }
}
