import ChainRiskCore

/// Reads JSON tokens byte by byte from a `ByteSource`, tracking line and column for errors.
///
/// Only the current chunk and the token being read are held in memory. Strings are validated as UTF-8 and
/// unescaped (`\uXXXX` with surrogate pairs); numbers follow the JSON grammar strictly.
final class JSONLexer {
    let file: String
    /// The 1-based line of the next byte.
    private(set) var line = 1
    /// The 1-based byte column of the next byte.
    private(set) var column = 1

    private var source: any ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    private var position = 0
    private var dataEnd = 0
    private var atEndOfInput = false
    private var checkedStart = false
    /// The bytes of the token being read.
    private var scratch: [UInt8] = []

    init(source: any ByteSource, file: String, bufferSize: Int) {
        self.source = source
        self.file = file
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 16), alignment: 8)
        scratch.reserveCapacity(256)
    }

    deinit { buffer.deallocate() }

    /// The location of the next byte.
    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    // MARK: Bytes

    /// The next byte without consuming it; `nil` at the end of input.
    @inline(__always)
    func peek() throws -> UInt8? {
        if position == dataEnd {
            try refill()
            if position == dataEnd { return nil }
        }
        return buffer[position]
    }

    /// Consumes the byte last returned by `peek()`.
    @inline(__always)
    func consume() {
        if buffer[position] == 0x0A {
            line += 1
            column = 1
        } else {
            column += 1
        }
        position += 1
    }

    /// Skips blanks and line breaks and returns the next byte without consuming it; `nil` at the end of input.
    func peekNonWhitespace() throws -> UInt8? {
        while let byte = try peek() {
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            consume()
        }
        return nil
    }

    /// Like `peekNonWhitespace()`, but a truncated document is an error naming what was `expected`.
    func requireNonWhitespace(expected: String) throws -> UInt8 {
        guard let byte = try peekNonWhitespace() else { throw truncated(expected: expected) }
        return byte
    }

    /// Consumes `byte` after optional whitespace, or throws naming what was expected.
    func expect(_ byte: UInt8, _ description: String) throws {
        let found = try requireNonWhitespace(expected: description)
        guard found == byte else { throw unexpected(found, expected: description) }
        consume()
    }

    private func refill() throws {
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
    private func checkStart() throws {
        checkedStart = true
        if dataEnd >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)) {
            throw InputError(.badEncoding, "the file is UTF-16 encoded; save it as UTF-8", at: location)
        }
        if dataEnd >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
    }

    // MARK: Errors

    func truncated(expected: String) -> InputError {
        InputError(.badStructure, "unexpected end of input: the JSON document is truncated (expected \(expected))", at: location)
    }

    func unexpected(_ byte: UInt8, expected: String) -> InputError {
        let shown = byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
        return InputError(.badStructure, "unexpected \(shown); expected \(expected)", at: location)
    }

    // MARK: Tokens

    /// Reads a scalar value (string, number, `true`, `false`, `null`) at the next non-blank byte.
    func readScalar() throws -> JSONScalar {
        let byte = try requireNonWhitespace(expected: "a value")
        switch byte {
        case 0x22: return .string(try readString())
        case 0x2D, 0x30...0x39: return .number(try readNumber())
        case 0x74: try readLiteral("true"); return .bool(true)
        case 0x66: try readLiteral("false"); return .bool(false)
        case 0x6E: try readLiteral("null"); return .null
        default: throw unexpected(byte, expected: "a value")
        }
    }

    /// Reads a string at `"`; returns `reuse` instead of a new `String` when the text equals it (interned keys).
    func readString(reuse: String? = nil) throws -> String {
        try scanString()
        if let reuse, reuse.utf8.elementsEqual(scratch) { return reuse }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads a string at `"` into `scratch`, unescaped and validated.
    func scanString() throws {
        let start = location
        consume()
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard let byte = try peek() else {
                throw InputError(.unterminatedQuote, "unterminated string: the closing '\"' is missing", at: start)
            }
            if byte == 0x22 {
                consume()
                return
            }
            if byte == 0x5C {
                try readEscape()
            } else if byte < 0x20 {
                throw InputError(.badStructure, "control character 0x\(String(byte, radix: 16)) inside a string must be escaped", at: location)
            } else if byte >= 0x80 {
                try readMultiByteCharacter(lead: byte)
            } else {
                scratch.append(byte)
                consume()
            }
        }
    }

    /// Reads one UTF-8 encoded character of two to four bytes, rejecting overlong forms and surrogates.
    private func readMultiByteCharacter(lead: UInt8) throws {
        let start = location
        let invalid = InputError(.badEncoding, "the text is not valid UTF-8 (is the file Latin-1?); save it as UTF-8", at: start)
        let continuation: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: continuation = 1
        case 0xE0: continuation = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
        case 0xED: continuation = 2; high = 0x9F
        case 0xF0: continuation = 3; low = 0x90
        case 0xF1...0xF3: continuation = 3
        case 0xF4: continuation = 3; high = 0x8F
        default: throw invalid
        }
        scratch.append(lead)
        consume()
        for index in 0..<continuation {
            guard let byte = try peek(), byte >= (index == 0 ? low : 0x80), byte <= (index == 0 ? high : 0xBF) else {
                throw invalid
            }
            scratch.append(byte)
            consume()
        }
    }

    /// Reads an escape sequence at `\`, appending its UTF-8 bytes.
    private func readEscape() throws {
        let start = location
        consume()
        guard let byte = try peek() else {
            throw InputError(.unterminatedQuote, "unterminated string: input ends inside an escape", at: start)
        }
        let simple: UInt8?
        switch byte {
        case 0x22, 0x5C, 0x2F: simple = byte
        case 0x62: simple = 0x08
        case 0x66: simple = 0x0C
        case 0x6E: simple = 0x0A
        case 0x72: simple = 0x0D
        case 0x74: simple = 0x09
        case 0x75: simple = nil
        default: throw InputError(.badStructure, "invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string", at: start)
        }
        consume()
        if let simple {
            scratch.append(simple)
            return
        }
        var scalar = try readHexQuad(escapeStart: start)
        if scalar >= 0xDC00 && scalar <= 0xDFFF {
            throw InputError(.badEncoding, "invalid escape: a low surrogate \\u\(String(scalar, radix: 16)) without a high surrogate", at: start)
        }
        if scalar >= 0xD800 && scalar <= 0xDBFF {
            let lowStart = location
            guard try peek() == 0x5C else { throw loneHighSurrogate(scalar, at: start) }
            consume()
            guard try peek() == 0x75 else { throw loneHighSurrogate(scalar, at: start) }
            consume()
            let low = try readHexQuad(escapeStart: lowStart)
            guard low >= 0xDC00 && low <= 0xDFFF else { throw loneHighSurrogate(scalar, at: start) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        appendUTF8(scalar)
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (never a surrogate here).
    private func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(0xC0 | UInt8(value >> 6))
            scratch.append(0x80 | UInt8(value & 0x3F))
        case ..<0x10000:
            scratch.append(0xE0 | UInt8(value >> 12))
            scratch.append(0x80 | UInt8(value >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(value >> 18))
            scratch.append(0x80 | UInt8(value >> 12 & 0x3F))
            scratch.append(0x80 | UInt8(value >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        }
    }

    private func loneHighSurrogate(_ value: UInt32, at place: SourceLocation) -> InputError {
        InputError(.badEncoding, "invalid escape: high surrogate \\u\(String(value, radix: 16)) is not followed by a low surrogate", at: place)
    }

    private func readHexQuad(escapeStart: SourceLocation) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek() else {
                throw InputError(.unterminatedQuote, "unterminated string: input ends inside an escape", at: escapeStart)
            }
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw InputError(.badStructure, "invalid escape: \\u needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            consume()
        }
        return value
    }

    /// Reads a number in strict JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    func readNumber() throws -> JSONNumber {
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
    private func take() {
        scratch.append(buffer[position])
        consume()
    }

    private func takeDigits() throws -> Int {
        var count = 0
        while let byte = try peek(), byte >= 0x30 && byte <= 0x39 {
            take()
            count += 1
        }
        return count
    }

    /// Reads `true`, `false` or `null`, which must end at a delimiter.
    private func readLiteral(_ word: StaticString) throws {
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
        byte == 0x2C || byte == 0x7D || byte == 0x5D || byte == 0x3A || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
