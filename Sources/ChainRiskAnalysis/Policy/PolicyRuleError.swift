/// A policy rule file that cannot be used: bad JSON, an unknown key, a duplicate id, a reference to an option or
/// group that does not exist, or a condition that does not fit its subject.
///
/// Names the file and the place in it (`rules[3].when.risk_band`), so the rule author can fix it.
public struct PolicyRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of problem, stable for tests and JSON.
    public enum Code: String, Sendable, Hashable {
        case missingResource = "missing_resource"
        case badJSON = "bad_json"
        case unknownKey = "unknown_key"
        case duplicateID = "duplicate_id"
        case unknownReference = "unknown_reference"
        case invalidCondition = "invalid_condition"
        case unsupportedFormat = "unsupported_format"
    }

    public let code: Code
    /// The rule file's name.
    public let file: String
    /// Where in the file, as a path of keys and indices; empty for the whole file.
    public let path: String
    public let message: String

    init(_ code: Code, file: String, path: String = "", _ message: String) {
        self.code = code
        self.file = file
        self.path = path
        self.message = message
    }

    /// A problem found while checking a rule, before the file name is known to it.
    struct Problem {
        let code: Code
        let path: String
        let message: String
    }

    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
}
