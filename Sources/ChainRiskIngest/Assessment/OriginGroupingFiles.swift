public import ChainRiskCore
import Foundation

/// Reads the groupings of the origin table (the letter's Table 3): origin regions → groups, sectors → export categories.
///
/// Groups: CSV `region,group[,group_en,group_nl,note_en,note_nl]`. Categories: CSV
/// `sector,category[,category_en,category_nl,sector_name]`. Groups and categories take the order of their first row;
/// a missing name is the id. The built-in files are `BuiltIn/io/origin_groups.csv` (WIOD 2013 countries and the
/// nld11 aggregate) and `BuiltIn/io/export_categories.csv` (WIOD industries c1..c35); see `BuiltIn/io/SOURCES.md`.
/// A repeated region or sector, an empty id, or a group or category named differently on two rows is an error at
/// its line and column.
public enum OriginGroupingFiles {
    /// The built-in grouping of origin regions.
    public static func bundledGroups() throws -> InputFile { try bundled("origin_groups.csv") }

    /// The built-in export categories of WIOD industries.
    public static func bundledCategories() throws -> InputFile { try bundled("export_categories.csv") }

    /// Reads a grouping of origin regions.
    public static func groups(_ file: InputFile) throws -> OriginGrouping {
        var groups: [OriginGroup] = []
        var groupOfRegion: [String: String] = [:]
        var notes: [String: OriginNote] = [:]
        try readRows(file, key: "region", value: "group", names: ("group_en", "group_nl")) {
            csv, columns, region, group in
            if groupOfRegion[region] != nil {
                throw InputError(.badValue, "region '\(region)' is listed twice", at: csv.location(columns.key))
            }
            groupOfRegion[region] = group.id
            if let known = groups.first(where: { $0.id == group.id }) {
                try requireSameNames(known.nameEN, known.nameNL, as: group, csv: csv, columns: columns)
            } else {
                groups.append(OriginGroup(id: group.id, nameEN: group.nameEN, nameNL: group.nameNL))
            }
            let noteEN = columns.extra["note_en"].map { csv.string($0).trimmingASCIIWhitespace() } ?? ""
            let noteNL = columns.extra["note_nl"].map { csv.string($0).trimmingASCIIWhitespace() } ?? ""
            if !noteEN.isEmpty || !noteNL.isEmpty {
                notes[region] = OriginNote(en: noteEN.isEmpty ? noteNL : noteEN, nl: noteNL.isEmpty ? noteEN : noteNL)
            }
        }
        return OriginGrouping(groups: groups, groupOfRegion: groupOfRegion, notes: notes)
    }

    /// Reads a mapping of sector codes to export categories.
    public static func categories(_ file: InputFile) throws -> ExportCategories {
        var categories: [ExportCategory] = []
        var categoryOfSector: [String: String] = [:]
        var sectorNames: [String: String] = [:]
        try readRows(file, key: "sector", value: "category", names: ("category_en", "category_nl")) {
            csv, columns, sector, category in
            if categoryOfSector[sector] != nil {
                throw InputError(.badValue, "sector '\(sector)' is listed twice", at: csv.location(columns.key))
            }
            categoryOfSector[sector] = category.id
            if let known = categories.first(where: { $0.id == category.id }) {
                try requireSameNames(known.nameEN, known.nameNL, as: category, csv: csv, columns: columns)
            } else {
                categories.append(ExportCategory(id: category.id, nameEN: category.nameEN, nameNL: category.nameNL))
            }
            if let column = columns.extra["sector_name"] {
                let name = csv.string(column).trimmingASCIIWhitespace()
                if !name.isEmpty { sectorNames[sector] = name }
            }
        }
        return ExportCategories(categories: categories, categoryOfSector: categoryOfSector, sectorNames: sectorNames)
    }

    /// A group or category as one row names it.
    private struct NamedID {
        var id: String
        var nameEN: String
        var nameNL: String
    }

    /// Where the columns of a grouping file are.
    private struct Columns {
        var key: Int
        var value: Int
        var nameEN: Int?
        var nameNL: Int?
        var extra: [String: Int]
    }

    /// Reads `file` row by row, handing `body` the key (region or sector) and the named group it belongs to.
    private static func readRows(
        _ file: InputFile, key: String, value: String, names: (en: String, nl: String),
        _ body: (CSVReader, Columns, String, NamedID) throws -> Void
    ) throws {
        let csv = CSVReader(source: try file.open(), file: file.displayName)
        let header = try csv.readHeader().map { $0.trimmingASCIIWhitespace().lowercased() }
        guard let keyColumn = header.firstIndex(of: key), let valueColumn = header.firstIndex(of: value) else {
            throw InputError(
                .missingColumn, "expected columns \(key),\(value); the header has: \(header.joined(separator: ", "))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var extra: [String: Int] = [:]
        for (index, name) in header.enumerated() where extra[name] == nil { extra[name] = index }
        let columns = Columns(
            key: keyColumn, value: valueColumn, nameEN: header.firstIndex(of: names.en),
            nameNL: header.firstIndex(of: names.nl), extra: extra)
        var rows = 0
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            let keyText = csv.string(keyColumn).trimmingASCIIWhitespace()
            let id = csv.string(valueColumn).trimmingASCIIWhitespace()
            guard !keyText.isEmpty else { throw InputError(.badValue, "empty \(key)", at: csv.location(keyColumn)) }
            guard !id.isEmpty else {
                throw InputError(.badValue, "empty \(value) for \(key) '\(keyText)'", at: csv.location(valueColumn))
            }
            let nameEN = columns.nameEN.map { csv.string($0).trimmingASCIIWhitespace() } ?? ""
            let nameNL = columns.nameNL.map { csv.string($0).trimmingASCIIWhitespace() } ?? ""
            let english = nameEN.isEmpty ? id : nameEN
            try body(csv, columns, keyText, NamedID(id: id, nameEN: english, nameNL: nameNL.isEmpty ? english : nameNL))
            rows += 1
        }
        guard rows > 0 else {
            throw InputError(
                .emptyFile, "no rows after the header", at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
    }

    private static func requireSameNames(
        _ en: String, _ nl: String, as named: NamedID, csv: CSVReader, columns: Columns
    ) throws {
        if en != named.nameEN {
            throw InputError(
                .badValue, "'\(named.id)' was named '\(en)' on an earlier row, here '\(named.nameEN)'",
                at: csv.location(columns.nameEN ?? columns.value))
        }
        if nl != named.nameNL {
            throw InputError(
                .badValue, "'\(named.id)' was named '\(nl)' on an earlier row, here '\(named.nameNL)'",
                at: csv.location(columns.nameNL ?? columns.value))
        }
    }

    private static func bundled(_ name: String) throws -> InputFile {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "BuiltIn/io") else {
            throw InputError(
                .missingFile, "the built-in file io/\(name) is missing from the installation (BuiltIn/io/\(name))",
                at: nil)
        }
        return InputFile(path: url.path, displayName: "io/\(name)")
    }
}
