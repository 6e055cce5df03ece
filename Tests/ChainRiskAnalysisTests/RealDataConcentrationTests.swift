import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import Testing

/// Import concentration on real UN Comtrade data against an independent computation.
///
/// Expected values: `scripts/expected/concentration_expected.py`, Python 3.11.7, standard library only (`csv`,
/// `gzip`, `math.fsum`; no pandas or numpy), written once to `Fixtures/` with full precision (`repr`). Partner rule,
/// implemented in Python from the bundled `countries.csv` and `special_areas.csv`: a code in `countries.csv` is a
/// supplier; a special code with a `maps_to` country is that supplier (S19 → TWN); W00 is the world total (the files
/// have none); every other code (`_X`, `X1`, `XX`, `E19`, `F19`) is unallocated — in the total, not in the shares.
/// Top supplier ties go to the lower ISO3 code; extra-EU measures use the `eu27` column. Details:
/// `scripts/expected/README.md`. Tolerances (`RealDataComparison`): HHI, shares, CR3 to 1e-9 absolute; values to
/// 1e-9 relative; supplier count, top supplier and `letter` class exactly; row sets must be equal.
@Suite("Import concentration on real Comtrade data: NL and EU27 wood, paper and furniture imports 2018–2022")
struct RealDataConcentrationTests {
    @Test("NL: 10,631 flows give 191 (year, product) rows, every field as computed in Python")
    func netherlands() throws {
        let (summary, flows) = try RealTradeData.netherlandsFlows.get()
        #expect(summary.flowsEmitted == 10_631)
        let rows = ConcentrationAnalysis().rows(for: flows)
        let expected = try RealDataExpectedRow.rows("nld_wood_paper_furniture_concentration.csv")
        #expect(expected.count == 191)
        #expect(rows.count == 191)
        let comparison = RealDataComparison(actual: rows, expected: expected)
        #expect(comparison.compared == 191)
        #expect(comparison.agrees)

        // 2022, 470693 semi-chemical pulp of other fibres: PHL 8,819,600.297 of 8,968,755.158 USD, 3 suppliers.
        let pulp = try #require(rows.first { $0.year == 2022 && $0.product.code == "470693" })
        #expect(pulp.topSupplier == CountryCode(verbatim: "PHL"))
        #expect(abs((pulp.hhi ?? 0) - 0.967290963184589) <= 1e-9)
        #expect(pulp.concentrationClass == .highlyConcentrated)
        // 2022, 4407 sawn wood: 1,820,008.168 USD of 1,527,098,979.974 unallocated (areas nes), SWE 22.9 %.
        let sawnWood = try #require(rows.first { $0.year == 2022 && $0.product.code == "4407" })
        #expect(abs(sawnWood.unallocatedValue - 1_820_008.168) <= 1e-3)
        #expect(sawnWood.topSupplier == CountryCode(verbatim: "SWE"))
        #expect(abs((sawnWood.hhi ?? 0) - 0.1210949264263032) <= 1e-9)
        #expect(sawnWood.concentrationClass == .notConcentrated)
        // 2022, chapter 48 paper (an HS2 code in the file): DEU 33.8 %, HHI 0.1516, somewhat concentrated.
        let paper = try #require(rows.first { $0.year == 2022 && $0.product.code == "48" })
        #expect(abs((paper.topSupplierShare ?? 0) - 0.338267187485059) <= 1e-9)
        #expect(paper.concentrationClass == .somewhatConcentrated)
    }

    @Test("EU27: 173,358 flows give 5,004 (reporter, year, product) rows, extra-EU share and HHI included")
    func europeanUnion() throws {
        var accumulator = ConcentrationAnalysis().accumulator()
        let summary = try ComtradeReader().read(RealTradeData.euImports, options: ReadOptions()) { flow, _ in
            accumulator.add(flow)
        }
        #expect(summary.recordsRead == 173_358)
        #expect(summary.flowsEmitted == 173_358)
        let rows = accumulator.rows()
        let expected = try RealDataExpectedRow.rows("eu27_wood_paper_furniture_concentration.csv.gz")
        #expect(expected.count == 5_004)
        #expect(rows.count == 5_004)
        #expect(Set(rows.map(\.reporter)).count == 27)
        let comparison = RealDataComparison(actual: rows, expected: expected)
        #expect(comparison.compared == 5_004)
        #expect(comparison.agrees)
        // One row has no supplier at all: LUX 2021 4703 is 66.896 USD from E19 "Other Europe, nes" only. It is kept,
        // all unallocated, with no HHI, class, top supplier or extra-EU share; every other row has an extra-EU share.
        let unallocatedOnly = rows.filter { $0.extraEUShare == nil }
        #expect(unallocatedOnly.map { "\($0.reporter) \($0.year) \($0.product.code)" } == ["LUX 2021 4703"])
        let sulphatePulp = try #require(unallocatedOnly.first)
        #expect(abs(sulphatePulp.totalValue - 66.896) <= 1e-9 && abs(sulphatePulp.unallocatedValue - 66.896) <= 1e-9)
        #expect(sulphatePulp.supplierValue == 0 && sulphatePulp.suppliers == 0)
        #expect(sulphatePulp.hhi == nil && sulphatePulp.concentrationClass == nil && sulphatePulp.topSupplier == nil)

        // AUT 2018 4406 railway sleepers: DEU and CZE only, so no extra-EU supplier: share 0, extra-EU HHI absent.
        let sleepers = try #require(
            rows.first { $0.reporter.rawValue == "AUT" && $0.year == 2018 && $0.product.code == "4406" })
        #expect(sleepers.suppliers == 2)
        #expect(abs(sleepers.extraEUShare ?? .nan) <= 1e-12)
        #expect(sleepers.extraEUHHI == nil)
        #expect(abs((sleepers.hhi ?? 0) - 0.5068140544358971) <= 1e-9)
    }
}
