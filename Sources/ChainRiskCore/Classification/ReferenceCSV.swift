/// A small CSV reader for the bundled reference tables: comma-separated, `"`-quoted fields with `""` for a quote,
/// commas and line breaks allowed inside quotes, `\n` or `\r\n` line ends, blank lines skipped.
///
/// The tables are small and trusted, so this keeps every field as a `String`; user data goes through the
/// streaming readers of ChainRiskIngest instead.
enum ReferenceCSV {
    /// One row and the line it starts on.
    struct Record: Sendable {
        let line: Int
        let fields: [String]
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Splits `bytes` into records; `resource` names the file in errors.
    static func parse(_ bytes: [UInt8], resource: String) throws(ReferenceDataError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func endField() throws(ReferenceDataError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw ReferenceDataError(.badEncoding, resource: resource, line: recordLine, "field is not valid UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }

        func endRecord() throws(ReferenceDataError) {
            try endField()
            if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote, field.isEmpty {
                inQuotes = true
            } else if byte == comma {
                try endField()
            } else if byte == newline {
                try endRecord()
                line += 1
                recordLine = line
            } else if byte != carriageReturn || index + 1 >= bytes.count || bytes[index + 1] != newline {
                field.append(byte)
            }
            index += 1
        }
        if inQuotes {
            throw ReferenceDataError(
                .unterminatedQuote, resource: resource, line: recordLine, "quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
        return records
    }
}
