import ChainRiskAnalysis
import Foundation

/// A request that cannot be carried out as given: an unknown choice, a missing or conflicting option.
///
/// The CLI reports it with exit code 64, the server as 400 `bad_parameter`.
public struct RequestError: Error, Sendable, CustomStringConvertible {
    /// The parameter at fault as the CLI spells it, without dashes (`thresholds`, `world-dataset`); nil for a
    /// combination of parameters.
    public let parameter: String?
    /// What is wrong and what would be right, for a person.
    public let message: String

    public init(_ parameter: String?, _ message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { message }

    /// An invalid concentration filter, its message naming the option as typed (`unknown --class 'x'`).
    public init(_ invalid: ConcentrationQuery.InvalidParameter) {
        self.init(
            invalid.parameter,
            invalid.message.replacingOccurrences(
                of: "unknown \(invalid.parameter) ", with: "unknown --\(invalid.parameter) "))
    }
}
