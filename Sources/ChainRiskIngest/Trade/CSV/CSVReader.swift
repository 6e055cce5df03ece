public import ChainRiskCore

/// A streaming, byte-level CSV tokenizer (RFC 4180 quoting, `,` `;` or tab separated, LF or CRLF lines).
///
/// It reads the source in chunks and exposes one record at a time as byte ranges into its buffer, decoding a
/// `String` only for fields the caller asks for. Malformed input (an unterminated quote, text after a closing
/// quote, invalid UTF-8, UTF-16) throws `InputError` with the file, line and column.
/// - Complexity: O(n) in the input size; memory is bounded by the buffer size and the longest record.
public final class CSVReader {
    /// The file name used in errors and findings.
    public let file: String
    /// The field separator byte.
    public private(set) var separator: UInt8

    private var source: any ByteSource
    private var buffer: UnsafeMutableRawBufferPointer
    private var dataEnd = 0
    private var position = 0
    private var atEndOfInput = false
    private var nextLine = 1
    private var checkedStart = false

    /// Field boundaries of the current record, as offsets into `buffer`.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var escaped: [Bool] = []
    private var quoted: [Bool] = []
    private var lineStartOffset = 0
    /// True when the current record has a quoted line break (it spans lines); locations then count line breaks.
    private var recordSpansLines = false
    /// The line on which the current record starts (1-based).
    public private(set) var line = 0

    /// The longest record read (64 MB): a longer one is no row of trade data but a file without line breaks or a
    /// compressed bomb, and growing the buffer for it would take memory without bound.
    public static let defaultMaximumRecordBytes = 64 << 20
    private let maximumRecordBytes: Int

