import ChainRiskCore
import ChainRiskIO
import Testing

@Suite("Productivity and balance checks")
struct ProductivityTests {
    static func table(_ rows: [[Double]], output: [Double], finalDemand: [Double]? = nil) throws -> InputOutputTable {
        let y = finalDemand ?? output.indices.map { _ in 0 }
        return try InputOutputTable(
            sectors: output.indices.map { IOSectorLabel(region: "R", sector: "s\($0 + 1)") },
            intermediate: Matrix(rowArrays: rows), finalDemand: Matrix(rows: y.count, columns: 1, columnMajor: y),
            finalDemandColumns: [FinalDemandLabel(region: "R", category: "total")], grossOutput: output, unit: "EUR")
    }

    /// A = [[0.6, 0.5], [0.5, 0.6]]: eigenvalues 1.1 and 0.1, so ρ = 1.1 and no inverse is attempted.
    @Test func unproductiveTableIsRejectedBeforeAnyInverse() throws {
        let table = try Self.table([[60, 50], [50, 60]], output: [100, 100])
        let bounds = table.coefficientSpectralRadius()
        #expect(abs(bounds.estimate - 1.1) < 1e-10)
        #expect(!bounds.provesProductive)
        #expect(throws: IOError.self) { _ = try InputOutputAccounts(table: table) }
        do {
            _ = try InputOutputAccounts(table: table)
        } catch {
            guard case .notProductive(let radius, _) = error else {
                Issue.record("expected notProductive, got \(error)")
                return
            }
            #expect(abs(radius - 1.1) < 1e-9)
        }
    }

    /// [[0, 0.5], [0.5, 0]] is periodic (eigenvalues ±0.5): plain power iteration would not settle, the shifted
    /// one does; ρ = 0.5.
    @Test func periodicMatrixConverges() {
        let bounds = Matrix(rowArrays: [[0, 0.5], [0.5, 0]]).spectralRadiusBounds()
        #expect(abs(bounds.lower - 0.5) < 1e-12 && abs(bounds.upper - 0.5) < 1e-12)
    }

    /// Upper triangular: ρ is the largest diagonal entry (0.3), although the matrix is reducible.
    @Test func reducibleMatrixHasValidBounds() {
        let bounds = Matrix(rowArrays: [[0.3, 0.4, 0.0], [0.0, 0.2, 0.9], [0.0, 0.0, 0.1]]).spectralRadiusBounds()
        #expect(bounds.lower <= 0.3 + 1e-12 && bounds.upper >= 0.3 - 1e-12)
        #expect(abs(bounds.estimate - 0.3) < 1e-6)
    }

    /// A sector with zero output gets a zero column in A (not NaN), multiplier 1, and a `zero_output` finding.
    @Test func zeroOutputSectorGetsZeroCoefficients() throws {
        let table = try Self.table(
            [[10, 0, 0], [5, 20, 0], [0, 0, 0]], output: [100, 50, 0], finalDemand: [90, 25, 0])
        let a = table.technicalCoefficients()
        #expect((0..<3).allSatisfy { a[$0, 2] == 0 })
        let multipliers = try InputOutputAccounts(table: table).outputMultipliers()
        #expect(multipliers.allSatisfy { $0.isFinite })
        #expect(multipliers[2] == 1)
        let findings = table.balanceFindings()
        #expect(findings.map(\.kind) == [.zeroOutput])
        #expect(findings[0].message.hasPrefix("R_s3: gross output is 0"))
    }

    /// Row 1 delivers 10 + 30 + 50 = 90 against output 100 (−10 %); column 2 uses 30 + 40 = 70 > 60 (value added
    /// −10, −16.67 %); the negative flow −2 is reported on its own.
    @Test func imbalancesAndNegativeFlowsAreFindings() throws {
        let table = try Self.table([[10, 30], [-2, 40]], output: [100, 60], finalDemand: [50, 22])
        let findings = table.balanceFindings(tolerance: 0.01)
        #expect(
            findings.map(\.message) == [
                "row R_s1: deliveries 90 vs gross output 100 (-10.0 %)",
                "column R_s2: intermediate inputs 70 exceed gross output 60; value added -10 (-16.67 %)",
                "intermediate flow R_s2 → R_s1 is -2",
            ])
        #expect(findings.map(\.kind) == [.imbalance, .imbalance, .negativeValue])
        #expect(
            table.balanceFindings(tolerance: 0.2).filter { $0.kind == .imbalance }.count == 1,
            "negative value added is reported whatever the tolerance")
    }
}
