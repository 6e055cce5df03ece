import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

@Suite("Comext reader")
struct ComextReaderTests {
    static let currentHeader =
        "REPORTER,PARTNER,TRADE_TYPE,PRODUCT_NC,PRODUCT_SITC,PRODUCT_CPA21,PRODUCT_CPA22,PRODUCT_BEC,PRODUCT_BEC5,PRODUCT_SECTION,FLOW,STAT_PROCEDURE,SUPPL_UNIT,PERIOD,VALUE_EUR,VALUE_NAC,QUANTITY_KG,QUANTITY_SUPPL_UNIT"
    static let legacyHeader =
        "DECLARANT,DECLARANT_ISO,PARTNER,PARTNER_ISO,TRADE_TYPE,PRODUCT_NC,PRODUCT_SITC,PRODUCT_CPA2002,PRODUCT_CPA2008,PRODUCT_CPA2_1,PRODUCT_BEC,PRODUCT_SECTION,FLOW,STAT_REGIME,SUPP_UNIT,PERIOD,VALUE_IN_EUROS,QUANTITY_IN_KG,SUP_QUANTITY"

    /// A current-layout monthly extract: two statistical procedures for one key, an annual row, a Q-code partner,
    /// a confidential CN code, a code outside the country table (XI, Northern Ireland) and an empty quantity.
    static let currentFixture = """
        \(currentHeader)
        AT,AD,E,18063100,07330,1082,1082,122,.....,04,2,1,NO_SU,202301,4739,4739,2000,0
        AT,AD,E,18063100,07330,1082,1082,122,.....,04,2,2,NO_SU,202301,261,261,120,0
        NL,CN,E,85171300,76432,2630,2630,41,.....,16,1,1,p/st,202352,1250000.5,1250000.5,800,150
        DE,QU,E,27101943,33400,1920,1920,322,.....,05,2,1,NO_SU,202303,98000,98000,120000,0
        FR,US,E,27XXXXXX,33400,1920,1920,322,.....,05,1,1,NO_SU,202303,5100,5100,,0
        BE,XI,I,04069021,02249,1051,1051,122,.....,01,1,9,NO_SU,202312,77,77,10,0

        """

