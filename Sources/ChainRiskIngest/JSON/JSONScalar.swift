public import ChainRiskCore

/// A JSON number: the literal as written plus its value as a `Double` and, when integral, as an `Int`.
///
/// The text is kept so that a value can be reported exactly as the file wrote it (`6804128143.0`, `1e3`).
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The literal as it appeared in the file.
    public let text: String
    /// The value, correctly rounded.
    public let double: Double
    /// The value when the literal has no fraction or exponent and fits in `Int`; `nil` otherwise.
    public let int: Int?

    public init(text: String, double: Double, int: Int?) {
        self.text = text
        self.double = double
        self.int = int
    }

    public var description: String { text }
}

/// A scalar JSON value: what a flat record field can hold.
public enum JSONScalar: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null

    /// The string, or `nil` for any other kind of value.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number as a `Double`, or `nil` for any other kind of value.
    public var double: Double? {
        if case .number(let number) = self { return number.double }
        return nil
    }

    /// The number as an `Int` when it is an integral literal, or `nil`.
    public var int: Int? {
        if case .number(let number) = self { return number.int }
        return nil
    }

    /// The Boolean, or `nil` for any other kind of value.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// True for JSON `null`.
    public var isNull: Bool { self == .null }

    /// The value as text: strings as they are, numbers as written, `true`/`false`, and `nil` for `null`.
    public var text: String? {
        switch self {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let value): return value ? "true" : "false"
        case .null: return nil
        }
    }

    public var description: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .null: return "null"
        default: return text ?? "null"
        }
    }
}

/// One element object of the streamed array, flattened to its scalar fields in file order.
///
/// Nested objects and arrays inside the element are skipped (after checking their syntax); their keys are not
/// listed. Lookup by key is a linear scan, which beats hashing for the few dozen fields a trade record has.
public struct JSONRecord: Sendable, Hashable {
    /// A field: its key, value and the place its value starts.
    public struct Field: Sendable, Hashable {
        public let key: String
        public let value: JSONScalar
        public let line: Int
        public let column: Int
    }

    /// The scalar fields in the order the file lists them.
    public internal(set) var fields: [Field] = []
    /// The members holding an object or array (skipped): key, `"object"` or `"array"`, and where the value starts.
    public internal(set) var containers: [Field] = []
    /// The 1-based position of the record in its array.
    public internal(set) var index: Int = 0
    /// Where the record's `{` is.
    public internal(set) var location: SourceLocation

    init(location: SourceLocation) { self.location = location }

    /// The value of the first field named `key`, or `nil` when there is none (a JSON `null` is `.null`).
    public subscript(key: String) -> JSONScalar? {
        field(key)?.value
    }

    /// The first field named `key`.
    public func field(_ key: String) -> Field? {
        for field in fields where field.key == key { return field }
        return nil
    }

    /// Throws at the first member holding an object or array, for formats whose records are flat (UN Comtrade's
    /// `data`, CBS's `value`): a nested value where a number or code belongs must not read as an empty cell.
    public func requireFlat(format: String) throws {
        guard let nested = containers.first else { return }
        throw InputError(
            .badValue,
            "'\(nested.key)' holds an \(nested.value.text ?? "object") where \(format) records have a number, text or null",
            at: SourceLocation(file: location.file, line: nested.line, column: nested.column))
    }

    /// Where the value of `key` starts, or the record's location when the field is absent.
    public func location(of key: String) -> SourceLocation {
        guard let field = field(key) else { return location }
        return SourceLocation(file: location.file, line: field.line, column: field.column)
    }
}
