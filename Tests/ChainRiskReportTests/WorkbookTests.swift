import ChainRiskReport
import Foundation
import Testing

@Suite("Workbook: sheet names, cells and bytes")
struct WorkbookTests {
    @Test(
        "sheet names are made valid and unique (31 characters, no []:*?/\\), and the bytes depend on the content only")
    func namesAndBytes() throws {
        var workbook = Workbook()
        let table = DataTable(
            columns: [.init("a", title: "A & B"), .init("b", title: "Value (EUR mln)")],
            rows: [
                [.text("<x>"), .number(0.35421884085271105, decimals: 3)], [.text("y"), .integer(12_345)],
                [.empty, .empty],
            ])
        workbook.add(table, name: "Imports: 2022 [all]/partners and more text than fits")
        workbook.add(table, name: "Imports: 2022 [all]/partners and more text than fits")
        #expect(workbook.sheets.map(\.name) == ["Imports- 2022 -all--partners an", "Imports- 2022 -all--partner (2)"])
        #expect(workbook.sheets.allSatisfy { $0.name.count <= 31 })
        let first = try workbook.data()
        let second = try workbook.data()
        #expect(first == second && first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
