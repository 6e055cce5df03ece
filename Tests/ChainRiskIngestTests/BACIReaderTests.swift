import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

@Suite("BACI reader")
struct BACIReaderTests {
    /// Expected figures per sample year, computed once with Python from the shared files:
    /// `python3 -c "import csv,sys;from decimal import Decimal as D;r=list(csv.DictReader(open(sys.argv[1])));
    ///  print(len(r),sum(D(x['v']) for x in r),sum(x['q']=='' for x in r),len({x['i'] for x in r}))" FILE`
    struct YearFigures: Sendable, CustomTestStringConvertible {
        let year: Int
        let rows: Int
        let valueSum: Double
        let emptyQuantities: Int
        let exporters: Int
        var testDescription: String { String(year) }
    }

    static let years: [YearFigures] = [
        YearFigures(year: 2017, rows: 10_770, valueSum: 5376.384, emptyQuantities: 244, exporters: 200),
        YearFigures(year: 2018, rows: 10_857, valueSum: 5440.755, emptyQuantities: 276, exporters: 204),
        YearFigures(year: 2019, rows: 10_978, valueSum: 5492.588, emptyQuantities: 260, exporters: 196),
        YearFigures(year: 2020, rows: 10_595, valueSum: 5289.406, emptyQuantities: 291, exporters: 193),
        YearFigures(year: 2021, rows: 11_123, valueSum: 5542.900, emptyQuantities: 331, exporters: 194),
        YearFigures(year: 2022, rows: 11_069, valueSum: 5502.802, emptyQuantities: 341, exporters: 195),
        YearFigures(year: 2023, rows: 10_837, valueSum: 5378.387, emptyQuantities: 383, exporters: 192),
    ]

    @Test("sample totals per year match an independent count", arguments: years)
    func sampleTotals(_ expected: YearFigures) throws {
        let (flows, _, summary) = try BACITestData.readAll(BACIReader(), BACITestData.baciSample(year: expected.year))
        #expect(summary.recordsRead == expected.rows)
        #expect(summary.flowsEmitted == expected.rows)
        #expect(flows.count == expected.rows)
        let valueSum = flows.reduce(0.0) { $0 + ($1.value ?? 0) }
        #expect(abs(valueSum - expected.valueSum) < 1e-6)
        #expect(flows.filter { $0.quantity == nil }.count == expected.emptyQuantities)
        #expect(Set(flows.map(\.reporter)).count == expected.exporters)
        #expect(flows.allSatisfy { $0.year == expected.year && $0.month == 0 && $0.flow == .exports })
        #expect(flows.allSatisfy { $0.unit == .thousandUSD && $0.status == .reported && $0.quantityUnit == "t" })
        #expect(flows.allSatisfy { $0.product.classification == .hs1992 && $0.product.code.utf8.count == 6 })
        #expect(summary.findings.counts[.unitAssumed] == nil)
    }

    @Test func firstRowOf2017() throws {
        let (flows, lines, _) = try BACITestData.readAll(BACIReader(), BACITestData.baciSample(year: 2017))
        // 2017,24,44,190219,0.434,0.375
        let first = try #require(flows.first)
        #expect(lines.first == 2)
        #expect(first.reporter.rawValue == "AGO")
        #expect(first.partner.rawValue == "BHS")
        #expect(first.product == ProductCode("190219", in: .hs1992))
        #expect(first.value == 0.434)
        #expect(first.quantity == 0.375)
    }

    @Test func cepiiSpecialCodesAndPadding() throws {
        let (flows, lines, _) = try BACITestData.readAll(BACIReader(), BACITestData.baciSample(year: 2017))
        func flow(atLine line: Int) throws -> TradeFlow { try #require(lines.firstIndex(of: line).map { flows[$0] }) }
        // Line 2186: 2017,251,579,630900,0.644,0.935 — CEPII 251 is France, 579 Norway.
        let france = try flow(atLine: 2186)
        #expect(france.reporter.rawValue == "FRA" && france.partner.rawValue == "NOR")
        // 333 rows have exporter 251: grep -c '^2017,251,' FILE
        #expect(flows.filter { $0.reporter.rawValue == "FRA" }.count == 333)
        // Line 50: 2017,56,724,20110,0.073,0.380 — k written without its leading zero.
        #expect(try flow(atLine: 50).product.code == "020110")
        // Line 31: 2017,36,144,900652,0.572, — empty quantity is unknown, not zero.
        #expect(try flow(atLine: 31).quantity == nil)
    }

    /// CEPII's own codes through the bundled country table (`scripts/cepii_codes.csv`).
    @Test func cepiiCodesThatDifferFromISO() throws {
        let rows = [
            (251, "FRA"), (842, "USA"), (699, "IND"), (757, "CHE"), (579, "NOR"), (490, "TWN"), (58, "BEL"),
            (711, "ZA1"), (528, "NLD"),
        ]
        let text = "t,i,j,k,v,q\n" + rows.map { "1998,\($0.0),528,10121,1,1\n" }.joined()
        let file = try BACITestData.file(named: "BACI_HS92_Y1998_V202501.csv", contents: text)
        let (flows, _, summary) = try BACITestData.readAll(BACIReader(), file)
        #expect(flows.map(\.reporter.rawValue) == rows.map(\.1))
        // 490 is "Other Asia, nes": Taiwan by convention, said once as Comtrade's S19 is; the others are definitions.
        #expect(summary.findings.total == 1)
        #expect(summary.findings.counts[.mappedCode] == 1)
        #expect(
            summary.findings.examples.first?.message.contains("490 'Other Asia, nes' (1 row) mapped to TWN") == true)
    }

