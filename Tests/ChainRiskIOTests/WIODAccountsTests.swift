import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import Testing

/// L, multipliers and linkages on the real WIOD 2011 tables against an independent numpy computation.
///
/// Expected values: `python scripts/derive_io_expectations.py` (numpy 2.x, np.linalg.inv on the dense tables read
/// with pandas; its output lists every figure below with 17 significant digits). Tolerance 1e-9 relative.
@Suite("WIOD accounts against numpy")
struct WIODAccountsTests {
    struct Expected {
        var sumOfMultipliers: Double
        var maxMultiplier: Double
        var argmaxMultiplier: String
        var multiplierNLDc14: Double
        var backwardNLDc14: Double
        var forwardNLDc14: Double
        var multiplierCHNc12: Double
        var forwardCHNc12: Double
        var leontiefNLDc14NLDc14: Double
        var leontiefNLDc9NLDc14: Double
        var traceOfL: Double
        var outputNLDc14: Double
        var maxForward: Double
        var argmaxForward: String
        var spectralRadius: Double
    }

    static let nld11 = Expected(
        sumOfMultipliers: 829.191192997221, maxMultiplier: 3.609688067719533, argmaxMultiplier: "CHN_c14",
        multiplierNLDc14: 2.6039387894342556, backwardNLDc14: 1.2090292834737673, forwardNLDc14: 0.9788407475513892,
        multiplierCHNc12: 3.2500989778861906, forwardCHNc12: 1.669144819870872,
        leontiefNLDc14NLDc14: 1.0127885686133975, leontiefNLDc9NLDc14: 0.007938747675868807,
        traceOfL: 424.24774347117386, outputNLDc14: 29627.39268124244,
        maxForward: 2.0776326085572823, argmaxForward: "CHN_c2", spectralRadius: 0.6083143688984105)

    static let full = Expected(
        sumOfMultipliers: 3024.2328919607007, maxMultiplier: 3.6286694382793785, argmaxMultiplier: "CHN_c14",
        multiplierNLDc14: 2.597889292106664, backwardNLDc14: 1.2326997514255946, forwardNLDc14: 1.0030117234034361,
        multiplierCHNc12: 3.2610108579185644, forwardCHNc12: 1.7089116715200678,
        leontiefNLDc14NLDc14: 1.012817062943861, leontiefNLDc9NLDc14: 0.007947149586745392,
        traceOfL: 1562.7746733136123, outputNLDc14: 29630.386793891634,
        maxForward: 2.395175109633423, argmaxForward: "CYP_c2", spectralRadius: 0.6101618961551183)

    @Test(arguments: ["nld11", "full"])
    func accountsMatchNumpy(tableName: String) throws {
        let loaded = tableName == "full" ? try IOTestData.fullTable() : try IOTestData.nld11Table()
        let expected = tableName == "full" ? Self.full : Self.nld11
        let table = loaded.table
        let accounts = try InputOutputAccounts(table: table)
        let linkages = accounts.sectorLinkages()
        let index = Dictionary(uniqueKeysWithValues: table.sectors.enumerated().map { ($1.combined, $0) })
        let nld14 = try #require(index["NLD_c14"])
        let nld9 = try #require(index["NLD_c9"])
        let chn12 = try #require(index["CHN_c12"])

        let multipliers = linkages.map(\.outputMultiplier)
        #expect(IOTestData.close(multipliers.reduce(0, +), expected.sumOfMultipliers))
        let maxMultiplier = try #require(linkages.max { $0.outputMultiplier < $1.outputMultiplier })
        #expect(IOTestData.close(maxMultiplier.outputMultiplier, expected.maxMultiplier))
        #expect(maxMultiplier.sector.combined == expected.argmaxMultiplier)
        #expect(IOTestData.close(multipliers[nld14], expected.multiplierNLDc14))
        #expect(IOTestData.close(linkages[nld14].backwardLinkage, expected.backwardNLDc14))
        #expect(IOTestData.close(linkages[nld14].forwardLinkage, expected.forwardNLDc14))
        #expect(IOTestData.close(multipliers[chn12], expected.multiplierCHNc12))
        #expect(IOTestData.close(linkages[chn12].forwardLinkage, expected.forwardCHNc12))
        let maxForward = try #require(linkages.max { $0.forwardLinkage < $1.forwardLinkage })
        #expect(IOTestData.close(maxForward.forwardLinkage, expected.maxForward))
        #expect(maxForward.sector.combined == expected.argmaxForward)
        #expect(abs(linkages.map(\.backwardLinkage).reduce(0, +) - Double(table.sectorCount)) < 1e-9)
        #expect(multipliers.allSatisfy { $0 >= 1 - 1e-12 }, "L ≥ I for a productive table")

        let inverse = accounts.leontiefInverse()
        #expect(IOTestData.close(inverse[nld14, nld14], expected.leontiefNLDc14NLDc14))
        #expect(IOTestData.close(inverse[nld9, nld14], expected.leontiefNLDc9NLDc14))
        #expect(IOTestData.close((0..<table.sectorCount).reduce(0) { $0 + inverse[$1, $1] }, expected.traceOfL))
        let columnSums = inverse.columnSums()
        #expect(
            IOTestData.close(columnSums[nld14], multipliers[nld14], relative: 1e-12),
            "multipliers from the transposed solve equal column sums of L")

        let output = accounts.output(for: table.totalFinalDemand)
        #expect(IOTestData.close(output[nld14], expected.outputNLDc14))

        let bounds = table.coefficientSpectralRadius()
        #expect(
            bounds.lower <= expected.spectralRadius * (1 + 1e-10)
                && expected.spectralRadius <= bounds.upper * (1 + 1e-10))
        #expect(IOTestData.close(bounds.estimate, expected.spectralRadius, relative: 1e-10))
    }
}
