import ChainRiskCore

/// Tells a trade file's `SourceFormat` from its first bytes, so that `chainrisk import FILE` needs no `--format`.
///
/// Reads at most `prefixSize` bytes (gzip files inflated), skipping a UTF-8 BOM. JSON (first non-blank byte `{` or
/// `[`): `"odata.metadata"`, or a `"value"` array with `Perioden` → CBS; a `"data"` array whose records carry
/// `refYear`, `cmdCode` or `primaryValue` → Comtrade (a bulk-file listing, which has `reporterCode` but none of
/// these, is not trade data). CSV, by header column names (case-insensitive):
/// 1. exactly `t,i,j,k,v,q` → BACI;
/// 2. two or more of `refYear`/`ref_year`, `cmdCode`/`cmd_code`, `primaryValue`/`primary_value` (also with a unit
///    suffix such as `primaryValue_usd`), `reporterISO`/`reporter_iso` → Comtrade (one alone is not enough: a
///    Comtrade code list has `cmdCode`, an exporter file `reporter_iso`);
/// 3. `Perioden` → CBS;
/// 4. `PRODUCT_NC` with `REPORTER` or `DECLARANT` (or `DECLARANT_ISO`) → Comext;
/// 5. all of `year,reporter,partner,product,flow,value` → canonical.
/// Anything else throws `InputError(.unknownFormat)` listing the header and suggesting `--format csv --map …`.
public enum FormatDetector {
    /// How many bytes detection reads at most.
    public static let prefixSize = 16 * 1024

    /// The format of `file`, judged from its first bytes.
    public static func detect(_ file: InputFile) throws -> SourceFormat {
        var source = try file.open()
        var prefix = [UInt8](repeating: 0, count: prefixSize)
        var filled = 0
        while filled < prefixSize {
            let count = try prefix.withUnsafeMutableBytes { buffer in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        return try detect(prefix: Array(prefix[0..<filled]), name: file.displayName)
    }

    /// The format of a file whose first bytes are `prefix`; `name` is used in errors.
    public static func detect(prefix: [UInt8], name: String) throws -> SourceFormat {
        var bytes = ArraySlice(prefix)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                .badEncoding, "the file is UTF-16 encoded; save it as UTF-8",
                at: SourceLocation(file: name, line: 1, column: 1))
        }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            throw InputError(.emptyFile, "the file is empty", at: SourceLocation(file: name, line: 1, column: 1))
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return try detectJSON(String(decoding: bytes, as: UTF8.self), name: name)
        }
        return try detectCSV(Array(bytes), name: name)
    }

    private static func detectJSON(_ text: String, name: String) throws -> SourceFormat {
        if text.contains("\"odata.metadata\"") || (text.contains("\"value\"") && text.contains("\"Perioden\"")) {
            return .cbs
        }
        if text.contains("\"data\""),
            ["\"refYear\"", "\"cmdCode\"", "\"primaryValue\""].contains(where: { text.contains($0) })
        {
            return .comtrade
        }
        throw InputError(
            .unknownFormat,
            "cannot tell the format of this JSON file: it is neither CBS OData (odata.metadata) nor a UN Comtrade response (data with refYear, cmdCode)",
            at: SourceLocation(file: name, line: 1, column: 1))
    }

    /// How many UN Comtrade column names a header has: `refYear`, `cmdCode`, `primaryValue` (also `primaryValue_usd`),
    /// `reporterISO`, in camelCase or snake_case.
    private static func comtradeColumnCount(_ columns: Set<String>) -> Int {
        let folded = Set(
            columns.map { column in
                let name = String(column.filter { $0 != "_" })
                return name.hasPrefix("primaryvalue") ? "primaryvalue" : name
            })
        return folded.intersection(["refyear", "cmdcode", "primaryvalue", "reporteriso"]).count
    }

    private static func detectCSV(_ bytes: [UInt8], name: String) throws -> SourceFormat {
        let csv = CSVReader(source: MemoryByteSource(bytes), file: name)
        let header = try csv.readHeader()
        let columns = Set(header.map { $0.lowercased() })
        if header == BACIReader.header { return .baci }
        if comtradeColumnCount(columns) >= 2 { return .comtrade }
        if columns.contains("perioden") { return .cbs }
        if columns.contains("product_nc") && !columns.isDisjoint(with: ["reporter", "declarant", "declarant_iso"]) {
            return .comext
        }
        if columns.isSuperset(of: CanonicalCSVReader.requiredColumns) { return .canonical }
        throw InputError(
            .unknownFormat,
            "cannot tell the format from the header (\(header.joined(separator: ","))); read it with --format csv --map field=column,… (fields: \(MappedCSVReader.fieldNames.joined(separator: ", ")))",
            at: SourceLocation(file: name, line: 1, column: 1))
    }
}
