public import ChainRiskCore

/// A small JSON document read whole, every value with the place it starts, for configuration files (scenarios).
///
/// Built on `JSONLexer`, so syntax errors carry file, line and column like the streaming readers' errors.
public indirect enum JSONTree: Sendable {
    case scalar(JSONScalar, SourceLocation)
    case array([JSONTree], SourceLocation)
    /// Members in file order.
    case object([(key: String, value: JSONTree)], SourceLocation)

    /// Where the value starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, let place), .array(_, let place), .object(_, let place): place
        }
    }

    /// Reads one JSON document from `source`.
    public static func read(_ source: any ByteSource, file: String) throws -> JSONTree {
        var lexer = JSONLexer(source: source, file: file, bufferSize: 1 << 16)
        let tree = try readValue(&lexer, depth: 0)
        if let extra = try lexer.peekNonWhitespace() {
            throw lexer.unexpected(extra, expected: "the end of the document")
        }
        return tree
    }

    private static func readValue(_ lexer: inout JSONLexer, depth: Int) throws -> JSONTree {
        let byte = try lexer.requireNonWhitespace(expected: "a value")
        let place = lexer.location
        guard depth < 64 else { throw InputError(.badStructure, "JSON nested deeper than 64 levels", at: place) }
        switch byte {
        case UInt8(ascii: "{"):
            lexer.consume()
            var members: [(key: String, value: JSONTree)] = []
            if try lexer.requireNonWhitespace(expected: "a key or '}'") == UInt8(ascii: "}") {
                lexer.consume()
                return .object(members, place)
            }
            while true {
                let quote = try lexer.requireNonWhitespace(expected: "a key")
                guard quote == UInt8(ascii: "\"") else { throw lexer.unexpected(quote, expected: "a key in quotes") }
                let key = try lexer.readString()
                try lexer.expect(UInt8(ascii: ":"), "':'")
                members.append((key, try readValue(&lexer, depth: depth + 1)))
                let next = try lexer.requireNonWhitespace(expected: "',' or '}'")
                guard next == UInt8(ascii: ",") || next == UInt8(ascii: "}") else {
                    throw lexer.unexpected(next, expected: "',' or '}'")
                }
                lexer.consume()
                if next == UInt8(ascii: "}") { return .object(members, place) }
            }
        case UInt8(ascii: "["):
            lexer.consume()
            var elements: [JSONTree] = []
            if try lexer.requireNonWhitespace(expected: "a value or ']'") == UInt8(ascii: "]") {
                lexer.consume()
                return .array(elements, place)
            }
            while true {
                elements.append(try readValue(&lexer, depth: depth + 1))
                let next = try lexer.requireNonWhitespace(expected: "',' or ']'")
                guard next == UInt8(ascii: ",") || next == UInt8(ascii: "]") else {
                    throw lexer.unexpected(next, expected: "',' or ']'")
                }
                lexer.consume()
                if next == UInt8(ascii: "]") { return .array(elements, place) }
            }
        default:
            return .scalar(try lexer.readScalar(), place)
        }
    }
}
