import ChainRiskCore

/// Reads JSON tokens byte by byte from a `ByteSource`, tracking line and column for errors.
///
/// Only the current chunk and the token being read are held in memory. Strings are validated as UTF-8 and
/// unescaped (`\uXXXX` with surrogate pairs); numbers follow the JSON grammar strictly. A value type with
/// mutating methods, so the per-byte loops touch no class properties (no dynamic exclusivity checks).
struct JSONLexer {
    /// The longest string a document may hold (as a CSV record): a longer one is refused, not held in memory.
    static let maximumStringBytes = 64 << 20
    /// The longest number (digits, sign, point, exponent); far beyond any double's precision.
    static let maximumNumberBytes = 1_000

    let file: String
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// The 1-based byte column of the next byte.
    private(set) var column = 1

    private var source: any ByteSource
    /// Owns the chunk memory; `buffer` points into it.
    private let storage: JSONChunkStorage
    private let buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var dataEnd = 0
    private var atEndOfInput = false
    private var checkedStart = false
    /// The bytes of the token being read.
    var scratch: [UInt8] = []

    init(source: any ByteSource, file: String, bufferSize: Int) {
        self.source = source
        self.file = file
        self.storage = JSONChunkStorage(byteCount: max(bufferSize, 16))
        self.buffer = storage.buffer
        scratch.reserveCapacity(256)
    }

    /// The location of the next byte.
    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    // MARK: Bytes

    /// The next byte without consuming it; `nil` at the end of input.
    @inline(__always)
    mutating func peek() throws -> UInt8? {
        if position == dataEnd {
            try refill()
            if position == dataEnd { return nil }
        }
        return buffer[position]
    }

    /// Consumes the byte last returned by `peek()`.
    @inline(__always)
    mutating func consume() {
        if buffer[position] == 0x0A {
            line += 1
            column = 1
        } else {
            column += 1
        }
        position += 1
    }

    /// Skips blanks and line breaks and returns the next byte without consuming it; `nil` at the end of input.
    mutating func peekNonWhitespace() throws -> UInt8? {
        while let byte = try peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            consume()
        }
        return nil
    }

    /// Like `peekNonWhitespace()`, but a truncated document is an error naming what was `expected`.
    mutating func requireNonWhitespace(expected: @autoclosure () -> String) throws -> UInt8 {
        guard let byte = try peekNonWhitespace() else { throw truncated(expected: expected()) }
        return byte
    }

    /// Consumes `byte` after optional whitespace, or throws naming what was expected.
    mutating func expect(_ byte: UInt8, _ description: @autoclosure () -> String) throws {
        let found = try requireNonWhitespace(expected: description())
        guard found == byte else { throw unexpected(found, expected: description()) }
        consume()
    }

    private mutating func refill() throws {
        guard !atEndOfInput else { return }
        position = 0
        dataEnd = 0
        while dataEnd == 0 {
            let count = try source.read(into: buffer)
            if count == 0 {
                atEndOfInput = true
                return
            }
            dataEnd = count
        }
        if !checkedStart { try checkStart() }
    }

    /// Skips a UTF-8 byte order mark and refuses UTF-16.
    private mutating func checkStart() throws {
        checkedStart = true
        if dataEnd >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw InputError(.badEncoding, "the file is UTF-16 encoded; save it as UTF-8", at: location)
        }
        if dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
    }

    // MARK: Errors

    func truncated(expected: String) -> InputError {
        InputError(
            .badStructure, "unexpected end of input: the JSON document is truncated (expected \(expected))",
            at: location)
    }

    func unexpected(_ byte: UInt8, expected: String) -> InputError {
        let shown =
            byte >= 0x21 && byte < 0x7F
            ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
        return InputError(.badStructure, "unexpected \(shown); expected \(expected)", at: location)
    }

    // MARK: Tokens

    /// Reads a scalar value (string, number, `true`, `false`, `null`) at the next non-blank byte.
    mutating func readScalar() throws -> JSONScalar {
        let byte = try requireNonWhitespace(expected: "a value")
        switch byte {
        case 0x22: return .string(try readString())
        case 0x2D, 0x30...0x39: return .number(try readNumber())
        case 0x74:
            try readLiteral("true")
            return .bool(true)
        case 0x66:
            try readLiteral("false")
            return .bool(false)
        case 0x6E:
            try readLiteral("null")
            return .null
        default: throw unexpected(byte, expected: "a value")
        }
    }

    /// Reads a number in strict JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func readNumber() throws -> JSONNumber {
        let start = location
        scratch.removeAll(keepingCapacity: true)
        var valid = true
        var integral = true
        if try peek() == 0x2D { take() }
        let firstDigit = try peek()
        if firstDigit == 0x30 {
            take()
        } else if try takeDigits() == 0 {
            valid = false
        }
        if valid, try peek() == 0x2E {
            integral = false
            take()
            if try takeDigits() == 0 { valid = false }
        }
        if valid, let byte = try peek(), byte == 0x65 || byte == 0x45 {
            integral = false
            take()
            if let sign = try peek(), sign == 0x2B || sign == 0x2D { take() }
            if try takeDigits() == 0 { valid = false }
        }
        while let byte = try peek(), !Self.isDelimiter(byte) {
            valid = false
            guard scratch.count < 40 else { break }
            take()
        }
        let text = String(decoding: scratch, as: UTF8.self)
        let double: Double? = valid ? scratch.withUnsafeBytes { NumberParser.double($0) } : nil
        guard let double else {
            throw InputError(.badNumber, "invalid number '\(text)'", at: start)
        }
        let int = integral ? scratch.withUnsafeBytes { NumberParser.int($0) } : nil
        return JSONNumber(text: text, double: double, int: int)
    }

    @inline(__always)
    private mutating func take() {
        scratch.append(buffer[position])
        consume()
    }

    private mutating func takeDigits() throws -> Int {
        var count = 0
        while let byte = try peek(), byte >= 0x30 && byte <= 0x39 {
            guard scratch.count < Self.maximumNumberBytes else {
                throw InputError(.badNumber, "a number longer than \(Self.maximumNumberBytes) characters", at: location)
            }
            take()
            count += 1
        }
        return count
    }

    /// Reads `true`, `false` or `null`, which must end at a delimiter.
    private mutating func readLiteral(_ word: StaticString) throws {
        let start = location
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes {
            guard let byte = try peek() else { throw truncated(expected: "'\(word)'") }
            guard byte == expected else {
                throw InputError(.badStructure, "invalid literal; expected '\(word)'", at: start)
            }
            consume()
        }
        if let byte = try peek(), !Self.isDelimiter(byte) {
            throw InputError(.badStructure, "invalid literal; expected '\(word)'", at: start)
        }
    }

    /// True for bytes that may follow a number or literal.
    @inline(__always)
    static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x7D || byte == 0x5D || byte == 0x3A || byte == 0x20 || byte == 0x0A || byte == 0x0D
            || byte == 0x09
    }
}

/// The chunk memory of a `JSONLexer`, freed when the last copy of the lexer goes away.
final class JSONChunkStorage {
    let buffer: UnsafeMutableRawBufferPointer

    init(byteCount: Int) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: byteCount, alignment: 8)
    }

    deinit { buffer.deallocate() }
}
