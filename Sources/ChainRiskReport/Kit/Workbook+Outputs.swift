import ChainRiskCore
import Foundation

extension TableSet {
    /// One sheet per table (named by its title, else its key) and the provenance.
    public func workbook() -> Workbook {
        var workbook = Workbook()
        for (key, table) in tables { workbook.add(table, name: table.title ?? key) }
        workbook.add(provenance)
        return workbook
    }
}

extension ConcentrationOutput {
    /// The concentration rows (one per JSON row, the CSV's columns), the further sections and the provenance.
    public func workbook() -> Workbook {
        var workbook = Workbook()
        workbook.add(table.table(), name: "Concentration")
        for section in sections { workbook.add(section.table, name: section.table.title ?? section.key) }
        workbook.add(provenance)
        return workbook
    }
}

extension WorldMarketOutput {
    /// The world-market rows and the provenance.
    public func workbook() -> Workbook {
        var workbook = Workbook()
        workbook.add(table(), name: "World market")
        workbook.add(provenance)
        return workbook
    }
}

extension ScenarioReport {
    /// Every table of the run and the provenance.
    public func workbook() -> Workbook {
        var workbook = Workbook()
        for (key, table) in tables { workbook.add(table, name: table.title ?? key) }
        workbook.add(provenance)
        return workbook
    }
}

extension VulnerabilityReport {
    /// Every table of the report in the letter's order, each named after its title (Table 1 …, policy options) or
    /// section, and the provenance.
    public func workbook() -> Workbook {
        var workbook = Workbook()
        for section in document().sections {
            // Computed Tables 4 and 5 carry no title of their own: they take the letter's numbers as sheet names.
            var untitled =
                section.id == "concentration" ? [label("Table 4", "Tabel 4"), label("Table 5", "Tabel 5")] : []
            for block in section.blocks {
                guard case .table(let table, _) = block else { continue }
                let name =
                    table.title.map(Self.sheetName) ?? (untitled.isEmpty ? section.heading : untitled.removeFirst())
                workbook.add(table, name: name)
            }
        }
        workbook.add(provenance)
        return workbook
    }

    /// "Table 4. Ten largest products …" → "Table 4" (Dutch "Tabel 4"); other titles as they are.
    static func sheetName(_ title: String) -> String {
        let words = title.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, ["Table", "Tabel"].contains(words[0]) else { return title }
        return "\(words[0]) \(words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:")))"
    }
}

extension OriginTableOutput {
    /// The letter's Table 3 shape, the rows (export sector, origin, value, share) and the provenance.
    public func workbook(provenance: Provenance) -> Workbook {
        var workbook = Workbook()
        workbook.add(letterTable(title: title), name: "Table 3")
        workbook.add(rowsTable(), name: "Rows")
        workbook.add(provenance)
        return workbook
    }
}
