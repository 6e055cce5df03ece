import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("JSONRecordStream")
struct JSONRecordStreamTests {
    private func stream(_ text: String, key: String = "data", bufferSize: Int = 1 << 16) -> JSONRecordStream {
        JSONRecordStream(source: MemoryByteSource(text), file: "t.json", arrayKey: key, bufferSize: bufferSize)
    }

    private func stream(bytes: [UInt8], key: String = "data") -> JSONRecordStream {
        JSONRecordStream(source: MemoryByteSource(bytes), file: "t.json", arrayKey: key)
    }

    private func all(_ stream: JSONRecordStream) throws -> [JSONRecord] {
        var records: [JSONRecord] = []
        while let record = try stream.next() { records.append(record) }
        return records
    }

    /// The error reading the whole stream throws.
    private func failure(_ stream: JSONRecordStream) -> InputError? {
        ComtradeTestData.inputError { _ = try all(stream) }
    }

    @Test func flatRecordsAndTopLevelScalars() throws {
        let json = """
            {"elapsedTime":"0.2 secs","count":2,"meta":{"a":[1,{"b":2}]},
             "data":[{"a":1,"b":"x","c":null,"d":true,"nested":{"x":[1,2]},"e":-0.25,"f":false},
                     {"a":12.0,"b":"y","list":[],"e":1.5e2}],
             "error":""}
            """
        let reader = stream(json)
        let records = try all(reader)
        #expect(records.count == 2)
        #expect(reader.foundArray)
        #expect(reader.recordCount == 2)
        #expect(reader.topLevel["count"]?.int == 2)
        #expect(reader.topLevel["elapsedTime"]?.string == "0.2 secs")
        #expect(reader.topLevel["error"]?.string == "")
        #expect(reader.topLevel["meta"] == nil)
        let first = records[0]
        #expect(first.fields.map(\.key) == ["a", "b", "c", "d", "e", "f"])
        #expect(first["a"]?.int == 1)
        #expect(first["b"]?.string == "x")
        #expect(first["c"] == .null)
        #expect(first["d"]?.bool == true)
        #expect(first["e"]?.double == -0.25)
        #expect(first["f"]?.bool == false)
        #expect(first["nested"] == nil)
        #expect(first.index == 1)
        #expect(first.location == SourceLocation(file: "t.json", line: 2, column: 10))
        #expect(first.location(of: "b") == SourceLocation(file: "t.json", line: 2, column: 21))
        let second = records[1]
        #expect(second["a"]?.int == nil)
        #expect(second["a"]?.double == 12)
        #expect(second["e"]?.double == 150)
        #expect(second.index == 2)
    }

