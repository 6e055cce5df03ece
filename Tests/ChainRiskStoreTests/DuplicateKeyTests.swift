import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import Foundation
import Testing

@Suite("SQLite store: flows sharing a key are found the same way whether the import packs keys or SQLite groups them")
struct DuplicateKeyTests {
    /// 100 flows of `year`; flow i+50 repeats the key of flow i for i < 25, and flow 99 repeats flow 0 a third time.
    struct Repeating: TradeReader {
        let year: Int
        var format: SourceFormat { .canonical }

        func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
            var summary = ReadSummary(format: format)
            for index in 0..<100 {
                let key = index == 99 ? 0 : (index >= 50 && index < 75 ? index - 50 : index)
                let flow = TradeFlow(
                    year: year, reporter: .netherlands, partner: CountryCode(verbatim: key % 2 == 0 ? "DEU" : "BEL"),
                    product: ProductCode(sixDigits(key), in: .hs2017), flow: .imports, value: Double(index), unit: .usd)
                try sink(flow, index + 2)
                summary.recordsRead += 1
                summary.flowsEmitted += 1
            }
            return summary
        }
    }

    static func findings(year: Int) throws -> DatasetInfo {
        let store = try SQLiteTradeStore()
        let file = try StoreContract.temporaryFile("repeating \(year)")
        _ = try store.importDataset(
            ImportRequest(name: "r", sources: [.init(file: file, reader: Repeating(year: year))]))
        return try #require(try store.dataset(named: "r"))
    }

    @Test(
        "25 shared keys (one held by three flows): 20 examples in key order at the last flow's line; year 1850 (SQL grouping) says the same"
    )
    func packedAndSQLAgree() throws {
        let packed = try Self.findings(year: 2020)
        let grouped = try Self.findings(year: 1850)
        #expect(packed.findingCounts["duplicate_key"] == 25)
        let examples = packed.findingExamples.filter { $0.kind == .duplicateKey }
        #expect(examples.count == 20)
        #expect(examples.first?.message == "3 flows share the key NLD DEU HS2017:000000 import 2020; first at line 2")
        #expect(examples.first?.location?.line == 101)
        #expect(
            examples.dropFirst().first?.message
                == "2 flows share the key NLD BEL HS2017:000001 import 2020; first at line 3")
        #expect(examples.dropFirst().first?.location?.line == 53)
        let groupedExamples = grouped.findingExamples.filter { $0.kind == .duplicateKey }
        #expect(grouped.findingCounts == packed.findingCounts)
        #expect(
            groupedExamples.map { $0.message.replacingOccurrences(of: " 1850", with: " 2020") }
                == examples.map(\.message))
        #expect(groupedExamples.map(\.location?.line) == examples.map(\.location?.line))
    }
}
