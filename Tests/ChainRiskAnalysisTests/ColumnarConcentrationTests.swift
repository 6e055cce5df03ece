import ChainRiskAnalysis
import ChainRiskCore
import Testing

/// The columnar analysis must give the accumulator's rows exactly — same order, same `Double`s bit for bit — so
/// these tests compare with `==`, not with a tolerance.
@Suite("Columnar concentration equals the flow-by-flow analysis")
struct ColumnarConcentrationTests {
    /// Flows held both ways: as columns, and as the `TradeFlow`s a reader would emit for them.
    struct Fixture {
        var countries: [CountryCode]
        var classification = Classification.hs1992
        var flow = FlowKind.imports
        var unit = ValueUnit.thousandUSD
        var rows: [(year: UInt16, reporter: Int, partner: Int, product: UInt32, value: Double?)] = []

        /// The columns, cut into blocks of `blockSize` flows.
        func columns(blockSize: Int) -> TradeFlowColumns {
            var blocks: [TradeFlowColumns.Block] = []
            for start in stride(from: 0, to: rows.count, by: blockSize) {
                var block = TradeFlowColumns.Block()
                for row in rows[start..<min(start + blockSize, rows.count)] {
                    block.years.append(row.year)
                    block.reporters.append(UInt16(row.reporter))
                    block.partners.append(UInt16(row.partner))
                    block.products.append(row.product)
                    block.values.append(row.value ?? .nan)
                }
                blocks.append(block)
            }
            return TradeFlowColumns(
                flow: flow, unit: unit, classification: classification, countries: countries, productDigits: 6,
                blocks: blocks)
        }

        var flows: [TradeFlow] {
            let columns = columns(blockSize: max(rows.count, 1))
            return rows.map { row in
                TradeFlow(
                    year: Int(row.year), reporter: countries[row.reporter], partner: countries[row.partner],
                    product: columns.productCode(row.product), flow: flow, value: row.value, unit: unit,
                    status: row.value == nil ? .missing : .reported)
            }
        }
    }

    /// All rows of the columnar analysis, block after block.
    static func columnarRows(
        _ analysis: ConcentrationAnalysis, _ files: [TradeFlowColumns],
        selection: ColumnarConcentration.Selection = .all
    ) throws -> [ImportConcentration] {
        let columnar = try #require(ColumnarConcentration(analysis: analysis, flows: files, selection: selection))
        return (0..<columnar.blockCount).flatMap { columnar.rows(inBlock: $0) }
    }

    static let countries = ["NLD", "DEU", "BEL", "FRA", "CHN", "USA", "S19", "W00", "_X", "#999", "TWN", "JPN", "BEL"]
        .map(CountryCode.init(verbatim:))

    /// A deterministic pseudo-random generator (SplitMix64), so that failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Random flows over few reporters, products and partners, so that groups repeat partners (summed per
    /// supplier), with negative, zero, missing and tied values and partners that are not countries.
    static func randomFixture(seed: UInt64, count: Int) -> Fixture {
        var random = SplitMix(state: seed)
        var fixture = Fixture(countries: countries)
        let products: [UInt32] = [10_119, 10_290, 440_110, 440_121, 440_122, 854_231, 20329]
        let values: [Double?] = [nil, 0, -3.5, 1.25, 1.25, 100, 0.001, 7.1, 12_345.678, 1e-3, 3]
        for _ in 0..<count {
            fixture.rows.append(
                (
                    year: UInt16(2019 + Int.random(in: 0..<2, using: &random)),
                    reporter: Int.random(in: 0..<4, using: &random),
                    partner: Int.random(in: 0..<countries.count, using: &random),
                    product: products[Int.random(in: 0..<products.count, using: &random)],
                    value: Bool.random(using: &random)
                        ? values[Int.random(in: 0..<values.count, using: &random)]
                        : Double(Int.random(in: 1..<1000, using: &random)) / 7
                ))
        }
        return fixture
    }

