/// A bundled reference table (country codes, classifications, correspondences) that is missing or malformed.
///
/// Names the resource (`countries.csv`) and, where it applies, the line, so a corrupt build or a bad edit of
/// `scripts/derive_reference_data.py` output is found at once. Unlike `InputError` this is never the user's data.
public struct ReferenceDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The category of problem, stable for tests.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case missingResource = "missing_resource"
            case unreadable
            case emptyResource = "empty_resource"
            case badEncoding = "bad_encoding"
            case unterminatedQuote = "unterminated_quote"
            case wrongColumnCount = "wrong_column_count"
            case missingColumn = "missing_column"
            case badValue = "bad_value"
            case duplicateKey = "duplicate_key"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The file is not in the bundle or directory.
        public static let missingResource = Code(.missingResource)
        /// The file exists but could not be read.
        public static let unreadable = Code(.unreadable)
        /// The file has no header row.
        public static let emptyResource = Code(.emptyResource)
        /// A field is not valid UTF-8.
        public static let badEncoding = Code(.badEncoding)
        /// A quoted field runs to the end of the file.
        public static let unterminatedQuote = Code(.unterminatedQuote)
        /// A row has more or fewer fields than the header.
        public static let wrongColumnCount = Code(.wrongColumnCount)
        /// The header lacks a column the loader needs.
        public static let missingColumn = Code(.missingColumn)
        /// A field holds a value the loader cannot use (not a number, an unknown code or kind).
        public static let badValue = Code(.badValue)
        /// A key occurs twice where it must be unique.
        public static let duplicateKey = Code(.duplicateKey)

        public var description: String { base.rawValue }
    }

    public let code: Code
    /// The file name, e.g. `countries.csv`.
    public let resource: String
    /// The 1-based line of the offending row, `nil` when the problem is the file as a whole.
    public let line: Int?
    public let message: String

    init(_ code: Code, resource: String, line: Int? = nil, _ message: String) {
        self.code = code
        self.resource = resource
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(resource):\(line): \(message)" }
        return "\(resource): \(message)"
    }
}
