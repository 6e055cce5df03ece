import ChainRiskCore

extension JSONLexer {
    /// Reads a string at `"`; returns `reuse` instead of a new `String` when the text equals it (interned keys).
    mutating func readString(reuse: String? = nil) throws -> String {
        try scanString()
        if let reuse, Self.scratch(scratch, equals: reuse) { return reuse }
        return String(decoding: scratch, as: UTF8.self)
    }

    private static func scratch(_ bytes: [UInt8], equals text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { stored in
            bytes.withUnsafeBufferPointer { scanned in
                for index in 0..<scanned.count where stored[index] != scanned[index] { return false }
                return true
            }
        } ?? utf8.elementsEqual(bytes)
    }

    /// Reads a string at `"` into `scratch`, unescaped and validated.
    mutating func scanString() throws {
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
            guard scratch.count < Self.maximumStringBytes else {
                throw InputError(.badStructure, "a string longer than \(Self.maximumStringBytes >> 20) MB", at: start)
            }
            if byte == 0x5C {
                try readEscape()
            } else if byte < 0x20 {
                throw InputError(
                    .badStructure, "control character 0x\(String(byte, radix: 16)) inside a string must be escaped",
                    at: location)
            } else if byte >= 0x80 {
                try readMultiByteCharacter(lead: byte)
            } else {
                scratch.append(byte)
                consume()
            }
        }
    }

    /// Reads one UTF-8 encoded character of two to four bytes, rejecting overlong forms and surrogates.
    private mutating func readMultiByteCharacter(lead: UInt8) throws {
        let start = location
        let invalid = InputError(
            .badEncoding, "the text is not valid UTF-8 (is the file Latin-1?); save it as UTF-8", at: start)
        let continuation: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: continuation = 1
        case 0xE0:
            continuation = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
        case 0xED:
            continuation = 2
            high = 0x9F
        case 0xF0:
            continuation = 3
            low = 0x90
        case 0xF1...0xF3: continuation = 3
        case 0xF4:
            continuation = 3
            high = 0x8F
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
    private mutating func readEscape() throws {
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
        default:
            throw InputError(
                .badStructure, "invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string", at: start)
        }
        consume()
        if let simple {
            scratch.append(simple)
            return
        }
        var scalar = try readHexQuad(escapeStart: start)
        if scalar >= 0xDC00 && scalar <= 0xDFFF {
            throw InputError(
                .badEncoding,
                "invalid escape: a low surrogate \\u\(String(scalar, radix: 16)) without a high surrogate", at: start)
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
    private mutating func appendUTF8(_ value: UInt32) {
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
        InputError(
            .badEncoding,
            "invalid escape: high surrogate \\u\(String(value, radix: 16)) is not followed by a low surrogate",
            at: place)
    }

    private mutating func readHexQuad(escapeStart: SourceLocation) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek() else {
                throw InputError(
                    .unterminatedQuote, "unterminated string: input ends inside an escape", at: escapeStart)
            }
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default:
                throw InputError(.badStructure, "invalid escape: \\u needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            consume()
        }
        return value
    }
}
