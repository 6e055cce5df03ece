import ChainRiskCore
import ChainRiskIO
import Testing

/// Miller & Blair, Input-Output Analysis, 2nd ed. (2009), section 2.3: the two-sector example.
/// Z = [[150, 500], [200, 100]], x = [1000, 2000] → A = [[.15, .25], [.2, .05]] and, to the book's four decimals,
/// L = [[1.2541, 0.3300], [0.2640, 1.1221]]. Full-precision values from scripts/derive_io_expectations.py
/// (numpy): L = [[1.254125412541254, 0.33003300330033003], [0.26402640264026406, 1.1221122112211221]],
/// multipliers [1.518151815181518, 1.4521452145214522], backward [1.0222222222222221, 0.9777777777777779],
/// forward [1.2083333333333333, 0.7916666666666666]. Exactly: det(I − A) = .85·.95 − .25·.2 = .7575, so
/// L₁₁ = .95/.7575 and the multiplier of sector 1 is (.95 + .2)/.7575 = 1.5181518…
@Suite("Miller & Blair two-sector example")
struct MillerBlairTests {
    static func table() throws -> InputOutputTable {
        try InputOutputTable(
            sectors: [IOSectorLabel(region: "", sector: "1"), IOSectorLabel(region: "", sector: "2")],
            intermediate: Matrix(rowArrays: [[150, 500], [200, 100]]),
            finalDemand: Matrix(rowArrays: [[350], [1700]]),
            finalDemandColumns: [FinalDemandLabel(region: "", category: "total")],
            grossOutput: [1000, 2000], unit: "$")
    }

    @Test func technicalCoefficientsAndLeontiefInverseMatchTheBook() throws {
        let accounts = try InputOutputAccounts(table: Self.table())
        let a = accounts.leontief.coefficients
        #expect(abs(a[0, 0] - 0.15) < 1e-15 && abs(a[0, 1] - 0.25) < 1e-15)
        #expect(abs(a[1, 0] - 0.20) < 1e-15 && abs(a[1, 1] - 0.05) < 1e-15)
        let l = accounts.leontiefInverse()
        let book = [[1.2541, 0.3300], [0.2640, 1.1221]]
        let numpy = [[1.254125412541254, 0.33003300330033003], [0.26402640264026406, 1.1221122112211221]]
        for i in 0..<2 {
            for j in 0..<2 {
                #expect(abs(l[i, j] - book[i][j]) < 0.5e-4, "L[\(i),\(j)] rounds to the book's figure")
                #expect(IOTestData.close(l[i, j], numpy[i][j], relative: 1e-14))
            }
        }
        #expect(IOTestData.close(l[0, 0], 0.95 / 0.7575, relative: 1e-14))
    }

    @Test func multipliersAndLinkages() throws {
        let accounts = try InputOutputAccounts(table: Self.table())
        let linkages = accounts.sectorLinkages()
        let expected: [(Double, Double, Double)] = [
            (1.518151815181518, 1.0222222222222221, 1.2083333333333333),
            (1.4521452145214522, 0.9777777777777779, 0.7916666666666666),
        ]
        for (linkage, values) in zip(linkages, expected) {
            #expect(IOTestData.close(linkage.outputMultiplier, values.0, relative: 1e-14))
            #expect(IOTestData.close(linkage.backwardLinkage, values.1, relative: 1e-14))
            #expect(IOTestData.close(linkage.forwardLinkage, values.2, relative: 1e-14))
        }
        #expect(IOTestData.close(linkages[0].outputMultiplier, 1.15 / 0.7575, relative: 1e-14))
    }

    /// L·y with y = x − Z·1 = [350, 1700] gives x back.
    @Test func leontiefSolveReproducesGrossOutput() throws {
        let accounts = try InputOutputAccounts(table: Self.table())
        let output = accounts.output(for: [350, 1700])
        #expect(abs(output[0] - 1000) < 1e-9 && abs(output[1] - 2000) < 1e-9)
    }

    /// Eigenvalues of A: 0.1 ± √(0.01 + 0.0425), so ρ(A) = 0.1 + √0.0525.
    @Test func spectralRadiusIsThePerronRoot() throws {
        let bounds = try Self.table().coefficientSpectralRadius()
        let rho = 0.1 + 0.0525.squareRoot()
        #expect(bounds.lower <= rho + 1e-15 && rho <= bounds.upper + 1e-15)
        #expect(abs(bounds.estimate - rho) < 1e-11)
        #expect(bounds.provesProductive)
    }
}