    @Test func numbersKeepTheirText() throws {
        let records = try all(stream(#"{"data":[{"v":6804128143.0,"w":12345678901234567890,"x":-7,"y":0,"z":1E-3}]}"#))
        guard case .number(let value) = records[0]["v"] else {
            Issue.record("not a number")
            return
        }
        #expect(value.text == "6804128143.0")
        #expect(value.double == 6_804_128_143)
        #expect(value.int == nil)
        #expect(records[0]["w"]?.int == nil)
        #expect(records[0]["w"]?.double == Double("12345678901234567890"))
        #expect(records[0]["x"]?.int == -7)
        #expect(records[0]["y"]?.int == 0)
        #expect(records[0]["z"]?.double == 0.001)
    }

    @Test func escapesIncludingSurrogatePairs() throws {
        let records = try all(
            stream(#"{"data":[{"s":"caf\u00e9 \uD83D\uDE00 \"q\" \\ \/ \b\f\n\r\t end","t":"Curaçao"}]}"#))
        #expect(records[0]["s"]?.string == "café 😀 \"q\" \\ / \u{8}\u{C}\n\r\t end")
        #expect(records[0]["t"]?.string == "Curaçao")
    }

    @Test func bareArrayAndEmptyArray() throws {
        let records = try all(stream(#"[{"a":1},{"a":2}]"#))
        #expect(records.map { $0["a"]?.int } == [1, 2])
        let empty = stream(#"{"value":[],"odata.metadata":"m"}"#, key: "value")
        #expect(try all(empty).isEmpty)
        #expect(empty.foundArray)
        #expect(empty.topLevel["odata.metadata"]?.string == "m")
    }

    @Test func missingArrayIsReportedByFoundArray() throws {
        let reader = stream(#"{"statusCode":401,"message":"Access denied","data":null}"#)
        #expect(try all(reader).isEmpty)
        #expect(!reader.foundArray)
        #expect(reader.topLevel["data"] == .null)
        #expect(reader.topLevel["statusCode"]?.int == 401)
    }

    @Test func tinyBufferGivesTheSameRecordsAsLargeOne() throws {
        let file = ComtradeTestData.comtrade("api_response_sample_chn_imports_2010.json")
        let small = JSONRecordStream(source: try file.open(), file: "a", arrayKey: "data", bufferSize: 16)
        let large = JSONRecordStream(source: try file.open(), file: "a", arrayKey: "data")
        let smallRecords = try all(small)
        #expect(smallRecords == (try all(large)))
        #expect(smallRecords.count == 4)
        #expect(smallRecords[0].fields.count == 47)
        // The fourth record's `{` is on line 152, column 9, of the pretty-printed file.
        #expect(smallRecords[3].location.line == 152)
        #expect(small.topLevel["error"]?.string == "")
    }

    @Test func truncatedDocument() throws {
        let error = try #require(failure(stream(#"{"data":[{"a":1},"#)))
        #expect(error.code == .badStructure)
        #expect(error.location == SourceLocation(file: "t.json", line: 1, column: 18))
        let inObject = try #require(failure(stream("{\"data\":[{\"a\":1,\n")))
        #expect(inObject.code == .badStructure)
        #expect(inObject.location == SourceLocation(file: "t.json", line: 2, column: 1))
    }

    @Test func truncatedString() throws {
        let error = try #require(failure(stream(#"{"data":[{"a":"abc"#)))
        #expect(error.code == .unterminatedQuote)
        #expect(error.location == SourceLocation(file: "t.json", line: 1, column: 15))
    }

    @Test func badTokens() throws {
        let literal = try #require(failure(stream(#"{"data":[{"a":tru}]}"#)))
        #expect(literal.code == .badStructure)
        #expect(literal.location?.column == 15)
        let separator = try #require(failure(stream(#"{"data":[{"a":1 "b":2}]}"#)))
        #expect(separator.code == .badStructure)
        #expect(separator.location?.column == 17)
        let trailing = try #require(failure(stream(#"{"data":[]} x"#)))
        #expect(trailing.code == .badStructure)
        #expect(trailing.location?.column == 13)
        let notObject = try #require(failure(stream(#"{"data":[1]}"#)))
        #expect(notObject.code == .badStructure)
        #expect(notObject.location?.column == 10)
        let control = try #require(failure(stream("{\"data\":[{\"a\":\"x\ty\"}]}")))
        #expect(control.code == .badStructure)
        #expect(control.location?.column == 17)
    }

    @Test(arguments: ["01", "-", "1.", "1e", "1.5.2", "+1", "0x10", "1ee"])
    func badNumbers(_ literal: String) throws {
        let error = try #require(failure(stream(#"{"data":[{"a":"# + literal + "}]}")))
        #expect(error.code == (literal == "+1" ? .badStructure : .badNumber))
        #expect(error.location == SourceLocation(file: "t.json", line: 1, column: 15))
    }

    @Test func invalidUTF8() throws {
        let bytes = Array(#"{"data":[{"a":"caf"#.utf8) + [0xE9] + Array(#""}]}"#.utf8)
        let error = try #require(failure(stream(bytes: bytes)))
        #expect(error.code == .badEncoding)
        #expect(error.location == SourceLocation(file: "t.json", line: 1, column: 19))
        let overlong = Array(#"{"data":[{"a":""#.utf8) + [0xC0, 0xAF] + Array(#""}]}"#.utf8)
        #expect(failure(stream(bytes: overlong))?.code == .badEncoding)
        let utf16 = try #require(failure(stream(bytes: [0xFF, 0xFE, 0x7B, 0x00])))
        #expect(utf16.code == .badEncoding)
    }

    @Test func badEscapes() throws {
        let unknown = try #require(failure(stream(#"{"data":[{"a":"x\q"}]}"#)))
        #expect(unknown.code == .badStructure)
        #expect(unknown.location?.column == 17)
        let shortHex = try #require(failure(stream(#"{"data":[{"a":"\u12G4"}]}"#)))
        #expect(shortHex.code == .badStructure)
        let lone = try #require(failure(stream(#"{"data":[{"a":"\uD83D x"}]}"#)))
        #expect(lone.code == .badEncoding)
        #expect(lone.location?.column == 16)
        let lowOnly = try #require(failure(stream(#"{"data":[{"a":"\uDE00"}]}"#)))
        #expect(lowOnly.code == .badEncoding)
    }

    @Test func emptyInput() throws {
        #expect(failure(stream(" \n "))?.code == .emptyFile)
        #expect(failure(stream("x"))?.code == .badStructure)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let records = try all(stream(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"data":[{"a":1}]}"#.utf8)))
        #expect(records.count == 1)
    }

    @Test(
        "limits: a 64 MB string, a 1,001-digit number and an element of 10,001 members are refused at their place, not held"
    )
    func limits() throws {
        let long =
            [UInt8](#"{"data":[{"a":""#.utf8) + [UInt8](repeating: 0x61, count: 64 << 20) + [UInt8](#"x"}]}"#.utf8)
        let string = try #require(failure(stream(bytes: long)))
        #expect(
            string.code == .badStructure && string.message.contains("longer than 64 MB")
                && string.location?.column == 15)

        let digits = try #require(failure(stream(#"{"data":[{"a":"# + String(repeating: "9", count: 1_001) + "}]}")))
        #expect(digits.code == .badNumber && digits.message.contains("longer than 1000"))

        let members = (0...10_000).map { #""k\#($0)":1"# }.joined(separator: ",")
        let wide = try #require(failure(stream(#"{"data":[{"# + members + "}]}")))
        #expect(wide.code == .badStructure && wide.message.contains("more than 10000 members"))
        #expect(
            try all(stream(#"{"data":[{"# + members.split(separator: ",").dropLast().joined(separator: ",") + "}]}"))
                .first?.fields.count == 10_000)
    }

    @Test(
        "a key repeated in one element is refused at its second place; the same keys in the next element are not repeats"
    )
    func repeatedKeys() throws {
        let error = try #require(failure(stream(#"{"data":[{"a":1,"b":2},{"a":1,"b":2,"a":3}]}"#)))
        #expect(
            error.code == .badStructure && error.message.contains("'a' appears twice in element 2")
                && error.location?.column == 37)
        #expect(try all(stream(#"{"data":[{"a":1,"b":2},{"b":2,"a":1}]}"#)).count == 2)
    }
}
