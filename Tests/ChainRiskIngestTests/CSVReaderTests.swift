import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("CSV tokenizer")
struct CSVReaderTests {
    /// Every record of `text` as strings, read with a small buffer unless told otherwise.
    func records(_ text: String, separator: UInt8? = nil, bufferSize: Int = 64) throws -> [[String]] {
        try records(Array(text.utf8), separator: separator, bufferSize: bufferSize)
    }

    func records(_ bytes: [UInt8], separator: UInt8? = nil, bufferSize: Int = 64) throws -> [[String]] {
        let csv = CSVReader(
            source: MemoryByteSource(bytes), file: "test.csv", separator: separator, bufferSize: bufferSize)
        var result: [[String]] = []
        while try csv.nextRecord() { result.append((0..<csv.fieldCount).map(csv.string)) }
        return result
    }

    func error(_ text: String, bufferSize: Int = 64) -> InputError? {
        error(Array(text.utf8), bufferSize: bufferSize)
    }

    func error(_ bytes: [UInt8], bufferSize: Int = 64) -> InputError? {
        #expect(throws: InputError.self) { try records(bytes, bufferSize: bufferSize) }
    }

    /// Expected values from Python: `list(csv.reader(io.StringIO(text, newline='')))`.
    @Test func quotingAsPythonReadsIt() throws {
        let text = "a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x,\"\"\n\"\"\"q\"\"\",,z\n"
        #expect(try records(text) == [["a", "b,c", "d\"e"], ["multi\nline", "x", ""], ["\"q\"", "", "z"]])
    }

    @Test("a header naming a column twice (any case) is refused at the second one; blank names may repeat")
    func duplicatedHeaderColumn() throws {
        let csv = CSVReader(source: MemoryByteSource(Array("year,value,Value\n2021,1,2\n".utf8)), file: "test.csv")
        let error = try #require(throws: InputError.self) { try csv.readHeader() }
        #expect(error.code == .badStructure && error.message.contains("columns 2 and 3"))
        #expect(error.location == SourceLocation(file: "test.csv", line: 1, column: 12))
        let blanks = CSVReader(source: MemoryByteSource(Array("year,,\n2021,1,2\n".utf8)), file: "test.csv")
        #expect(try blanks.readHeader() == ["year", "", ""])
    }

    @Test("a record longer than the limit is refused where it starts instead of growing the buffer without bound")
    func recordLengthIsBounded() throws {
        let long = "year,value\n2021,1\n" + String(repeating: "9", count: 10_000) + ",2\n"
        let csv = CSVReader(
            source: MemoryByteSource(Array(long.utf8)), file: "bomb.csv", bufferSize: 64, maximumRecordBytes: 4096)
        _ = try csv.readHeader()
        #expect(try csv.nextRecord())
        let error = try #require(throws: InputError.self) { _ = try csv.nextRecord() }
        #expect(error.code == .badStructure && error.message.contains("longer than 4096 bytes"))
        #expect(error.location == SourceLocation(file: "bomb.csv", line: 3, column: 1))
        let fits = CSVReader(
            source: MemoryByteSource(Array(long.utf8)), file: "ok.csv", bufferSize: 64, maximumRecordBytes: 1 << 16)
        _ = try fits.readHeader()
        #expect(try fits.nextRecord() && fits.nextRecord() && fits.string(0).count == 10_000)
    }

    @Test func crlfAndMissingFinalNewline() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(
            try records([0xEF, 0xBB, 0xBF] + Array("year,value\n2020,1\n".utf8)) == [
                ["year", "value"], ["2020", "1"],
            ])
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", UInt8(ascii: ";")),
        ("a\tb\tc\n1\t2\t3\n", UInt8(ascii: "\t")),
        ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
        ("\"x;y;z\",b\n1,2\n", UInt8(ascii: ",")),
        ("ID;Perioden;Waarde_1\n0;2015JJ00;1,5\n", UInt8(ascii: ";")),
    ])
    func separatorDetection(text: String, separator: UInt8) throws {
        let csv = CSVReader(source: MemoryByteSource(text), file: "test.csv")
        _ = try csv.readHeader()
        #expect(csv.separator == separator)
        #expect(csv.fieldCount == 3 || csv.fieldCount == 2)
    }

    @Test func emptyLinesAreSkippedAndLinesCounted() throws {
        let csv = CSVReader(source: MemoryByteSource("a,b\n\n1,2\r\n\r\n\n3,4\n\n"), file: "test.csv", bufferSize: 64)
        var lines: [Int] = []
        while try csv.nextRecord() { lines.append(csv.line) }
        #expect(lines == [1, 3, 6])
    }

    @Test func unterminatedQuoteIsLocatedAtTheOpeningQuote() {
        let error = error("a,b\n1,\"open\nmore\nstill open\n")
        #expect(error?.code == .unterminatedQuote)
        #expect(error?.location == SourceLocation(file: "test.csv", line: 2, column: 3))
    }

    @Test func unterminatedQuoteAfterARefill() {
        let text = "a,b\n" + String(repeating: "1,2\n", count: 40) + "x,\"" + String(repeating: "y", count: 300)
        let error = error(text)
        #expect(error?.code == .unterminatedQuote)
        #expect(error?.location == SourceLocation(file: "test.csv", line: 42, column: 3))
    }

    @Test func textAfterAClosingQuote() {
        let error = error("a,b\n1,\"x\"y\n")
        #expect(error?.code == .badStructure)
        #expect(error?.location == SourceLocation(file: "test.csv", line: 2, column: 6))
    }

    @Test func latin1IsRejectedWithItsPlace() {
        let error = error(Array("a,b\n1,2\n3,caf".utf8) + [0xE9] + Array("\n".utf8))
        #expect(error?.code == .badEncoding)
        #expect(error?.location == SourceLocation(file: "test.csv", line: 3, column: 3))
    }

    @Test(arguments: [[0xFF, 0xFE, 0x61, 0x00], [0xFE, 0xFF, 0x00, 0x61]] as [[UInt8]])
    func utf16IsRejected(bytes: [UInt8]) {
        let error = error(bytes)
        #expect(error?.code == .badEncoding)
        #expect(error?.location?.line == 1)
    }

    @Test func nulByteIsRejected() {
        #expect(error(Array("a,b\n1,".utf8) + [0x00] + Array("\n".utf8))?.code == .badEncoding)
    }

    @Test func recordLongerThanTheBuffer() throws {
        let long = String(repeating: "abcdefghij", count: 50)
        let text = "a,b\n\(long),\"\(long)\n\(long)\"\n1,2\n"
        #expect(try records(text) == [["a", "b"], [long, long + "\n" + long], ["1", "2"]])
    }

    @Test func fieldLocationOnTheLaterLinesOfAMultiLineRecord() throws {
        let csv = CSVReader(source: MemoryByteSource("a,b,c\n\"x\ny\",2,zz\n"), file: "test.csv", bufferSize: 64)
        _ = try csv.readHeader()
        #expect(try csv.nextRecord())
        #expect(csv.line == 2)
        #expect(csv.location(0) == SourceLocation(file: "test.csv", line: 2, column: 1))
        #expect(csv.location(1) == SourceLocation(file: "test.csv", line: 3, column: 4))
        let error = #expect(throws: InputError.self) { try csv.double(2, name: "c") }
        #expect(error?.location == SourceLocation(file: "test.csv", line: 3, column: 6))
        let count = #expect(throws: InputError.self) { try csv.requireFieldCount(4) }
        #expect(count?.location == SourceLocation(file: "test.csv", line: 3, column: 8))
    }

    @Test func numbersFromFields() throws {
        let csv = CSVReader(source: MemoryByteSource("v,w,x\n 1.5 ,,-42\n"), file: "test.csv")
        _ = try csv.readHeader()
        #expect(try csv.nextRecord())
        #expect(try csv.double(0, name: "v") == 1.5)
        #expect(try csv.double(1, name: "w") == nil)
        #expect(try csv.int(2, name: "x") == -42)
        #expect(csv.isBlank(1) && !csv.isBlank(0))
    }
}

