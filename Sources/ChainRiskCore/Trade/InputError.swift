/// Malformed input that cannot be read: a bad number, a wrong column count, an unknown encoding, a truncated quote.
///
/// Always names the place (file, line, column) and what was expected, so the user can fix the file.
/// The command line maps it to exit code 65 (bad data); `.missingFile` to 66 and `.badOption` to 64 (usage).
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The category of problem, stable for tests and JSON.
    public enum Code: String, Sendable, Hashable, Codable {
        case badNumber = "bad_number"
        case wrongColumnCount = "wrong_column_count"
        case badEncoding = "bad_encoding"
        case unterminatedQuote = "unterminated_quote"
        case missingColumn = "missing_column"
        case badValue = "bad_value"
        case badStructure = "bad_structure"
        case unknownFormat = "unknown_format"
        case missingFile = "missing_file"
        case strictFinding = "strict_finding"
        case emptyFile = "empty_file"
        /// A reading option that does not fit the file (`--flow re_export` for BACI, an unknown `--map` field): the
        /// command line's usage, not the file's data, is wrong.
        case badOption = "bad_option"
    }

    public let code: Code
    public let location: SourceLocation?
    public let message: String

    public init(_ code: Code, _ message: String, at location: SourceLocation?) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    public static func badNumber(_ text: String, column name: String, at location: SourceLocation) -> InputError {
        InputError(.badNumber, "expected a number in column '\(name)', found '\(text.prefix(40))'", at: location)
    }

    /// Refuses a year outside `TradeFlow.plausibleYears` (a typo, a sign, a date read as a year).
    public static func checkYear(_ year: Int, field name: String, at location: @autoclosure () -> SourceLocation) throws
    {
        guard !TradeFlow.plausibleYears.contains(year) else { return }
        throw InputError(
            .badValue,
            "year \(year) in '\(name)' is not a year of trade statistics (\(TradeFlow.plausibleYears.lowerBound)–\(TradeFlow.plausibleYears.upperBound))",
            at: location())
    }

    public static func wrongColumnCount(found: Int, expected: Int, at location: SourceLocation) -> InputError {
        InputError(.wrongColumnCount, "expected \(expected) columns, found \(found)", at: location)
    }
}
