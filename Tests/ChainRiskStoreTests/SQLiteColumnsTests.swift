import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import Foundation
import Testing

@Suite("SQLite store: a dataset read back as columns for the columnar engine")
struct SQLiteColumnsTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path

    @Test(
        "a BACI year comes back in file order, seen from the importers, with the values the column reader reads from the file"
    )
    func baciColumns() throws {
        let store = try SQLiteTradeStore()
        let file = InputFile(path: Self.data + "/baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv")
        _ = try store.importDataset(ImportRequest(name: "b", sources: [.init(file: file, reader: BACIReader())]))
        let stored = try #require(try store.flowColumns(in: "b", stored: .exports, mirrored: true))
        let read = try #require(try BACIColumnReader().read(file, options: ReadOptions(flow: .imports)))
        #expect(stored.flow == .imports && stored.unit == read.unit && stored.classification == read.classification)
        #expect(stored.count == read.count && stored.count > 10_000)
        let storedRows = stored.blocks.flatMap { block in
            block.values.indices.map {
                (
                    stored.countries[Int(block.reporters[$0])], stored.countries[Int(block.partners[$0])],
                    block.products[$0], block.years[$0]
                )
            }
        }
        let fileRows = read.blocks.flatMap { block in
            block.values.indices.map {
                (
                    read.countries[Int(block.reporters[$0])], read.countries[Int(block.partners[$0])],
                    block.products[$0], block.years[$0]
                )
            }
        }
        #expect(storedRows.elementsEqual(fileRows) { $0 == $1 })
        let storedValues = stored.blocks.flatMap(\.values)
        let fileValues = read.blocks.flatMap(\.values)
        #expect(storedValues.elementsEqual(fileValues) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test("rows that do not fit columns (Comtrade codes of 2, 4 and 6 digits) give nil: the caller reads rows")
    func mixedLevelsDoNotFit() throws {
        let store = try SQLiteTradeStore()
        let file = InputFile(
            path: Self.data + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
        _ = try store.importDataset(ImportRequest(name: "nl", sources: [.init(file: file, reader: ComtradeReader())]))
        #expect(try store.flowColumns(in: "nl", stored: .imports, mirrored: false) == nil)
        #expect(throws: StoreError.self) { try store.flowColumns(in: "none", stored: .imports, mirrored: false) }
    }
}
