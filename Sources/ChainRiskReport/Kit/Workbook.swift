public import Foundation
import ZIPFoundation

/// A spreadsheet of named sheets, written as an Office Open XML workbook (`.xlsx`) for analysts who work in Excel.
///
/// Numbers are numbers (not text), the header row is bold and frozen, columns are as wide as their content (within
/// limits), and the bytes depend on the content only: entries carry a fixed date, so the same tables give the same
/// file on every machine.
public struct Workbook: Sendable {
    /// One sheet: a header row and rows of cells.
    public struct Sheet: Sendable {
        public var name: String
        public var header: [String]
        public var rows: [[DataTable.Cell]]

        public init(name: String, header: [String], rows: [[DataTable.Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    public private(set) var sheets: [Sheet] = []

    public init() {}

    /// Adds a sheet, its name made valid and unique (Excel: at most 31 characters, none of `[]:*?/\`).
    public mutating func add(_ sheet: Sheet) {
        var sheet = sheet
        let base = String(sheet.name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31)).trimmingCharacters(
            in: .whitespaces)
        var name = base.isEmpty ? "Sheet" : base
        var counter = 2
        while sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            let suffix = " (\(counter))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        sheet.name = name
        sheets.append(sheet)
    }

    /// Adds `table` as a sheet: column titles as the header (they carry the units), cells as they are.
    public mutating func add(_ table: DataTable, name: String) {
        add(Sheet(name: name, header: table.columns.map(\.title), rows: table.rows))
    }

    /// Adds the provenance as a sheet of `field, value` rows (nested fields joined with dots).
    public mutating func add(_ provenance: Provenance) {
        var rows: [[DataTable.Cell]] = []
        func flatten(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let members):
                for key in members.keys.sorted() {
                    flatten(members[key] ?? .null, path.isEmpty ? key : path + "." + key)
                }
            case .array(let items):
                for (index, item) in items.enumerated() { flatten(item, "\(path)[\(index + 1)]") }
            case .string(let text): rows.append([.text(path), .text(text)])
            case .number(let number):
                rows.append([.text(path), .number(number, text: JSONValue.number(number).render())])
            case .bool(let flag): rows.append([.text(path), .text(flag ? "true" : "false")])
            case .null: rows.append([.text(path), .empty])
            }
        }
        flatten(provenance.json, "")
        add(Sheet(name: "Provenance", header: ["Field", "Value"], rows: rows))
    }

    /// The `.xlsx` bytes.
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func entry(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.fixedDate,
                compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        try entry("[Content_Types].xml", contentTypes)
        try entry("_rels/.rels", Self.rootRelationships)
        try entry("xl/workbook.xml", workbookXML)
        try entry("xl/_rels/workbook.xml.rels", workbookRelationships)
        try entry("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            try entry("xl/worksheets/sheet\(index + 1).xml", Self.sheetXML(sheet))
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// 1 January 2000: a date inside the ZIP format's range, the same for every file.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    private var contentTypes: String {
        let sheetTypes = sheets.indices.map {
            #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return Self.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheetTypes + "</Types>"
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    private static let rootRelationships =
        declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private var workbookXML: String {
        let entries = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(Self.escape(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        return Self.declaration
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<sheets>" + entries + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        let entries = sheets.indices.map {
            #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
        }.joined()
        let styles =
            #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return Self.declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + entries + styles + "</Relationships>"
    }

    /// Style 0: default; 1: bold (the header); 2: whole numbers with thousands grouping.
    private static let styles =
        declaration
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func sheetXML(_ sheet: Sheet) -> String {
        let columnCount = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 8, count: columnCount)
        for (index, title) in sheet.header.enumerated() { widths[index] = max(widths[index], title.count + 2) }
        for row in sheet.rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.display.count + 2) }
        }
        var xml = declaration + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        if columnCount > 0 {
            xml +=
                "<cols>"
                + widths.enumerated().map { index, width in
                    #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(min(width, 60))" customWidth="1"/>"#
                }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, sheet.header.map { DataTable.Cell.text($0) }, style: 1)
        for (index, cells) in sheet.rows.enumerated() { xml += row(index + 2, cells, style: 0) }
        xml += "</sheetData></worksheet>"
        return xml
    }

    private static func row(_ number: Int, _ cells: [DataTable.Cell], style: Int) -> String {
        var xml = #"<row r="\#(number)">"#
        for (index, cell) in cells.enumerated() {
            let reference = columnName(index) + String(number)
            switch cell {
            case .empty:
                continue
            case .text(let text), .missing(let text), .coded(_, let text):
                let space =
                    text.first?.isWhitespace == true || text.last?.isWhitespace == true ? #" xml:space="preserve""# : ""
                xml +=
                    #"<c r="\#(reference)" t="inlineStr" s="\#(style)"><is><t\#(space)>\#(escape(text))</t></is></c>"#
            case .number(let value, let text):
                xml +=
                    value.isFinite
                    ? #"<c r="\#(reference)"><v>\#(value)</v></c>"#
                    : #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
            case .integer(let value, _):
                xml += #"<c r="\#(reference)" s="2"><v>\#(value)</v></c>"#
            }
        }
        return xml + "</row>"
    }

    /// A, B, …, Z, AA, AB, …
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Text for XML: the characters XML 1.0 forbids (control characters other than tab and line breaks, U+FFFE,
    /// U+FFFF) dropped, then the five entities escaped as in HTML.
    static func escape(_ text: String) -> String {
        let allowed = text.unicodeScalars.filter { scalar in
            scalar == "\t" || scalar == "\n" || scalar == "\r"
                || (scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value))
        }
        return HTMLText.escape(String(String.UnicodeScalarView(allowed)))
    }
}
