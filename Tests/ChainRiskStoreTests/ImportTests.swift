import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import Foundation
import Testing

@Suite("Atomic, idempotent imports")
struct ImportTests {
    /// A temporary file with the given text, so imports have a real path to hash.
    func temporaryFile(_ text: String) throws -> InputFile {
        let path = NSTemporaryDirectory() + "chainrisk-store-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return InputFile(path: path)
    }

    @Test("a reader failing at flow 5 000 leaves no dataset and no flows")
    func failingImportLeavesNothing() throws {
        let store = try TradeStore()
        let file = try temporaryFile("generated")
        let request = ImportRequest(name: "broken", sources: [.init(file: file, reader: GeneratedReader(count: 10_000, failAt: 5_000))])
        #expect(throws: InputError.self) { try store.importDataset(request) }
        #expect(try store.datasets().isEmpty)
        let ok = ImportRequest(name: "ok", sources: [.init(file: file, reader: GeneratedReader(count: 3))])
        _ = try store.importDataset(ok)
        #expect(try store.flows(in: "ok").count == 3)
    }

    @Test("a second import of the same file under the same name is a no-op")
    func reimportIsNoOp() throws {
        let store = try TradeStore()
        let file = try temporaryFile("same bytes")
        let request = ImportRequest(name: "d", sources: [.init(file: file, reader: GeneratedReader(count: 100))])
        guard case .imported(let first) = try store.importDataset(request) else {
            Issue.record("first import should store")
            return
        }
        #expect(first.rowCount == 100)
        // 1 + 2 + … + 100 = 5 050.
        #expect(first.valueTotals["USD"] == 5_050)
        guard case .alreadyImported(let second) = try store.importDataset(request) else {
            Issue.record("second import should be a no-op")
            return
        }
        #expect(second.rowCount == 100)
        #expect(second.importedAt == first.importedAt)
        #expect(try store.flows(in: "d").count == 100)
    }

    @Test("the same name with another file is refused unless replace is given")
    func sameNameOtherFile() throws {
        let store = try TradeStore()
        let first = try temporaryFile("one")
        let second = try temporaryFile("two")
        _ = try store.importDataset(ImportRequest(name: "d", sources: [.init(file: first, reader: GeneratedReader(count: 2))]))
        #expect(throws: StoreError.self) {
            try store.importDataset(ImportRequest(name: "d", sources: [.init(file: second, reader: GeneratedReader(count: 5))]))
        }
        #expect(try store.flows(in: "d").count == 2)
        _ = try store.importDataset(ImportRequest(name: "d", sources: [.init(file: second, reader: GeneratedReader(count: 5))], replace: true))
        #expect(try store.flows(in: "d").count == 5)
    }

    @Test("the dataset records the file's SHA-256 and size")
    func provenance() throws {
        let store = try TradeStore()
        let file = try temporaryFile("abc")
        _ = try store.importDataset(ImportRequest(name: "p", sources: [.init(file: file, reader: GeneratedReader(count: 1))]))
        let info = try #require(try store.dataset(named: "p"))
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        #expect(info.files.first?.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(info.files.first?.sizeBytes == 3)
        #expect(info.chainriskVersion == ChainRiskVersion.current)
    }

    @Test("flows sharing a key are reported as duplicate_key findings")
    func duplicates() throws {
        let store = try TradeStore()
        let file = try temporaryFile("dup")
        struct Twice: TradeReader {
            var format: SourceFormat { .canonical }
            func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
                let flow = TradeFlow(year: 2019, reporter: .netherlands, partner: CountryCode(verbatim: "CHN"), product: ProductCode("8471", in: .hs), flow: .imports, value: 1, unit: .usd)
                try sink(flow, 2)
                try sink(flow, 7)
                var summary = ReadSummary(format: format)
                summary.recordsRead = 2
                summary.flowsEmitted = 2
                return summary
            }
        }
        _ = try store.importDataset(ImportRequest(name: "dup", sources: [.init(file: file, reader: Twice())]))
        let info = try #require(try store.dataset(named: "dup"))
        #expect(info.findingCounts["duplicate_key"] == 1)
        #expect(info.findingExamples.first?.location?.line == 7)
        #expect(throws: InputError.self) {
            try store.importDataset(ImportRequest(name: "dup2", sources: [.init(file: file, reader: Twice())], strict: true))
        }
        #expect(try store.dataset(named: "dup2") == nil)
    }

    @Test("removing a dataset removes its flows; removing an unknown one fails")
    func remove() throws {
        let store = try TradeStore()
        let file = try temporaryFile("r")
        _ = try store.importDataset(ImportRequest(name: "r", sources: [.init(file: file, reader: GeneratedReader(count: 4))]))
        try store.removeDataset(named: "r")
        #expect(try store.datasets().isEmpty)
        #expect(throws: StoreError.self) { try store.removeDataset(named: "r") }
    }
}
