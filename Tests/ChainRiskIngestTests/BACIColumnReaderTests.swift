import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

/// The column reader must list exactly the flows `BACIReader` emits, or decline (nil) and leave the file to it.
@Suite("BACI column reader")
struct BACIColumnReaderTests {
    /// The flows of `columns` as `TradeFlow`s, to compare with `BACIReader`'s.
    static func flows(_ columns: TradeFlowColumns) -> [TradeFlow] {
        columns.blocks.flatMap { block in
            (0..<block.count).map { row in
                let value: Double? = block.values[row].isNaN ? nil : block.values[row]
                return TradeFlow(
                    year: Int(block.years[row]), reporter: columns.countries[Int(block.reporters[row])],
                    partner: columns.countries[Int(block.partners[row])],
                    product: columns.productCode(block.products[row]),
                    flow: columns.flow, value: value, unit: columns.unit, status: value == nil ? .missing : .reported)
            }
        }
    }

    /// What matters of a flow for the analyses (the column reader keeps no quantities).
    static func essentials(_ flows: [TradeFlow]) -> [String] {
        flows.map {
            "\($0.year) \($0.reporter) \($0.partner) \($0.product) \($0.flow) \($0.unit) \($0.status) \($0.value.map { String($0.bitPattern) } ?? "-")"
        }
    }

    static func expectSameFlows(_ file: InputFile, options: ReadOptions = ReadOptions(), chunkSize: Int = 8 << 20)
        throws
    {
        let columns = try #require(try BACIColumnReader(chunkSize: chunkSize, workers: 2).read(file, options: options))
        let (expected, _, _) = try BACITestData.readAll(BACIReader(), file, options: options)
        #expect(essentials(flows(columns)) == essentials(expected))
        #expect(
            columns.classification
                == (options.classification ?? BACIReader.classification(fileName: file.path) ?? .hs1992))
    }

    @Test("every sample year, both views: the same flows as BACIReader", arguments: 2017...2023)
    func samples(year: Int) throws {
        var importView = ReadOptions()
        importView.flow = .imports
        try Self.expectSameFlows(BACITestData.baciSample(year: year), options: importView)
        try Self.expectSameFlows(BACITestData.baciSample(year: year), chunkSize: 4096)
    }

    @Test(
        "chunks cut anywhere: lines are read once, in order, whatever the chunk size",
        arguments: [4096, 4099, 5000, 65536])
    func chunkBoundaries(chunkSize: Int) throws {
        var text = "t,i,j,k,v,q\n"
        for line in 0..<4000 {
            text +=
                "2021,\(line % 250),\((line * 7) % 251),\(10_000 + line * 13),\(Double(line) / 8),\(line % 3 == 0 ? "" : "1.5")\n"
        }
        try Self.expectSameFlows(
            try BACITestData.file(named: "BACI_HS17_chunks.csv", contents: text), chunkSize: chunkSize)
    }

    @Test("CRLF, a byte-order mark, empty lines, no final line feed, empty and unusual values")
    func shapes() throws {
        let text =
            "\u{FEFF}t,i,j,k,v,q\r\n2021,4,8,10119,12.5,1.000\r\n\r\n2021,8,4,20329,,\r\n"
            + "2021,842,251,854231,1e3,2E-1\n2021,842,251,854232,-0.000,.5\n2021,56,58,290110, 7.25 ,\n"
            + "2021,56,999,290111,12345678901234567890.5,\n2021,0007,0251,000001,0.1,"
        try Self.expectSameFlows(try BACITestData.file(named: "BACI_HS92_shapes.csv", contents: text))
    }

    @Test("a header-only file has no flows")
    func headerOnly() throws {
        let file = try BACITestData.file(named: "BACI_HS92_empty.csv", contents: "t,i,j,k,v,q\n")
        let columns = try #require(try BACIColumnReader().read(file))
        #expect(columns.count == 0)
    }

    @Test(
        "lines the scanner leaves to BACIReader: nil, whatever the line",
        arguments: [
            "2021,4,8,10119,\"12.5\",1", "2021, 4,8,10119,12.5,1", "+2021,4,8,10119,12.5,1", "2021,4,8,10119,12.5",
            "2021,4,8,10119,12.5,1,2", "2021,1000,8,10119,12.5,1", "2021,4,8,1011900,12.5,1", "2021,4,8,10119,abc,1",
            "2021,4,8,10119,12.5,x", "70000,4,8,10119,12.5,1", "2021,4,8,10119,12.5,1\r2021,4,8,10119,12.5,1",
            "2021,-4,8,10119,1,1",
            "2021,4,8,10119,nan,1", "2021,4,8,10119,1e400,1", "",
        ])
    func declined(line: String) throws {
        let text = "t,i,j,k,v,q\n2021,4,8,10119,1,1\n" + line + "\n2021,4,8,10119,1,1\n"
        let file = try BACITestData.file(named: "BACI_HS92_declined.csv", contents: text)
        let columns = try BACIColumnReader(chunkSize: 4096).read(file)
        if line.isEmpty {
            #expect(columns?.count == 2)
        } else {
            #expect(columns == nil)
        }
    }

    @Test(
        "another header, an empty file or gzip: nil", arguments: ["t,i,j,k,v\n2021,4,8,10119,1\n", "", "T,I,J,K,V,Q\n"])
    func otherFiles(text: String) throws {
        #expect(try BACIColumnReader().read(try BACITestData.file(named: "BACI_HS92_other.csv", contents: text)) == nil)
        #expect(try BACIColumnReader().read(InputFile(path: "/nonexistent/BACI.csv.gz")) == nil)
    }

    @Test("a malformed line deep in a many-chunk file: declined, and BACIReader names its line and column")
    func malformedLineLocation() throws {
        var text = "t,i,j,k,v,q\n"
        for line in 2...3000 { text += line == 2718 ? "2021,4,8,10119,1.2.3,1\n" : "2021,4,8,\(10_000 + line),1.5,2\n" }
        let file = try BACITestData.file(named: "BACI_HS92_malformed.csv", contents: text)
        #expect(try BACIColumnReader(chunkSize: 4096).read(file) == nil)
        let error = try #require(throws: InputError.self) { try BACITestData.readAll(BACIReader(), file) }
        #expect(error.code == .badNumber)
        #expect(error.location == SourceLocation(file: "BACI_HS92_malformed.csv", line: 2718, column: 16))
    }

    @Test("the missing file error of BACIReader")
    func missingFile() {
        #expect(throws: InputError.self) { try BACIColumnReader().read(InputFile(path: "/nonexistent/BACI.csv")) }
    }
}
