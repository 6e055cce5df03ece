import ChainRiskCore
import ChainRiskIngest
import Testing

/// The Comtrade reader on small inline files: row rules, malformed input and its reported location.
@Suite("Comtrade reader, edge cases and errors")
struct ComtradeEdgeCaseTests {
    let reader = ComtradeReader()
    static let subsetHeader =
        "refYear,reporterISO,reporterDesc,flowDesc,partnerISO,partnerDesc,cmdCode,primaryValue_usd\n"
    static let apiHeader =
        "refYear,refMonth,period,reporterISO,flowCode,partnerISO,classificationCode,cmdCode,qtyUnitAbbr,qty,primaryValue,isAggregate\n"

    /// Reads `text` from a temporary file.
    private func read(_ text: String, name: String = "c.csv", options: ReadOptions = ReadOptions()) throws -> (
        ReadSummary, [TradeFlow]
    ) {
        try read(bytes: Array(text.utf8), name: name, options: options)
    }

    private func read(bytes: [UInt8], name: String, options: ReadOptions = ReadOptions()) throws -> (
        ReadSummary, [TradeFlow]
    ) {
        let file = try ComtradeTestData.temporaryFile(bytes, name: name)
        defer { ComtradeTestData.remove(file) }
        return try ComtradeTestData.flows(reader, file, options: options)
    }

    private func failure(_ text: String, name: String = "c.csv") -> InputError? {
        ComtradeTestData.inputError { _ = try read(text, name: name) }
    }

