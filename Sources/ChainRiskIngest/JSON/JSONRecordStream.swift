import ChainRiskCore

/// A streaming pull parser that yields the element objects of one named array of a JSON document as flat records.
///
/// It walks the top-level object (`{"count":4,"data":[{…},{…}],"error":""}`), streams the elements of the array
/// named `arrayKey` one at a time, and keeps the top-level scalars (`count`, `error`, `odata.metadata`) in
/// `topLevel`. A document that is a bare array streams its elements directly. Nested objects and arrays inside
/// an element, and non-scalar top-level members other than the array, are checked for syntax and skipped.
/// Malformed input (truncation, a bad token, invalid UTF-8, a bad escape) throws `InputError` at file:line:column.
/// - Complexity: O(n) in the input size; memory is bounded by the chunk size and the largest element.
public final class JSONRecordStream {
    private var walker: JSONWalker

    /// The file name used in errors.
    public var file: String { walker.lexer.file }
    /// The name of the array whose elements are streamed.
    public var arrayKey: String { walker.arrayKey }
    /// Top-level scalar members read so far; members after the array are present once `next()` returned nil.
    public var topLevel: [String: JSONScalar] { walker.topLevel }
    /// True once the named array (or a bare top-level array) was found.
    public var foundArray: Bool { walker.foundArray }
    /// The number of records returned so far.
    public var recordCount: Int { walker.recordCount }

    /// Creates a stream over `source`, reporting errors against `file`.
    public init(source: any ByteSource, file: String, arrayKey: String, bufferSize: Int = 1 << 16) {
        walker = JSONWalker(lexer: JSONLexer(source: source, file: file, bufferSize: bufferSize), arrayKey: arrayKey)
    }

    /// The next element of the array, or nil once the document has been read to its end (and checked).
    public func next() throws -> JSONRecord? {
        try walker.next()
    }
}

/// The state machine behind `JSONRecordStream`: walks the top-level object and reads elements.
///
/// A value type, so the whole walk runs on `inout self` without per-access exclusivity checks.
struct JSONWalker {
    private enum State {
        case start
        case members(first: Bool)
        case elements(first: Bool)
        case done
    }

    var lexer: JSONLexer
    let arrayKey: String
    private(set) var topLevel: [String: JSONScalar] = [:]
    private(set) var foundArray = false
    private(set) var recordCount = 0
    private var state = State.start
    private var isBareArray = false
    /// The member keys of the previous element, reused when the next element repeats them.
    private var previousKeys: [String] = []
    private static let maximumDepth = 512
    /// Most members one element may have, and most bytes of keys and values it may keep (as a CSV record).
    static let maximumMembers = 10_000
    static let maximumRecordBytes = 64 << 20

    init(lexer: JSONLexer, arrayKey: String) {
        self.lexer = lexer
        self.arrayKey = arrayKey
    }

    /// The next element of the array, or nil at the end of the document.
    mutating func next() throws -> JSONRecord? {
        while true {
            switch state {
            case .start:
                guard let byte = try lexer.peekNonWhitespace() else {
                    throw InputError(.emptyFile, "the file is empty: expected a JSON document", at: lexer.location)
                }
                lexer.consume()
                if byte == 0x7B {
                    state = .members(first: true)
                } else if byte == 0x5B {
                    foundArray = true
                    isBareArray = true
                    state = .elements(first: true)
                } else {
                    throw lexer.unexpected(byte, expected: "'{' or '[' at the start of a JSON document")
                }
            case .members(let first):
                try readMember(first: first)
            case .elements(let first):
                var byte = try lexer.requireNonWhitespace(expected: "an element or ']'")
                if byte == 0x5D {
                    lexer.consume()
                    if isBareArray {
                        try finishDocument()
                    } else {
                        state = .members(first: false)
                    }
                    continue
                }
                if !first {
                    guard byte == 0x2C else {
                        throw lexer.unexpected(byte, expected: "',' or ']' after an element of '\(arrayKey)'")
                    }
                    lexer.consume()
                    byte = try lexer.requireNonWhitespace(expected: "an element")
                }
                guard byte == 0x7B else {
                    throw lexer.unexpected(byte, expected: "an object as element of '\(arrayKey)'")
                }
                state = .elements(first: false)
                return try readRecord()
            case .done:
                return nil
            }
        }
    }

    /// Reads one top-level member, entering the named array or storing a scalar.
    private mutating func readMember(first: Bool) throws {
        var byte = try lexer.requireNonWhitespace(expected: first ? "a key or '}'" : "',' or '}'")
        if byte == 0x7D {
            lexer.consume()
            try finishDocument()
            return
        }
        if !first {
            guard byte == 0x2C else { throw lexer.unexpected(byte, expected: "',' or '}' after a top-level member") }
            lexer.consume()
            byte = try lexer.requireNonWhitespace(expected: "a key")
        }
        guard byte == 0x22 else { throw lexer.unexpected(byte, expected: "a key string") }
        let key = try lexer.readString()
        try lexer.expect(0x3A, "':' after the key '\(key)'")
        let value = try lexer.requireNonWhitespace(expected: "a value for '\(key)'")
        state = .members(first: false)
        if value == 0x5B && key == arrayKey && !foundArray {
            lexer.consume()
            foundArray = true
            state = .elements(first: true)
        } else if key == arrayKey && (value == 0x7B || value == 0x5B) {
            // A scalar (`"data": null` in an error response) is kept in `topLevel`; a container is a wrong shape.
            let what = value == 0x7B ? "an object" : "a second array"
            throw InputError(
                .badStructure, "'\(arrayKey)' holds \(what) where the records' array is expected", at: lexer.location)
        } else if value == 0x5B || value == 0x7B {
            try skipContainer(depth: 1)
        } else {
            topLevel[key] = try lexer.readScalar()
        }
    }