    /// Creates a reader; with `separator` nil it is detected from the first line (`;`, tab or `,`).
    public init(
        source: any ByteSource, file: String, separator: UInt8? = nil, bufferSize: Int = 1 << 20,
        maximumRecordBytes: Int = CSVReader.defaultMaximumRecordBytes
    ) {
        self.source = source
        self.file = file
        self.maximumRecordBytes = maximumRecordBytes
        self.separator = separator ?? 0
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 64), alignment: 8)
        starts.reserveCapacity(64)
        ends.reserveCapacity(64)
        escaped.reserveCapacity(64)
    }

    deinit { buffer.deallocate() }

    /// Bytes of the underlying file consumed so far, for progress reports.
    public var bytesConsumed: Int { source.bytesConsumed }

    /// The number of fields in the current record.
    public var fieldCount: Int { starts.count }

    /// Advances to the next non-empty record; returns false at the end of input.
    public func nextRecord() throws -> Bool {
        if !checkedStart { try checkStart() }
        while true {
            if let (next, highBit) = try parseRecord(at: position) {
                if highBit { try validateEncoding() }
                position = next
                if starts.count == 1 && starts[0] == ends[0] { continue }
                return true
            }
            if atEndOfInput { return false }
            try refill()
        }
    }

    /// Reads the first record as a header of column names, trimmed.
    public func readHeader() throws -> [String] {
        guard try nextRecord() else {
            throw InputError(
                .emptyFile, "the file is empty: expected a header line",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        let names = (0..<fieldCount).map { string($0).trimmingASCIIWhitespace() }
        // A name given twice would silently read the first column and ignore the second.
        var first: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let earlier = first[name.lowercased()] {
                throw InputError(
                    .badStructure,
                    "column '\(name)' appears twice in the header (columns \(earlier + 1) and \(index + 1)); which one holds the data is unclear",
                    at: location(index))
            }
            first[name.lowercased()] = index
        }
        return names
    }

    // MARK: Field access

    /// The raw bytes of field `index` (quotes removed; doubled quotes still doubled when `isEscaped`).
    @inline(__always)
    public func withBytes<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[starts[index]..<ends[index]]))
    }

    /// True when field `index` is empty or blank.
    public func isBlank(_ index: Int) -> Bool {
        withBytes(index) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Field `index` decoded as a string, with doubled quotes collapsed.
    public func string(_ index: Int) -> String {
        withBytes(index) { bytes in
            guard escaped[index] else { return String(decoding: bytes, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(bytes.count)
            var skipNext = false
            for byte in bytes {
                if skipNext {
                    skipNext = false
                    continue
                }
                unescaped.append(byte)
                if byte == 0x22 { skipNext = true }
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// The 1-based byte column at which field `index` starts on its line.
    public func column(_ index: Int) -> Int { place(of: fieldOffset(index)).column }

    /// The location of field `index` (or, past the last field, of the end of the record), for errors and findings.
    ///
    /// A record with a quoted line break spans several lines: the line is the one the field starts on.
    public func location(_ index: Int) -> SourceLocation {
        let (fieldLine, fieldColumn) = place(
            of: index < starts.count ? fieldOffset(index) : (ends.last ?? lineStartOffset))
        return SourceLocation(file: file, line: fieldLine, column: fieldColumn)
    }

    /// The location of the start of the current record.
    public var recordLocation: SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    /// Field `index` as a number; nil when blank; throws `badNumber` naming `name` otherwise.
    public func double(_ index: Int, name: String) throws -> Double? {
        let value: Double?? = withBytes(index) { bytes in
            let trimmed = NumberParser.trim(bytes)
            if trimmed.isEmpty { return .some(nil) }
            return NumberParser.double(trimmed).map { .some($0) }
        }
        guard let result = value else {
            throw InputError.badNumber(string(index), column: name, at: location(index))
        }
        return result
    }

    /// Field `index` as an integer; nil when blank; throws `badNumber` naming `name` otherwise.
    public func int(_ index: Int, name: String) throws -> Int? {
        let value: Int?? = withBytes(index) { bytes in
            let trimmed = NumberParser.trim(bytes)
            if trimmed.isEmpty { return .some(nil) }
            return NumberParser.int(trimmed).map { .some($0) }
        }
        guard let result = value else {
            throw InputError.badNumber(string(index), column: name, at: location(index))
        }
        return result
    }

    /// Throws `wrongColumnCount` unless the record has exactly `expected` fields.
    public func requireFieldCount(_ expected: Int) throws {
        guard fieldCount == expected else {
            throw InputError.wrongColumnCount(
                found: fieldCount, expected: expected, at: location(min(fieldCount, expected)))
        }
    }

    /// The buffer offset of field `index`'s first byte, its opening quote if it has one.
    private func fieldOffset(_ index: Int) -> Int { starts[index] - (quoted[index] ? 1 : 0) }

    /// The line and 1-based column of buffer offset `offset` within the current record.
    private func place(of offset: Int) -> (line: Int, column: Int) {
        // One line (almost every record): the column is the distance from its start, no scan. A scan per call made
        // every negative cell of a 4,000-column ICIO row cost a pass over the row.
        guard recordSpansLines else { return (line, offset - lineStartOffset + 1) }
        var placeLine = line
        var lineStart = lineStartOffset
        var index = lineStartOffset
        while index < offset {
            if buffer[index] == 0x0A {
                placeLine += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (placeLine, offset - lineStart + 1)
    }
}

extension CSVReader {
    /// Detects BOMs and encodings the reader refuses, and picks the separator from the first line.
    private func checkStart() throws {
        checkedStart = true
        while dataEnd < 4 && !atEndOfInput { try refill() }
        let head = Array(buffer[0..<min(dataEnd, 4)])
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                .badEncoding, "the file is UTF-16 encoded; save it as UTF-8",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if separator == 0 {
            var commas = 0
            var semicolons = 0
            var tabs = 0
            var index = position
            var inQuotes = false
            while index < dataEnd {
                let byte = buffer[index]
                if byte == 0x22 { inQuotes.toggle() }
                if !inQuotes {
                    if byte == 0x0A { break }
                    if byte == 0x2C {
                        commas += 1
                    } else if byte == 0x3B {
                        semicolons += 1
                    } else if byte == 0x09 {
                        tabs += 1
                    }
                }
                index += 1
            }
            separator = semicolons > commas && semicolons >= tabs ? 0x3B : (tabs > commas ? 0x09 : 0x2C)
        }
    }

    /// Moves the unread bytes to the front of the buffer (growing it if one record fills it) and reads more.
    private func refill() throws {
        let keep = dataEnd - position
        if position > 0 && keep > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + position, byteCount: keep)
        }
        dataEnd = keep
        position = 0
        if dataEnd == buffer.count {
            guard buffer.count < maximumRecordBytes else {
                throw InputError(
                    .badStructure,
                    "a record longer than \(maximumRecordBytes >> 20 > 0 ? "\(maximumRecordBytes >> 20) MB" : "\(maximumRecordBytes) bytes") starts here: no row of trade data is that long (a file without line breaks, an unclosed quote, or a compressed bomb); nothing was read from this file",
                    at: SourceLocation(file: file, line: nextLine, column: 1))
            }
            let larger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maximumRecordBytes), alignment: 8)
            larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
            buffer.deallocate()
            buffer = larger
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[dataEnd...]))
        if count == 0 { atEndOfInput = true }
        dataEnd += count
    }

    /// Parses one record starting at `offset`; nil when the buffer ends before the record does (and more input may come).
    ///
    /// Returns where the next record starts and whether the record has bytes that need UTF-8 validation. The loop
    /// works on local copies of the buffer and field arrays: touching the class's stored properties per byte costs a
    /// dynamic exclusivity check each time, which took more than half of the reading time.
    private func parseRecord(at offset: Int) throws -> (next: Int, highBit: Bool)? {
        let buffer = self.buffer
        let dataEnd = self.dataEnd
        let atEndOfInput = self.atEndOfInput
        let separator = self.separator
        var starts: [Int] = []
        var ends: [Int] = []
        var escaped: [Bool] = []
        var quoted: [Bool] = []
        swap(&starts, &self.starts)
        swap(&ends, &self.ends)
        swap(&escaped, &self.escaped)
        swap(&quoted, &self.quoted)
        defer {
            swap(&starts, &self.starts)
            swap(&ends, &self.ends)
            swap(&escaped, &self.escaped)
            swap(&quoted, &self.quoted)
        }
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        escaped.removeAll(keepingCapacity: true)
        quoted.removeAll(keepingCapacity: true)
        var index = offset
        var currentLine = nextLine
        var currentLineStart = offset
        let recordLine = nextLine
        var highBit = false
        if index >= dataEnd { return nil }
        while true {
            // One field.
            if index < dataEnd && buffer[index] == 0x22 {
                let quoteColumn = index - currentLineStart + 1
                let quoteLine = currentLine
                index += 1
                let contentStart = index
                var hasEscapes = false
                while true {
                    guard index < dataEnd else {
                        if atEndOfInput {
                            throw InputError(
                                .unterminatedQuote, "unterminated quoted field: the closing '\"' is missing",
                                at: SourceLocation(file: file, line: quoteLine, column: quoteColumn))
                        }
                        return nil
                    }
                    let byte = buffer[index]
                    if byte == 0x22 {
                        if index + 1 >= dataEnd && !atEndOfInput { return nil }
                        if index + 1 < dataEnd && buffer[index + 1] == 0x22 {
                            hasEscapes = true
                            index += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0A {
                        currentLine += 1
                        currentLineStart = index + 1
                    }
                    if byte >= 0x80 || byte == 0 { highBit = true }
                    index += 1
                }
                starts.append(contentStart)
                ends.append(index)
                escaped.append(hasEscapes)
                quoted.append(true)
                index += 1
                if index < dataEnd {
                    let byte = buffer[index]
                    if byte != separator && byte != 0x0A && byte != 0x0D {
                        throw InputError(
                            .badStructure,
                            "unexpected character after a closing quote; expected '\(Character(Unicode.Scalar(separator)))' or end of line",
                            at: SourceLocation(file: file, line: currentLine, column: index - currentLineStart + 1))
                    }
                }
            } else {
                let fieldStart = index
                while index < dataEnd {
                    let byte = buffer[index]
                    if byte == separator || byte == 0x0A || byte == 0x0D { break }
                    if byte >= 0x80 || byte == 0 { highBit = true }
                    index += 1
                }
                starts.append(fieldStart)
                ends.append(index)
                escaped.append(false)
                quoted.append(false)
            }
            guard index < dataEnd else {
                if !atEndOfInput { return nil }
                break
            }
            let byte = buffer[index]
            if byte == separator {
                index += 1
                continue
            }
            if byte == 0x0D {
                if index + 1 >= dataEnd && !atEndOfInput { return nil }
                index += 1
                if index < dataEnd && buffer[index] == 0x0A { index += 1 }
            } else {
                index += 1
            }
            break
        }
        line = recordLine
        lineStartOffset = offset
        recordSpansLines = currentLine != recordLine
        nextLine = currentLine + 1
        return (index, highBit)
    }

    /// Checks that every field of the current record is valid UTF-8 without NUL bytes.
    private func validateEncoding() throws {
        for field in 0..<starts.count {
            let valid: Bool = withBytes(field) { bytes in
                if bytes.contains(0) { return false }
                return String(validating: bytes, as: UTF8.self) != nil
            }
            if !valid {
                throw InputError(
                    .badEncoding, "the text is not valid UTF-8 (is the file Latin-1 or UTF-16?); save it as UTF-8",
                    at: location(field))
            }
        }
    }
}