    @Test func currentLayout() throws {
        let file = try BACITestData.file(named: "full_v2_202301.dat", contents: Self.currentFixture)
        let (flows, lines, summary) = try BACITestData.readAll(ComextReader(), file)
        #expect(summary.recordsRead == 6 && summary.flowsEmitted == 6)
        #expect(lines == [2, 3, 4, 5, 6, 7])
        let first = flows[0]
        #expect(first.reporter.rawValue == "AUT" && first.partner.rawValue == "AND")
        #expect(first.product == ProductCode("18063100", in: .cn8))
        #expect(first.flow == .exports && first.year == 2023 && first.month == 1)
        #expect(first.value == 4739 && first.unit == .eur && first.quantity == 2000 && first.quantityUnit == "kg")
        #expect(first.status == .reported)
        // Rows that differ only in STAT_PROCEDURE stay separate flows with the same key.
        #expect(flows[1].reporter == first.reporter && flows[1].product == first.product && flows[1].value == 261)
        // YYYY52 is the annual figure.
        #expect(
            flows[2].flow == .imports && flows[2].year == 2023 && flows[2].month == 0 && flows[2].value == 1_250_000.5)
        #expect(flows[2].reporter.rawValue == "NLD" && flows[2].partner.rawValue == "CHN")
        #expect(flows[3].partner.rawValue == "QU")
        #expect(flows[4].product.code == "27XXXXXX" && flows[4].value == 5100 && flows[4].status == .reported)
        #expect(flows[4].quantity == nil)
        #expect(flows[5].partner.rawValue == "XI" && flows[5].month == 12)
        #expect(summary.findings.counts[.aggregatePartner] == 1)
        #expect(summary.findings.counts[.suppressedCell] == 1)
        #expect(summary.findings.counts[.unknownCode] == 1)
        let confidential = try #require(summary.findings.examples.first { $0.kind == .suppressedCell })
        #expect(
            confidential.message.contains("27XXXXXX") && confidential.location?.line == 6
                && confidential.location?.column == 9)
        let special = try #require(summary.findings.examples.first { $0.kind == .aggregatePartner })
        #expect(special.message.contains("QU") && special.location?.line == 5 && special.location?.column == 4)
    }

    @Test func legacyLayoutWithTheDocumentedExampleRow() throws {
        let contents = """
            \(Self.legacyHeader)
            001,FR,0003,NL,I,99RRR100,00151,0122,0143,.....,111,01,1,1,A,200101,2580,600,1
            004,DE,0001,FR,I,84713000,75200,2620,2620,.....,41,16,2,1,p/st,200152,1500000,2100,300
            003,NL,0004,,I,84713000,75200,2620,2620,.....,41,16,1,1,p/st,200152,10,1,1

            """
        let file = try BACITestData.file(named: "nc200101.dat", contents: contents)
        let (flows, _, summary) = try BACITestData.readAll(ComextReader(), file)
        let example = flows[0]
        #expect(example.reporter.rawValue == "FRA" && example.partner.rawValue == "NLD")
        #expect(example.product == ProductCode("99RRR100", in: .cn8))
        #expect(example.flow == .imports && example.year == 2001 && example.month == 1)
        #expect(example.value == 2580 && example.quantity == 600 && example.status == .reported)
        #expect(flows[1].reporter.rawValue == "DEU" && flows[1].flow == .exports && flows[1].month == 0)
        // A blank ISO code falls back to the numeric geonomenclature code.
        #expect(flows[2].partner.rawValue == "#0004")
        #expect(summary.findings.counts[.suppressedCell] == 1)
        #expect(summary.findings.counts[.unknownCode] == 1)
    }

    @Test func headerNamesAreCaseInsensitive() throws {
        let contents =
            Self.legacyHeader.lowercased()
            + "\n001,FR,0003,NL,I,01012100,00151,0122,0143,.....,111,01,1,1,A,200101,2580,600,1\n"
        let file = try BACITestData.file(named: "lower.dat", contents: contents)
        let (flows, _, _) = try BACITestData.readAll(ComextReader(), file)
        #expect(flows.first?.product.code == "01012100")
    }

    static let row = "AT,AD,E,18063100,07330,1082,1082,122,.....,04,2,1,NO_SU,202301,4739,4739,2000,0"

    @Test(arguments: [
        (row.replacingOccurrences(of: ",2,1,NO_SU", with: ",3,1,NO_SU"), InputError.Code.badValue, 47),
        (row.replacingOccurrences(of: "202301", with: "202313"), .badValue, 57),
        (row.replacingOccurrences(of: "202301", with: "2023"), .badValue, 57),
        (row.replacingOccurrences(of: "202301", with: "+20231"), .badValue, 57),
        (row.replacingOccurrences(of: ",4739,4739,", with: ",47x9,4739,"), .badNumber, 64),
        (row.replacingOccurrences(of: ",2000,0", with: ",2000"), .wrongColumnCount, 78),
        (row.replacingOccurrences(of: "AT,AD", with: "AT,"), .badValue, 4),
        (row.replacingOccurrences(of: ",18063100,", with: ",,"), .badValue, 9),
    ])
    func malformedRows(row: String, code: InputError.Code, column: Int) throws {
        let file = try BACITestData.file(
            named: "bad.dat", contents: Self.currentHeader + "\n" + Self.row + "\n" + row + "\n")
        let error = #expect(throws: InputError.self) { try BACITestData.readAll(ComextReader(), file) }
        #expect(error?.code == code)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == column)
    }

    @Test func missingValueColumnIsNamed() throws {
        let header = Self.currentHeader.replacingOccurrences(of: "VALUE_EUR", with: "VALUE_USD")
        let file = try BACITestData.file(named: "bad.dat", contents: header + "\n" + Self.row + "\n")
        let error = #expect(throws: InputError.self) { try BACITestData.readAll(ComextReader(), file) }
        #expect(error?.code == .missingColumn)
        #expect(error?.message.contains("'VALUE_EUR'") == true)
        #expect(error?.message.contains("VALUE_USD") == true)
    }
}