    @Test func apiCamelCaseRows() throws {
        let csv =
            Self.apiHeader
            + "2021,3,202103,NLD,M,DEU,H5,020329,kg,1500.5,2500.25,false\n"
            + "2021,52,2021,NLD,X,W00,H5,TOTAL,N/A,0,100,true\n"
            + "2021,52,2021,NLD,RX,X1 ,H5,27,N/A,,-5,false\n"
            + "2021,52,2021,NLD,MIP,BEL,H5,27,N/A,,7,false\n"
            + "2021,52,2021,NLD,DX,S19,H5,27,N/A,,,false\n"
            + "2021,52,2021,NLD,M,FRA,EB02,27,N/A,,9,false\n"
        let file = try ComtradeTestData.temporaryFile(csv, name: "api.csv")
        defer { ComtradeTestData.remove(file) }
        #expect(try ComtradeReader.detectLayout(of: file) == .apiCSV)
        let (summary, flows) = try ComtradeTestData.flows(reader, file)
        #expect(summary.recordsRead == 6)
        #expect(flows.count == 4)
        let first = flows[0]
        #expect(first.month == 3 && first.year == 2021)
        #expect(first.product == ProductCode("020329", in: .hs2017))
        #expect(first.quantity == 1500.5 && first.quantityUnit == "kg")
        #expect(first.value == 2500.25)
        #expect(flows[1].partner == .world && flows[1].month == 0 && flows[1].product.isTotal)
        #expect(flows[1].quantity == nil && flows[1].quantityUnit == nil)
        #expect(flows[2].partner == CountryCode(verbatim: "X1") && flows[2].flow == .reExports && flows[2].value == -5)
        #expect(flows[3].partner == .taiwan && flows[3].flow == .exportsOfOwnMake)
        #expect(flows[3].status == .missing && flows[3].value == nil)
        #expect(
            summary.findings.counts == [
                .aggregatePartner: 2, .negativeValue: 1, .skippedRow: 2, .missingValue: 1, .mappedCode: 1,
            ])
        let skipped = summary.findings.examples.filter { $0.kind == .skippedRow }
        #expect(skipped.map(\.location?.line) == [5, 7])
        #expect(skipped[0].message.contains("MIP"))
        #expect(skipped[1].message.contains("EB02"))
    }

    @Test func missingMarkersAreMissingNotZero() throws {
        let csv =
            Self.subsetHeader
            + "2018,NLD,Netherlands,Import,AUT,Austria,4401,NA\n"
            + "2018,NLD,Netherlands,Import,BEL,Belgium,4401,\n"
            + "2018,NLD,Netherlands,Re-export,DEU,Germany,4401,0\n"
        let (summary, flows) = try read(csv)
        #expect(flows.map(\.status) == [.missing, .missing, .reported])
        #expect(flows.map(\.value) == [nil, nil, 0])
        #expect(flows[2].flow == .reExports)
        #expect(summary.findings.counts == [.missingValue: 2])
    }

    @Test("an unknown reporter gets a finding with its rows and first place, as an unknown partner does (CSV and JSON)")
    func unknownReporterIsAFinding() throws {
        let csv =
            Self.subsetHeader
            + "2018,QQQ,Nowhere,Import,AUT,Austria,4401,100\n"
            + "2018,QQQ,Nowhere,Import,BEL,Belgium,4401,100\n"
            + "2018,NLD,Netherlands,Import,DEU,Germany,4401,100\n"
        let (summary, flows) = try read(csv)
        #expect(flows.count == 3 && flows[0].reporter == CountryCode(verbatim: "QQQ"))
        let finding = try #require(summary.findings.examples.first { $0.message.hasPrefix("reporter QQQ") })
        #expect(finding.kind == .unknownCode && finding.message.contains("(2 row(s))"))
        #expect(finding.location?.line == 2)
        let json =
            #"{"count":1,"data":[{"refYear":2020,"reporterISO":"QQQ","flowCode":"M","partnerISO":"DEU","cmdCode":"0101","primaryValue":5}],"error":""}"#
        let (fromJSON, _) = try read(json, name: "q.json")
        #expect(fromJSON.findings.examples.contains { $0.message.hasPrefix("reporter QQQ (1 row(s))") })
    }

    @Test func jsonRules() throws {
        let json = """
            {"elapsedTime":"0.1 secs","count":3,"data":[
             {"refYear":2020,"refMonth":52,"reporterISO":"NLD","flowCode":"M","partnerISO":"_X ","classificationCode":"H5","cmdCode":"0101","qtyUnitAbbr":"u","qty":12,"primaryValue":null},
             {"refYear":2020,"refMonth":52,"reporterISO":"NLD","flowCode":"FM","partnerISO":"DEU","classificationCode":"H5","cmdCode":"0101","qtyUnitAbbr":"u","qty":12,"primaryValue":5}
            ],"error":""}
            """
        let (summary, flows) = try read(json, name: "r.json")
        #expect(summary.recordsRead == 2)
        #expect(flows.count == 1)
        #expect(flows[0].status == .missing && flows[0].value == nil)
        #expect(flows[0].partner == CountryCode(verbatim: "_X"))
        #expect(flows[0].quantity == 12 && flows[0].quantityUnit == "u")
        // count 3 but 2 records → one finding; FM skipped; null value; _X area
        #expect(summary.findings.counts == [.skippedRow: 2, .missingValue: 1, .aggregatePartner: 1])
        let missing = try #require(summary.findings.examples.first { $0.kind == .missingValue })
        #expect(missing.location?.line == 2)
    }

    @Test func jsonErrorResponse() throws {
        let error = try #require(
            failure(#"{"elapsedTime":"0.1 secs","count":0,"data":[],"error":"Invalid parameter"}"#, name: "e.json"))
        #expect(error.code == .badStructure)
        #expect(error.message.contains("Invalid parameter"))
        let noData = try #require(
            failure(#"{"statusCode":401,"message":"Access denied due to invalid subscription key."}"#, name: "e.json"))
        #expect(noData.code == .badStructure)
        #expect(noData.message.contains("Access denied"))
    }

    @Test func bulkListingIsNotTradeData() throws {
        // The bulk-availability listing is Comtrade JSON too, but its records have no cmdCode or primaryValue.
        let file = ComtradeTestData.comtrade("bulk_file_listing_sample.json")
        let error = try #require(ComtradeTestData.inputError { _ = try ComtradeTestData.flows(reader, file) })
        #expect(error.code == .missingColumn)
        #expect(error.location == SourceLocation(file: "bulk_file_listing_sample.json", line: 5, column: 9))
    }

    @Test func badNumberLocation() throws {
        let csv =
            Self.subsetHeader
            + "2018,NLD,Netherlands,Import,AUT,Austria,4401,1655256.619\n"
            + "2018,NLD,Netherlands,Import,BEL,Belgium,4401,1 655,2\n"
        // Line 3 has 9 fields (the thousands blank and decimal comma split the value): a column count error.
        let count = try #require(failure(csv))
        #expect(count.code == .wrongColumnCount)
        #expect(count.location == SourceLocation(file: "c.csv", line: 3, column: 52))
        let number = try #require(
            failure(Self.subsetHeader + "2018,NLD,Netherlands,Import,BEL,Belgium,4401,26283202.2x2\n"))
        #expect(number.code == .badNumber)
        // "2018,NLD,Netherlands,Import,BEL,Belgium,4401," is 45 bytes: the value starts at column 46.
        #expect(number.location == SourceLocation(file: "c.csv", line: 2, column: 46))
        let year = try #require(
            failure(
                Self.subsetHeader
                    + "2018,NLD,Netherlands,Import,AUT,Austria,4401,1\n20l8,NLD,Netherlands,Import,AUT,Austria,4401,1\n"
            ))
        #expect(year.code == .badNumber)
        #expect(year.location == SourceLocation(file: "c.csv", line: 3, column: 1))
    }

    @Test func wrongColumnCount() throws {
        let short = try #require(failure(Self.subsetHeader + "2018,NLD,Netherlands,Import,AUT,Austria,4401\n"))
        #expect(short.code == .wrongColumnCount)
        #expect(short.location == SourceLocation(file: "c.csv", line: 2, column: 45))
    }

    @Test func invalidUTF8() throws {
        // "Cura\xE7ao" in Latin-1: the partnerDesc field (column 33 of line 3) is not UTF-8.
        let bytes =
            Array(
                (Self.subsetHeader
                    + "2018,NLD,Netherlands,Import,AUT,Austria,4401,1\n2018,NLD,Netherlands,Import,CUW,Cura").utf8)
            + [0xE7] + Array("ao,4401,2\n".utf8)
        let error = try #require(ComtradeTestData.inputError { _ = try read(bytes: bytes, name: "c.csv") })
        #expect(error.code == .badEncoding)
        #expect(error.location == SourceLocation(file: "c.csv", line: 3, column: 33))
    }

    @Test func truncatedQuote() throws {
        let error = try #require(failure(Self.subsetHeader + "2018,NLD,Netherlands,Import,CUW,\"Curaçao,4401,2\n"))
        #expect(error.code == .unterminatedQuote)
        #expect(error.location == SourceLocation(file: "c.csv", line: 2, column: 33))
    }

    @Test func truncatedJSON() throws {
        let json =
            "{\"count\":1,\"data\":[\n {\"refYear\":2020,\"reporterISO\":\"NLD\",\"flowCode\":\"M\",\"partnerISO\":\"DEU\",\"cmdCode\":\"01\",\"primaryValue\":1"
        let error = try #require(failure(json, name: "t.json"))
        #expect(error.code == .badStructure)
        // Line 2 is 102 bytes long: the input ends at column 103, where ',' or '}' was expected.
        #expect(error.location == SourceLocation(file: "t.json", line: 2, column: 103))
    }

    @Test func missingColumnAndBadMonth() throws {
        let missing = try #require(failure("refYear,reporterISO,flowCode,partnerISO,primaryValue\n2018,NLD,M,DEU,1\n"))
        #expect(missing.code == .missingColumn)
        #expect(missing.message.contains("cmdCode"))
        let month = try #require(failure(Self.apiHeader + "2021,13,202113,NLD,M,DEU,H5,01,kg,1,2,false\n"))
        #expect(month.code == .badValue)
        #expect(month.location == SourceLocation(file: "c.csv", line: 2, column: 6))
    }
}