    /// Reads an element object at `{`, keeping its scalar members and skipping nested containers (listed in
    /// `containers`). A key given twice in one element is refused at its second place: which value would count is
    /// not defined, and a reader must not pick one silently.
    private mutating func readRecord() throws -> JSONRecord {
        var record = JSONRecord(location: lexer.location)
        record.fields.reserveCapacity(previousKeys.count)
        lexer.consume()
        recordCount += 1
        record.index = recordCount
        var memberIndex = 0
        // While the keys repeat the previous element's (whose keys were unique), no key can be a repeat.
        var samePrefix = true
        var keptBytes = 0
        if try lexer.requireNonWhitespace(expected: "a key or '}'") == 0x7D {
            lexer.consume()
            return record
        }
        while true {
            let byte = try lexer.requireNonWhitespace(expected: "a key")
            guard byte == 0x22 else { throw lexer.unexpected(byte, expected: "a key string") }
            let keyLine = lexer.line
            let keyColumn = lexer.column
            let key = try lexer.readString(reuse: memberIndex < previousKeys.count ? previousKeys[memberIndex] : nil)
            if memberIndex < previousKeys.count {
                samePrefix = samePrefix && previousKeys[memberIndex] == key
                previousKeys[memberIndex] = key
            } else {
                samePrefix = false
                previousKeys.append(key)
            }
            if !samePrefix,
                record.fields.contains(where: { $0.key == key }) || record.containers.contains(where: { $0.key == key })
            {
                throw InputError(
                    .badStructure,
                    "the key '\(key)' appears twice in element \(recordCount) of '\(arrayKey)'; which value counts is not defined",
                    at: SourceLocation(file: lexer.location.file, line: keyLine, column: keyColumn))
            }
            memberIndex += 1
            guard memberIndex <= Self.maximumMembers else {
                throw InputError(
                    .badStructure,
                    "element \(recordCount) of '\(arrayKey)' has more than \(Self.maximumMembers) members",
                    at: SourceLocation(file: lexer.location.file, line: keyLine, column: keyColumn))
            }
            keptBytes += key.utf8.count
            try lexer.expect(0x3A, "':' after the key '\(key)'")
            let value = try lexer.requireNonWhitespace(expected: "a value for '\(key)'")
            let line = lexer.line
            let column = lexer.column
            if value == 0x5B || value == 0x7B {
                record.containers.append(
                    JSONRecord.Field(
                        key: key, value: .string(value == 0x5B ? "array" : "object"), line: line, column: column))
                try skipContainer(depth: 2)
            } else {
                let scalar = try lexer.readScalar()
                keptBytes += scalar.text?.utf8.count ?? 0
                guard keptBytes <= Self.maximumRecordBytes else {
                    throw InputError(
                        .badStructure,
                        "element \(recordCount) of '\(arrayKey)' holds more than \(Self.maximumRecordBytes >> 20) MB",
                        at: SourceLocation(file: lexer.location.file, line: line, column: column))
                }
                record.fields.append(JSONRecord.Field(key: key, value: scalar, line: line, column: column))
            }
            let separator = try lexer.requireNonWhitespace(expected: "',' or '}'")
            guard separator == 0x2C || separator == 0x7D else {
                throw lexer.unexpected(separator, expected: "',' or '}' after '\(key)'")
            }
            lexer.consume()
            if separator == 0x7D {
                if memberIndex < previousKeys.count { previousKeys.removeLast(previousKeys.count - memberIndex) }
                return record
            }
        }
    }

    /// Checks the syntax of an object or array at `{`/`[` and skips it.
    private mutating func skipContainer(depth: Int) throws {
        guard depth <= Self.maximumDepth else {
            throw InputError(.badStructure, "JSON nesting deeper than \(Self.maximumDepth) levels", at: lexer.location)
        }
        let isObject = try lexer.peek() == 0x7B
        let close: UInt8 = isObject ? 0x7D : 0x5D
        lexer.consume()
        if try lexer.requireNonWhitespace(expected: isObject ? "a key or '}'" : "a value or ']'") == close {
            lexer.consume()
            return
        }
        while true {
            if isObject {
                let byte = try lexer.requireNonWhitespace(expected: "a key")
                guard byte == 0x22 else { throw lexer.unexpected(byte, expected: "a key string") }
                try lexer.scanString()
                try lexer.expect(0x3A, "':' after a key")
            }
            let value = try lexer.requireNonWhitespace(expected: "a value")
            if value == 0x5B || value == 0x7B {
                try skipContainer(depth: depth + 1)
            } else {
                _ = try lexer.readScalar()
            }
            let separator = try lexer.requireNonWhitespace(expected: isObject ? "',' or '}'" : "',' or ']'")
            guard separator == 0x2C || separator == close else {
                throw lexer.unexpected(separator, expected: isObject ? "',' or '}'" : "',' or ']'")
            }
            lexer.consume()
            if separator == close { return }
        }
    }

    /// Requires that nothing but whitespace follows the document.
    private mutating func finishDocument() throws {
        if let byte = try lexer.peekNonWhitespace() {
            throw lexer.unexpected(byte, expected: "the end of the document")
        }
        state = .done
    }
}