    @Test("the 2021 sample's 269 rows with code 490 (Python: rows with i or j = 490) give one mapped_code finding")
    func taiwanByConvention() throws {
        let (_, _, summary) = try BACITestData.readAll(BACIReader(), BACITestData.baciSample(year: 2021))
        let finding = try #require(summary.findings.examples.first { $0.kind == .mappedCode })
        #expect(finding.message.contains("(269 rows) mapped to TWN"))
    }

    @Test func importViewSwapsReporterAndPartner() throws {
        let options = ReadOptions(flow: .imports)
        let (flows, _, _) = try BACITestData.readAll(
            BACIReader(), BACITestData.baciSample(year: 2017), options: options)
        let first = try #require(flows.first)
        #expect(first.reporter.rawValue == "BHS" && first.partner.rawValue == "AGO" && first.flow == .imports)
    }

    @Test func otherFlowConceptsAreRefused() throws {
        let error = #expect(throws: InputError.self) {
            try BACITestData.readAll(
                BACIReader(), BACITestData.baciSample(year: 2017), options: ReadOptions(flow: .reExports))
        }
        // The option, not the file, is wrong: a usage error (exit 64).
        #expect(error?.code == .badOption)
    }

    @Test func unknownCodesAreKeptWithOneFindingPerCode() throws {
        let file = try BACITestData.file(
            named: "BACI_HS17_Y2020_V202501.csv",
            contents:
                "t,i,j,k,v,q\n2020,251,999,10121,1.5,\n2020,999,842,10121,2.5,3\n2020,251,998,10121,1,1\n2020,251,1234,10121,1,1\n"
        )
        let (flows, _, summary) = try BACITestData.readAll(BACIReader(), file)
        #expect(flows.map(\.partner.rawValue) == ["#999", "USA", "#998", "#1234"])
        #expect(flows[1].reporter.rawValue == "#999")
        #expect(flows.allSatisfy { $0.product == ProductCode("010121", in: .hs2017) })
        #expect(summary.findings.counts[.unknownCode] == 3)
        let finding = try #require(summary.findings.examples.first { $0.message.contains("999") })
        #expect(finding.message.contains("'#999'") && finding.message.contains("2 rows"))
        #expect(finding.location == SourceLocation(file: "BACI_HS17_Y2020_V202501.csv", line: 2, column: 10))
    }

    @Test(arguments: [
        ("BACI_HS92_Y2017_V202501.csv", "HS1992"), ("BACI_HS96_Y2000_V202501.csv", "HS1996"),
        ("/data/BACI_HS02_Y2010_V202401b.csv", "HS2002"), ("BACI_HS07_Y2010_V202501.csv", "HS2007"),
        ("baci_hs12_y2015_v202301.csv.gz", "HS2012"), ("BACI_HS17_Y2020_V202501.csv", "HS2017"),
        ("BACI_HS22_Y2023_V202501.csv", "HS2022"),
    ])
    func classificationFromFileName(name: String, token: String) {
        #expect(BACIReader.classification(fileName: name)?.token == token)
    }

    @Test func classificationWithoutVintageInTheName() throws {
        #expect(BACIReader.classification(fileName: "trade.csv") == nil)
        #expect(BACIReader.classification(fileName: "BACI_HS1_Y2020.csv") == nil)
        let file = try BACITestData.file(named: "trade.csv", contents: "t,i,j,k,v,q\n2020,251,842,10121,1.5,\n")
        let assumed = try BACITestData.readAll(BACIReader(), file)
        #expect(assumed.flows.first?.product.classification == .hs1992)
        #expect(assumed.summary.findings.counts[.unitAssumed] == 1)
        let given = try BACITestData.readAll(BACIReader(), file, options: ReadOptions(classification: .hs2022))
        #expect(given.flows.first?.product.classification == .hs2022)
        #expect(given.summary.findings.counts[.unitAssumed] == nil)
    }

    @Test(
        "a year outside 1900–2100 (a lost sign, a day number) is refused at its line, by the reader and by the byte scanner"
    )
    func implausibleYearsAreRefused() throws {
        for (year, line) in [("-2021", 3), ("99999", 3), ("1899", 3)] {
            let file = try BACITestData.file(
                named: "BACI_HS92_Y2021_V202501.csv",
                contents: "t,i,j,k,v,q\n2021,251,842,10121,1.5,\n\(year),251,842,10121,1.5,\n")
            let error = try #require(throws: InputError.self) { try BACITestData.readAll(BACIReader(), file) }
            #expect(
                error.location == SourceLocation(file: "BACI_HS92_Y2021_V202501.csv", line: line, column: 1), "\(year)")
            #expect(error.message.contains("not a year of trade statistics"))
            // The byte scanner leaves the line to the reader (nil: the general path reports it).
            #expect(try BACIColumnReader().read(file, options: ReadOptions()) == nil, "\(year)")
        }
    }

    @Test func negativeAndMissingValuesAreFindings() throws {
        let file = try BACITestData.file(
            named: "BACI_HS92_Y2020.csv", contents: "t,i,j,k,v,q\n2020,251,842,10121,-1.5,\n2020,251,842,10121,,2\n")
        let (flows, _, summary) = try BACITestData.readAll(BACIReader(), file)
        #expect(flows[0].value == -1.5 && flows[0].status == .reported)
        #expect(flows[1].value == nil && flows[1].status == .missing)
        #expect(summary.findings.counts[.negativeValue] == 1)
        #expect(summary.findings.counts[.missingValue] == 1)
    }

    @Test(arguments: [
        ("t,i,j,k,v\n2020,1,2,3,4\n", InputError.Code.badStructure, 1, 1),
        ("t,i,j,k,v,q\n2020,251,842,10121,1\n", .wrongColumnCount, 2, 21),
        ("t,i,j,k,v,q\n2020,251,842,10121,1,2,3\n", .wrongColumnCount, 2, 24),
        ("t,i,j,k,v,q\n2020,251,842,1234567,1,2\n", .badValue, 2, 14),
        ("t,i,j,k,v,q\n2020,251,842,12A45,1,2\n", .badValue, 2, 14),
        ("t,i,j,k,v,q\n2020,-4,842,10121,1,2\n", .badNumber, 2, 6),
        ("t,i,j,k,v,q\n2020,FRA,842,10121,1,2\n", .badNumber, 2, 6),
        ("t,i,j,k,v,q\n,251,842,10121,1,2\n", .badValue, 2, 1),
        ("t,i,j,k,v,q\n2020,251,842,10121,1.5.2,2\n", .badNumber, 2, 20),
        ("t,i,j,k,v,q\n2020,251,842,10121,1,2e\n", .badNumber, 2, 22),
    ])
    func malformedInput(contents: String, code: InputError.Code, line: Int, column: Int) throws {
        let file = try BACITestData.file(named: "BACI_HS92_Y2020.csv", contents: contents)
        let error = #expect(throws: InputError.self) { try BACITestData.readAll(BACIReader(), file) }
        #expect(error?.code == code)
        #expect(error?.location?.line == line)
        #expect(error?.location?.column == column)
    }

    @Test func badNumberDeepInALargeFileIsLocated() throws {
        var text = "t,i,j,k,v,q\n"
        for row in 2..<5_000 { text += "2019,251,842,\(10121 + row % 7),\(row).125,\(row % 3 == 0 ? "" : "0.5")\n" }
        text += "2019,251,842,10121,12x.5,1\n"
        for _ in 0..<100 { text += "2019,251,842,10121,1,1\n" }
        let file = try BACITestData.file(named: "BACI_HS92_Y2019_V202501.csv", contents: text)
        let error = #expect(throws: InputError.self) { try BACITestData.readAll(BACIReader(), file) }
        #expect(error?.code == .badNumber)
        #expect(error?.location == SourceLocation(file: "BACI_HS92_Y2019_V202501.csv", line: 5_000, column: 20))
        #expect(error?.message.contains("'v'") == true)
    }
}