    @Test("random flows, any block size, give the accumulator's rows exactly", arguments: [1, 7, 64, 5000])
    func randomFlows(blockSize: Int) throws {
        for seed in UInt64(1)...5 {
            let fixture = Self.randomFixture(seed: seed, count: 3000)
            let analysis = ConcentrationAnalysis()
            let expected = analysis.rows(for: fixture.flows)
            #expect(try Self.columnarRows(analysis, [fixture.columns(blockSize: blockSize)]) == expected)
        }
    }

    @Test("levels: aggregated to 2 and 4 digits; beyond 6 digits nothing is left", arguments: [2, 4, 6, 8])
    func levels(level: Int) throws {
        let fixture = Self.randomFixture(seed: 11, count: 2000)
        let analysis = ConcentrationAnalysis(thresholds: .us2023, level: level)
        let expected = analysis.rows(for: fixture.flows)
        #expect(try Self.columnarRows(analysis, [fixture.columns(blockSize: 300)]) == expected)
        if level > 6 { #expect(expected.isEmpty) }
    }

    @Test("several files: same groups merge in file order; another classification is another product")
    func severalFiles() throws {
        let first = Self.randomFixture(seed: 21, count: 1500)
        var second = Self.randomFixture(seed: 22, count: 1500)
        var third = Self.randomFixture(seed: 23, count: 500)
        third.classification = .hs2017
        second.countries = second.countries.reversed()
        let analysis = ConcentrationAnalysis()
        let expected = analysis.rows(for: first.flows + second.flows + third.flows)
        let files = [first.columns(blockSize: 100), second.columns(blockSize: 999), third.columns(blockSize: 77)]
        #expect(try Self.columnarRows(analysis, files) == expected)
    }

    @Test("the selection filters reporters, years and products as read, before aggregation")
    func selection() throws {
        let fixture = Self.randomFixture(seed: 31, count: 2000)
        let analysis = ConcentrationAnalysis(level: 4)
        let reporters: Set<CountryCode> = [CountryCode(verbatim: "NLD"), CountryCode(verbatim: "FRA")]
        let expected = analysis.rows(
            for: fixture.flows.filter {
                reporters.contains($0.reporter) && $0.year == 2020 && $0.product.code.hasPrefix("44")
            })
        let selection = ColumnarConcentration.Selection(
            reporter: { reporters.contains($0) }, year: { $0 == 2020 }, product: { $0.code.hasPrefix("44") })
        let rows = try Self.columnarRows(analysis, [fixture.columns(blockSize: 128)], selection: selection)
        #expect(rows == expected)
        #expect(!rows.isEmpty)
    }

    @Test("ties on value go to the lower code; EU reporters get extra-EU figures; Other Asia counts as Taiwan")
    func tiesAndEU() throws {
        // Countries: 0 NLD, 1 DEU, 2 BEL, 3 FRA, 4 CHN, 6 S19 (→ TWN), 7 W00, 8 _X, 10 TWN, 12 BEL again.
        var fixture = Fixture(countries: Self.countries)
        fixture.rows = [
            (2021, 0, 3, 440_110, 50), (2021, 0, 1, 440_110, 50), (2021, 0, 6, 440_110, 20), (2021, 0, 10, 440_110, 5),
            (2021, 0, 12, 440_110, 10), (2021, 0, 2, 440_110, 15), (2021, 0, 7, 440_110, 400), (2021, 0, 8, 440_110, 9),
            (2021, 0, 4, 440_110, nil),
        ]
        let analysis = ConcentrationAnalysis()
        let rows = try Self.columnarRows(analysis, [fixture.columns(blockSize: 4)])
        #expect(rows == analysis.rows(for: fixture.flows))
        let row = try #require(rows.first)
        #expect(row.topSupplier == CountryCode(verbatim: "DEU"))
        #expect(row.suppliers == 4)
        #expect(row.totalValue == 400)
        #expect(row.suppressedCells == 1)
        #expect(row.extraEUShare == 25.0 / 150)
    }

    @Test("no flows, or none selected, give no rows")
    func empty() throws {
        let analysis = ConcentrationAnalysis()
        #expect(try Self.columnarRows(analysis, []).isEmpty)
        let fixture = Self.randomFixture(seed: 41, count: 100)
        #expect(
            try Self.columnarRows(analysis, [fixture.columns(blockSize: 10)], selection: .init(year: { _ in false }))
                .isEmpty)
    }
}
