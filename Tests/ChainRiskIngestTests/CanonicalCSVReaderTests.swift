import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("Canonical CSV reader")
struct CanonicalCSVReaderTests {
    func read(_ contents: String, options: ReadOptions = ReadOptions()) throws -> (
        flows: [TradeFlow], lines: [Int], summary: ReadSummary
    ) {
        let file = try BACITestData.file(named: "flows.csv", contents: contents)
        return try BACITestData.readAll(CanonicalCSVReader(), file, options: options)
    }

    func error(_ contents: String, options: ReadOptions = ReadOptions()) -> InputError? {
        #expect(throws: InputError.self) { try read(contents, options: options) }
    }

    @Test func allColumnsInAnyOrderAndCase() throws {
        let (flows, lines, summary) = try read(
            """
            Value,FLOW,product,Partner,reporter,Year,classification,unit,quantity,quantity_unit,status,month
            1234.5,import,440710,de,nld,2021,HS2017,kUSD,12.5,t,reported,3
            ,M,4407,CN,NLD,2021,HS2017,kUSD,,,suppressed,0
            77,re_export,TOTAL,W00,NLD,2022,SITC4,mEUR,,,provisional,
            """)
        #expect(summary.recordsRead == 3 && summary.flowsEmitted == 3 && lines == [2, 3, 4])
        #expect(
            flows[0]
                == TradeFlow(
                    year: 2021, month: 3, reporter: CountryCode(verbatim: "NLD"), partner: CountryCode(verbatim: "DEU"),
                    product: ProductCode("440710", in: .hs2017), flow: .imports, value: 1234.5, unit: .thousandUSD,
                    quantity: 12.5, quantityUnit: "t", status: .reported))
        #expect(flows[1].value == nil && flows[1].status == .suppressed && flows[1].partner.rawValue == "CHN")
        #expect(flows[2].flow == .reExports && flows[2].product.isTotal && flows[2].unit == .millionEUR)
        #expect(flows[2].product.classification == .sitc4 && flows[2].status == .provisional && flows[2].month == 0)
        #expect(summary.findings.counts[.suppressedCell] == 1)
        #expect(summary.findings.counts[.unitAssumed] == nil)
    }

    @Test func defaultsForUnitAndClassification() throws {
        let text =
            "year,reporter,partner,product,flow,value\n2020,NLD,BEL,0101,export,10\n2020,NLD,FRA,0102,export,20\n"
        let assumed = try read(text)
        #expect(assumed.flows.allSatisfy { $0.unit == .usd && $0.product.classification == .hs })
        #expect(assumed.summary.findings.counts[.unitAssumed] == 2)
        let given = try read(text, options: ReadOptions(classification: .sitc4, unit: .eur))
        #expect(given.flows.allSatisfy { $0.unit == .eur && $0.product.classification == .sitc4 })
        #expect(given.summary.findings.isEmpty)
    }

    @Test func semicolonSeparatedWithBOM() throws {
        let (flows, _, _) = try read(
            "\u{FEFF}year;reporter;partner;product;flow;value;unit;classification\n2020;NLD;BEL;0101;X;1.5;USD;HS\n")
        #expect(flows.first?.flow == .exports && flows.first?.value == 1.5)
    }

    /// Value × status combinations: the documented contract of `FlowRowDecoder`.
    @Test(arguments: [
        ("10", "", 10.0 as Double?, ValueStatus.reported, nil as Finding.Kind?),
        ("10", "reported", 10.0, .reported, nil),
        ("10", "Provisional", 10.0, .provisional, nil),
        ("0", "nil", 0.0, .nil, nil),
        ("", "nil", 0.0, .nil, nil),
        ("", "", nil, .missing, .missingValue),
        ("", "missing", nil, .missing, .missingValue),
        ("", "suppressed", nil, .suppressed, .suppressedCell),
        ("-5", "", -5.0, .reported, .negativeValue),
    ])
    func valueAndStatus(
        value: String, status: String, expected: Double?, expectedStatus: ValueStatus, finding: Finding.Kind?
    ) throws {
        let (flows, _, summary) = try read(
            "year,reporter,partner,product,flow,value,status,unit,classification\n2020,NLD,BEL,0101,import,\(value),\(status),USD,HS\n"
        )
        #expect(flows.first?.value == expected && flows.first?.status == expectedStatus)
        #expect(summary.findings.total == (finding == nil ? 0 : 1))
        if let finding { #expect(summary.findings.counts[finding] == 1) }
    }

    @Test(arguments: [
        ("", "reported"), ("", "provisional"), ("10", "suppressed"), ("10", "missing"), ("10", "nil"), ("10", "secret"),
    ])
    func contradictoryValueAndStatus(value: String, status: String) {
        let error = error(
            "year,reporter,partner,product,flow,value,status\n2020,NLD,BEL,0101,import,\(value),\(status)\n")
        #expect(error?.code == .badValue)
        #expect(error?.location?.line == 2)
    }

    @Test func unknownCodesAreKeptWithOneFindingPerCode() throws {
        let (flows, _, summary) = try read(
            """
            year,reporter,partner,product,flow,value
            2020,NL,XI,0101,import,1
            2020,NL,XI,0101,import,2
            2020,NLD,XYZ,0101,import,3
            2020,NLD,W00,0101,import,4
            2020,NLD,S19,0101,import,5
            """)
        #expect(
            flows.map(\.partner.rawValue) == ["XI", "XI", "XYZ", "W00", "S19"] && flows[0].reporter.rawValue == "NLD")
        #expect(summary.findings.counts[.unknownCode] == 2)
        #expect(summary.findings.examples.contains { $0.message.contains("'XI'") && $0.message.contains("2 rows") })
        #expect(summary.findings.examples.contains { $0.message.contains("'XYZ'") && $0.location?.line == 4 })
    }

    @Test func missingRequiredColumnsAreNamed() {
        let error = error("year,reporter,product,value\n2020,NLD,0101,1\n")
        #expect(error?.code == .missingColumn)
        #expect(error?.message.contains("'partner', 'flow'") == true)
        #expect(error?.message.contains("year,reporter,product,value") == true)
    }

    @Test(arguments: [
        ("2020,NLD,BEL,0101,sideways,1", InputError.Code.badValue, 19),
        ("20x0,NLD,BEL,0101,import,1", .badNumber, 1),
        ("1850,NLD,BEL,0101,import,1", .badValue, 1),
        ("2020,,BEL,0101,import,1", .badValue, 6),
        ("2020,NLD,BEL,,import,1", .badValue, 14),
        ("2020,NLD,BEL,0101,import,1,5", .wrongColumnCount, 28),
        ("2020,NLD,BEL,0101,import,1e", .badNumber, 26),
    ])
    func malformedRows(row: String, code: InputError.Code, column: Int) {
        let error = error("year,reporter,partner,product,flow,value\n" + row + "\n")
        #expect(error?.code == code)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == column)
    }

    @Test func badMonthUnitAndClassification() {
        let header = "year,reporter,partner,product,flow,value,month,unit,classification\n"
        #expect(error(header + "2020,NLD,BEL,0101,import,1,13,USD,HS\n")?.location?.column == 28)
        #expect(error(header + "2020,NLD,BEL,0101,import,1,1,dollars,HS\n")?.location?.column == 30)
        #expect(error(header + "2020,NLD,BEL,0101,import,1,1,USD,XYZ\n")?.location?.column == 34)
    }

    @Test func duplicateColumnIsRefused() {
        #expect(
            error("year,reporter,partner,product,flow,value,Value\n2020,NLD,BEL,0101,import,1,2\n")?.code
                == .badStructure)
    }
}