/// Random CSV text checked against a straightforward reference split, at buffer sizes that put every kind of
/// boundary (inside a quote, between `\r` and `\n`, on a doubled quote) at a refill.
@Suite("CSV tokenizer against a reference split")
struct CSVReaderReferenceTests {
    /// SplitMix64: a small deterministic generator, so that a failure can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// RFC 4180 as plainly as it can be written: a quote opens a quoted field only at the start of a field; a record
    /// ends at LF, CRLF or CR outside quotes; a record with one empty field (an empty line) is dropped.
    static func referenceSplit(_ bytes: [UInt8], separator: UInt8) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var wasQuoted = false
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
            fields = []
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == 0x22 {
                    if index < bytes.count && bytes[index] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 && field.isEmpty && !wasQuoted {
                inQuotes = true
                wasQuoted = true
            } else if byte == separator {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A { index += 1 }
                endRecord()
            } else {
                field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }

    static func randomCSV(seed: UInt64, separator: UInt8) -> [UInt8] {
        var random = SeededGenerator(state: seed)
        let plain: [[UInt8]] = "abcXYZ019 .-_é€".map { Array(String($0).utf8) }
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 50...150, using: &random) {
            let fieldCount = Int.random(in: 1...6, using: &random)
            for position in 0..<fieldCount {
                if position > 0 { bytes.append(separator) }
                let length =
                    Bool.random(using: &random)
                    ? Int.random(in: 0...8, using: &random) : Int.random(in: 0...150, using: &random)
                if Int.random(in: 0..<3, using: &random) == 0 {
                    bytes.append(0x22)
                    for _ in 0..<length {
                        switch Int.random(in: 0..<10, using: &random) {
                        case 0: bytes += [0x22, 0x22]
                        case 1: bytes.append(separator)
                        case 2: bytes.append(0x0A)
                        case 3: bytes += [0x0D, 0x0A]
                        default: bytes += plain.randomElement(using: &random) ?? [0x61]
                        }
                    }
                    bytes.append(0x22)
                } else {
                    for _ in 0..<length { bytes += plain.randomElement(using: &random) ?? [0x61] }
                    if fieldCount == 1 && length == 0 { bytes.append(0x61) }
                }
            }
            bytes += Bool.random(using: &random) ? [0x0A] : [0x0D, 0x0A]
            if Int.random(in: 0..<10, using: &random) == 0 { bytes.append(0x0A) }
        }
        if Bool.random(using: &random) { bytes.removeLast() }
        return bytes
    }

    @Test(arguments: [64, 65, 67, 97, 128, 1000, 1 << 20])
    func randomTextMatchesTheReference(bufferSize: Int) throws {
        for seed in UInt64(1)...40 {
            let separator: UInt8 = [0x2C, 0x3B, 0x09][Int(seed % 3)]
            let bytes = Self.randomCSV(seed: seed, separator: separator)
            let expected = Self.referenceSplit(bytes, separator: separator)
            #expect(expected.count >= 50 && expected.contains { $0.contains { $0.contains("\n") } })
            let csv = CSVReader(
                source: MemoryByteSource(bytes), file: "random.csv", separator: separator, bufferSize: bufferSize)
            var actual: [[String]] = []
            while try csv.nextRecord() { actual.append((0..<csv.fieldCount).map(csv.string)) }
            #expect(actual == expected, "seed \(seed), buffer \(bufferSize)")
        }
    }
}
