import ChainRiskCore
import ChainRiskIngest
import Testing

/// The CBS reader on the real 85427NED excerpt and on small StatLine CSV files.
///
/// Expected numbers were computed once with Python's standard library:
/// `v=json.load(open('85427NED_TypedDataSet_excerpt.json'))['value']`,
/// `M=['TotaleInvoerwaarde_1','TotaleUitvoerwaarde_2','Wederuitvoerwaarde_3','UitvoerwaardeProductNL_4']`,
/// `full=[r for r in v if int(r['Perioden'][:4])<2026]` (2026JJ00 is the running year: partial, skipped).
@Suite("CBS reader")
struct CBSReaderTests {
    let excerpt = ComtradeTestData.cbs("85427NED_TypedDataSet_excerpt.json")

    @Test func typedDataSetExcerpt() throws {
        var sums: [FlowKind: Double] = [:]
        var tally = ComtradeTestData.Tally()
        var products: Set<ProductCode> = []
        var years: Set<Int> = []
        var suppressedCuracao: TradeFlow?
        let summary = try CBSReader(currentYear: 2026).read(excerpt, options: ReadOptions()) { flow, _ in
            tally.add(flow)
            sums[flow.flow, default: 0] += flow.value ?? 0
            products.insert(flow.product)
            years.insert(flow.year)
            if flow.partner == CountryCode(verbatim: "CUW"), flow.year == 2015, flow.flow == .imports,
                !flow.product.isTotal
            {
                suppressedCuracao = flow
            }
        }
        // len(v) -> 121; len(full), 4*len(full) -> 111, 444
        #expect(summary.recordsRead == 121)
        #expect(summary.flowsEmitted == 444)
        #expect(tally.flows == 444)
        // sum(r[m] is None for r in full for m in M) -> 7 (8 in all of v: one more in Djibouti 2026)
        #expect(tally.suppressed == 7)
        #expect(summary.findings.counts[.suppressedCell] == 7)
        // the 10 records of 2026JJ00 are partial
        #expect(summary.findings.counts[.partialPeriod] == 10)
        #expect(years == Set(2015...2025))
        // math.fsum(r[m] for r in full for m in M if r[m] is not None) -> 27331642.0
        #expect(ComtradeTestData.isClose(tally.sum, 27_331_642.0))
        // per measure: math.fsum(r[m] for r in full if r[m] is not None)
        #expect(sums[.imports] == 8_045_990)
        #expect(sums[.exports] == 9_642_826)
        #expect(sums[.reExports] == 3_732_690)
        #expect(sums[.exportsOfOwnMake] == 5_910_136)
        // Counter(r['Landen'] for r in full) -> T001047 22, L008587 22, L008588 22, L008589 22, L008586 18, L007935 5
        #expect(
            tally.partners == [
                CountryCode(verbatim: "T001047"): 88, CountryCode(verbatim: "CYP"): 88,
                CountryCode(verbatim: "DNK"): 88,
                CountryCode(verbatim: "DJI"): 88, CountryCode(verbatim: "CUW"): 72,
                CountryCode(verbatim: "L007935"): 20,
            ])
        #expect(summary.findings.counts[.aggregatePartner] == 2)
        #expect(products == [.total(in: .sitc4), ProductCode("3", in: .sitc4)])
        #expect(tally.world == 0)
        // ID 37: Curaçao, SITC 3, 2015, TotaleInvoerwaarde_1 null → suppressed, never zero
        let cell = try #require(suppressedCuracao)
        #expect(cell.status == .suppressed && cell.value == nil)
        #expect(cell.unit == .millionEUR && cell.reporter == .netherlands && cell.month == 0)
        #expect(summary.findings.total == 7 + 10 + 2)
    }

    @Test func excerptWhenTheYearIsOver() throws {
        let (summary, tally) = try ComtradeTestData.tally(CBSReader(currentYear: 2027), excerpt)
        // 4*len(v) -> 484; sum(r[m] is None for r in v for m in M) -> 8; math.fsum(... for r in v ...) -> 28872204.0
        #expect(summary.flowsEmitted == 484)
        #expect(tally.suppressed == 8)
        #expect(ComtradeTestData.isClose(tally.sum, 28_872_204.0))
        #expect(summary.findings.counts[.partialPeriod] == nil)
    }

    @Test func optionsOverrideReporterClassificationAndUnit() throws {
        let options = ReadOptions(classification: .sitc3, reporter: CountryCode(verbatim: "BEL"), unit: .eur)
        let (_, flows) = try ComtradeTestData.flows(CBSReader(currentYear: 2026), excerpt, options: options)
        let first = try #require(flows.first)
        #expect(first.reporter == CountryCode(verbatim: "BEL"))
        #expect(first.product == .total(in: .sitc3))
        #expect(first.unit == .eur)
        #expect(first.value == 390_477)
    }

    static let statLineCSV = """
        "ID";"Landen";"SITC";"Perioden";"TotaleInvoerwaarde_1";"TotaleUitvoerwaarde_2";"Wederuitvoerwaarde_3";"UitvoerwaardeProductNL_4";"Handelsbalans_5"
        0;"T001047";"T001082";"2024JJ00";"  460384";"  563148";"  203411";"  359737";"  102764"
        1;"L008575";"A018743";"2024JJ00";"   45123.4";"    4012,5";"       .";"    1200";"-41110"
        2;"L008586";"A018591";"2024MM03";"       .";"       1";"       0";"";"1"
        3;"L008592";"T001082";"2024KW01";"1";"2";"3";"4";"5"
        4;"L009999";"A051811";"2025JJ00";"-";"10";"5";"5";"10"
        5;"Duitsland";"3 Minerale brandstoffen, smeermiddele...";"2026 januari-juli*";"1";"2";"3";"4";"5"
        6;"L008552";"T001082";"2025 december*";"10";"20";"30";"40";"0"

        """

    @Test func statLineCSV() throws {
        let file = try ComtradeTestData.temporaryFile(Self.statLineCSV, name: "85427NED_UntypedDataSet.csv")
        defer { ComtradeTestData.remove(file) }
        let (summary, flows) = try ComtradeTestData.flows(CBSReader(currentYear: 2026), file)
        #expect(summary.recordsRead == 7)
        // records 3 (quarter) and 5 (year-to-date) are skipped; 5 records × 4 measures
        #expect(flows.count == 20)
        #expect(flows.filter { $0.status == .suppressed }.count == 2)
        #expect(flows.filter { $0.status == .nil }.map(\.value) == [0, 0])
        #expect(flows.filter { $0.status == .provisional }.count == 4)
        let total = flows.compactMap(\.value).reduce(0, +)
        // 1586680 + (45123.4 + 4012.5 + 1200) + (1 + 0 + 0) + (0 + 10 + 5 + 5) + (10 + 20 + 30 + 40)
        #expect(ComtradeTestData.isClose(total, 1_637_136.9))
        let china = flows.filter { $0.partner == CountryCode(verbatim: "CHN") }
        #expect(china.map(\.value) == [45_123.4, 4_012.5, nil, 1_200])
        #expect(china.map(\.flow) == [.imports, .exports, .reExports, .exportsOfOwnMake])
        #expect(china.first?.product == ProductCode("7", in: .sitc4))
        let curacao = try #require(flows.first { $0.partner == CountryCode(verbatim: "CUW") })
        #expect(curacao.month == 3 && curacao.year == 2024 && curacao.status == .suppressed)
        let unknown = try #require(flows.first { $0.partner == CountryCode(verbatim: "L009999") })
        #expect(unknown.product == ProductCode("NPNL", in: .sitc4))
        let belgium = try #require(flows.first { $0.partner == CountryCode(verbatim: "BEL") })
        #expect(belgium.month == 12 && belgium.status == .provisional)
        #expect(
            summary.findings.counts == [
                .unknownCode: 2, .suppressedCell: 2, .skippedRow: 1, .partialPeriod: 1, .aggregatePartner: 1,
                .mappedCode: 1,
            ])
    }

    @Test func statLineCSVErrors() throws {
        let header = "\"ID\";\"Landen\";\"SITC\";\"Perioden\";\"TotaleInvoerwaarde_1\"\n"
        func failure(_ row: String) throws -> InputError? {
            let file = try ComtradeTestData.temporaryFile(header + row, name: "s.csv")
            defer { ComtradeTestData.remove(file) }
            return ComtradeTestData.inputError {
                _ = try CBSReader(currentYear: 2026).read(file, options: ReadOptions()) { _, _ in }
            }
        }
        // `1;"L008575";"A018743";"2024JJ00";` is 33 bytes: the value's opening quote is column 34.
        let number = try #require(try failure("1;\"L008575\";\"A018743\";\"2024JJ00\";\"45.123,4\"\n"))
        #expect(number.code == .badNumber)
        #expect(number.location == SourceLocation(file: "s.csv", line: 2, column: 34))
        let period = try #require(try failure("1;\"L008575\";\"A018743\";\"2024XX01\";\"1\"\n"))
        #expect(period.code == .badValue)
        #expect(period.location == SourceLocation(file: "s.csv", line: 2, column: 23))
        let columns = try #require(try failure("1;\"L008575\";\"A018743\";\"2024JJ00\"\n"))
        #expect(columns.code == .wrongColumnCount)
        let quote = try #require(try failure("1;\"L008575\";\"A018743\";\"2024JJ00\";\"1\n"))
        #expect(quote.code == .unterminatedQuote)
        #expect(quote.location == SourceLocation(file: "s.csv", line: 2, column: 34))
    }

    @Test func pagedAndTruncatedTypedDataSet() throws {
        let page = """
            {"odata.metadata":"m","value":[{"ID":0,"Landen":"L008592","SITC":"T001082","Perioden":"2015JJ00","TotaleInvoerwaarde_1":1}],
             "odata.nextLink":"https://opendata.cbs.nl/ODataFeed/odata/85427NED/TypedDataSet?$skip=10000"}
            """
        let file = try ComtradeTestData.temporaryFile(page, name: "p.json")
        defer { ComtradeTestData.remove(file) }
        let (summary, flows) = try ComtradeTestData.flows(CBSReader(currentYear: 2026), file)
        #expect(flows.map(\.partner) == [CountryCode(verbatim: "DEU")])
        #expect(summary.findings.counts == [.skippedRow: 1])

        let truncated = try ComtradeTestData.temporaryFile(
            #"{"value":[{"ID":0,"Landen":"L008592","TotaleInvoerwaarde_1":nul"#, name: "t.json")
        defer { ComtradeTestData.remove(truncated) }
        let error = try #require(
            ComtradeTestData.inputError {
                _ = try CBSReader(currentYear: 2026).read(truncated, options: ReadOptions()) { _, _ in }
            })
        // The document ends inside `nul` (columns 61–63): the input ends at column 64.
        #expect(error.code == .badStructure)
        #expect(error.message.contains("truncated"))
        #expect(error.location == SourceLocation(file: "t.json", line: 1, column: 64))
    }

    @Test func periods() throws {
        let file = try ComtradeTestData.temporaryFile(
            "Landen;Perioden;TotaleInvoerwaarde_1\nL008592;2020KW02;1\nL008592;2020MM13;1\n", name: "q.csv")
        defer { ComtradeTestData.remove(file) }
        let error = try #require(
            ComtradeTestData.inputError {
                _ = try CBSReader(currentYear: 2026).read(file, options: ReadOptions()) { _, _ in }
            })
        // The quarter on line 2 is skipped; month 13 on line 3 is no period.
        #expect(error.code == .badValue)
        #expect(error.location == SourceLocation(file: "q.csv", line: 3, column: 9))
    }
}
