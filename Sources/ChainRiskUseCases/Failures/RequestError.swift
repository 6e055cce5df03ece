public import ChainRiskAnalysis
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

    /// The message in `face`'s words: options as flags on the command line (`--min-value`), as query parameters over
    /// HTTP (`min_value`), so an HTTP client is never told about a flag it cannot pass.
    public func message(on face: Face) -> String { face.phrase(message) }

    /// An invalid concentration filter, its message naming the option as typed (`unknown --class 'x'`).
    public init(_ invalid: ConcentrationQuery.InvalidParameter) {
        self.init(
            invalid.parameter,
            invalid.message.replacingOccurrences(
                of: "unknown \(invalid.parameter) ", with: "unknown --\(invalid.parameter) "))
    }
}

/// Where a request came from, so that messages name what that user typed.
public enum Face: Sendable {
    /// `chainrisk …`: options are `--flags`.
    case commandLine
    /// The JSON API and the dashboard: options are query parameters with underscores.
    case http

    /// `text` (written with CLI flags) in this face's words.
    public func phrase(_ text: String) -> String {
        guard self == .http else { return text }
        return text.replacing(/--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/) { match in
            match.output.1.replacingOccurrences(of: "-", with: "_")
        }
    }

    /// A parameter name as this face spells it (`start-day` on the command line, `start_day` over HTTP).
    public func parameter(_ name: String) -> String {
        self == .http ? name.replacingOccurrences(of: "-", with: "_") : name
    }
}
