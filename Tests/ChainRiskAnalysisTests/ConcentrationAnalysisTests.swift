import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Concentration per reporter, year, flow and product")
struct ConcentrationAnalysisTests {
    func flow(
        _ partner: String, _ value: Double?, product: String = "440110", reporter: String = "NLD",
        status: ValueStatus = .reported
    ) -> TradeFlow {
        TradeFlow(
            year: 2020, reporter: CountryCode(verbatim: reporter), partner: CountryCode(verbatim: partner),
            product: ProductCode(product, in: .hs2017), flow: .imports, value: value, unit: .usd, status: status
        )
    }

    @Test("shares over supplier countries; world, areas n.e.s. and bunkers are unallocated; Other Asia is Taiwan")
    func sharesAndUnallocated() throws {
        let flows = [
            flow("DEU", 50), flow("BEL", 35), flow("S19", 15), flow("_X", 7), flow("X1", 3), flow("W00", 120),
            flow("CHN", nil, status: .suppressed),
        ]
        let rows = ConcentrationAnalysis().rows(for: flows)
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.suppliers == 3)
        #expect(row.supplierValue == 100)
        #expect(row.totalValue == 120)
        #expect(row.unallocatedValue == 20)
        #expect(row.suppressedCells == 1)
        #expect(abs((row.hhi ?? 0) - 0.395) < 1e-12)
        #expect(row.concentrationClass == .highlyConcentrated)
        #expect(row.topSupplier == CountryCode(verbatim: "DEU"))
        #expect(row.topSupplierShare == 0.5)
        #expect(abs((row.cr3 ?? 0) - 1) < 1e-12)
        #expect(abs((row.effectiveSuppliers ?? 0) - 1 / 0.395) < 1e-9)
        // NLD is in the EU27: extra-EU suppliers are Taiwan only (15 of 100), one supplier so HHI 1.
        #expect(row.extraEUShare == 0.15)
        #expect(row.extraEUHHI == 1)
    }

    @Test("without a world row the total is the sum over all partners")
    func totalWithoutWorld() throws {
        let row = try #require(ConcentrationAnalysis().rows(for: [flow("DEU", 60), flow("_X", 40)]).first)
        #expect(row.totalValue == 100)
        #expect(row.unallocatedValue == 40)
        #expect(row.hhi == 1)
    }

    @Test("aggregating to a level sums children per supplier before squaring shares")
    func levels() throws {
        let flows = [
            flow("DEU", 30, product: "440110"), flow("DEU", 30, product: "440121"), flow("FRA", 40, product: "440122"),
            flow("FRA", 5, product: "4402"),
        ]
        let rows = ConcentrationAnalysis(level: 4).rows(for: flows)
        #expect(rows.map(\.product.code) == ["4401", "4402"])
        // 4401: DEU 60, FRA 40 → 0.36 + 0.16 = 0.52.
        #expect(abs((rows[0].hhi ?? 0) - 0.52) < 1e-12)
        #expect(rows[1].hhi == 1)
    }

    @Test("ties for the top supplier break by country code, so output is deterministic")
    func ties() throws {
        let row = try #require(ConcentrationAnalysis().rows(for: [flow("FRA", 10), flow("BEL", 10)]).first)
        #expect(row.topSupplier == CountryCode(verbatim: "BEL"))
    }

    @Test("a negative net supplier value stays out of the shares and counts as unallocated")
    func negativeSupplier() throws {
        let row = try #require(
            ConcentrationAnalysis().rows(for: [flow("DEU", 75), flow("BEL", 25), flow("FRA", -10)]).first)
        #expect(row.suppliers == 2)
        #expect(row.supplierValue == 100)
        #expect(row.totalValue == 90)
        #expect(row.unallocatedValue == -10)
        // 0.75² + 0.25² = 0.625.
        #expect(abs((row.hhi ?? 0) - 0.625) < 1e-12)
        #expect(row.topSupplierShare == 0.75)
    }
}
