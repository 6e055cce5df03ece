import Testing

@testable import ChainRiskCore

@Suite("Reference CSV reader")
struct ReferenceCSVTests {
    private func parse(_ text: String) throws(ReferenceDataError) -> [[String]] {
        try ReferenceCSV.parse(Array(text.utf8), resource: "test.csv").map(\.fields)
    }

    @Test func plainFieldsWithAndWithoutTrailingNewline() throws {
        #expect(try parse("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(try parse("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let rows = try parse(
            "code,description\n11,\"Food and beverages, primary\"\n12,\"say \"\"hi\"\"\"\n13,\"two\nlines\"\n")
        #expect(
            rows == [
                ["code", "description"], ["11", "Food and beverages, primary"], ["12", "say \"hi\""],
                ["13", "two\nlines"],
            ])
    }

    @Test func emptyFieldsCRLFBlankLinesAndBOM() throws {
        #expect(
            try parse("\u{FEFF}a,b,c\r\n,,\r\n\r\nx,\"\",z\r\n") == [["a", "b", "c"], ["", "", ""], ["x", "", "z"]])
    }

    @Test func recordsCarryTheLineTheyStartOn() throws {
        let records = try ReferenceCSV.parse(Array("h\n\"a\nb\"\nc\n".utf8), resource: "test.csv")
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func unterminatedQuoteNamesResourceAndLine() {
        let error = #expect(throws: ReferenceDataError.self) { try parse("a,b\n1,\"open\n2,3\n") }
        #expect(error?.code == .unterminatedQuote)
        #expect(error?.resource == "test.csv")
        #expect(error?.line == 2)
    }

    @Test func invalidUTF8IsATypedError() {
        let error = #expect(throws: ReferenceDataError.self) {
            try ReferenceCSV.parse([0x61, 0x0A, 0xFF, 0xFE, 0x0A], resource: "bad.csv")
        }
        #expect(error?.code == .badEncoding)
        #expect(error?.line == 2)
    }

    @Test func tableRejectsRowsOfTheWrongWidth() {
        let error = #expect(throws: ReferenceDataError.self) {
            try ReferenceTable(resource: "t.csv", bytes: Array("a,b\n1,2\n3\n".utf8))
        }
        #expect(error?.code == .wrongColumnCount)
        #expect(error?.description == "t.csv:3: expected 2 fields, found 1")
    }

    @Test func tableNeedsAHeaderAndNamedColumns() throws {
        let empty = #expect(throws: ReferenceDataError.self) { try ReferenceTable(resource: "e.csv", bytes: []) }
        #expect(empty?.code == .emptyResource)
        let table = try ReferenceTable(resource: "t.csv", bytes: Array("a,b\n1,2\n".utf8))
        #expect(try table.columns("b", "a") == [1, 0])
        let missing = #expect(throws: ReferenceDataError.self) { try table.columns("c") }
        #expect(missing?.code == .missingColumn)
    }
}
