import ChainRiskCore
import ChainRiskSources
import ChainRiskStore

/// What kind of failure an error is, with its exit code on the CLI and its HTTP status over the API: one table for
/// both faces, so that the same error never means one thing to a script and another to an HTTP client.
public enum FailureClass: String, Sendable, CaseIterable {
    /// A wrong option, parameter or combination of them.
    case usage
    /// Input data that cannot be read or used (a malformed line, an unproductive table, a selection it holds nothing for).
    case badData = "bad_data"
    /// What was asked for does not exist: a file, a dataset, an event.
    case notFound = "not_found"
    /// The request clashes with what is stored (a dataset of that name with other files).
    case conflict
    /// The store or a source cannot be used now (unreachable, broken, written by a newer chainrisk).
    case unavailable
    /// A bug: chainrisk itself failed.
    case `internal`

    /// The exit code users and scripts rely on: 64 usage, 65 bad data, 66 missing input or unavailable, 70 internal.
    public var exitCode: Int32 {
        switch self {
        case .usage, .conflict: 64
        case .badData: 65
        case .notFound, .unavailable: 66
        case .internal: 70
        }
    }

    /// The HTTP status the API answers with.
    public var httpStatus: Int {
        switch self {
        case .usage: 400
        case .badData: 422
        case .notFound: 404
        case .conflict: 409
        case .unavailable: 503
        case .internal: 500
        }
    }
}

/// An error of chainrisk's domain, classified: its class, a stable machine-readable code and its message.
public struct ClassifiedFailure: Sendable {
    public let failureClass: FailureClass
    /// A stable code such as `unknown_dataset`, `empty_selection` or `bad_data` (the API's `error` field).
    public let code: String
    public let message: String
    /// The parameter at fault for a usage error, when one is.
    public let parameter: String?

    init(_ failureClass: FailureClass, _ code: String, _ message: String, parameter: String? = nil) {
        self.failureClass = failureClass
        self.code = code
        self.message = message
        self.parameter = parameter
    }

    /// The classification of `error`, its message in `face`'s words; nil for an error chainrisk does not know (each
    /// face treats it as internal or leaves it to its framework).
    public static func classify(_ error: any Error, on face: Face = .commandLine) -> ClassifiedFailure? {
        switch error {
        case let error as InputError:
            switch error.code {
            case .missingFile: return ClassifiedFailure(.notFound, "missing_file", error.description)
            case .badOption: return ClassifiedFailure(.usage, "bad_parameter", error.description, parameter: "options")
            default: return ClassifiedFailure(.badData, "bad_data", error.description)
            }
        case let error as StoreError: return classify(error)
        // A region the table lacks is a fact about the table, whichever option or parameter named it.
        case ChainRiskCore.IOError.unknownRegion:
            return ClassifiedFailure(.badData, "unknown_region", "\(error)")
        case let error as ChainRiskCore.IOError: return ClassifiedFailure(.badData, "bad_table", error.description)
        case let error as RequestError:
            return ClassifiedFailure(
                .usage, "bad_parameter", error.message(on: face), parameter: error.parameter.map(face.parameter))
        // The data holds nothing the analysis could use: a fact about the data, as the README and issue 24 say (65).
        case let error as EmptySelection: return ClassifiedFailure(.badData, "empty_selection", error.message)
        case let error as MixedUnits: return ClassifiedFailure(.badData, "mixed_units", error.description)
        case let error as NotFound: return ClassifiedFailure(.notFound, error.code, error.message)
        case let error as FetchError:
            switch error.code {
            case .badQuery: return ClassifiedFailure(.usage, "bad_query", error.message)
            case .badResponse: return ClassifiedFailure(.badData, "bad_response", error.message)
            case .unavailable: return ClassifiedFailure(.unavailable, "source_unavailable", error.message)
            case .internalError: return ClassifiedFailure(.internal, "internal", error.message)
            }
        default: return nil
        }
    }

    private static func classify(_ error: StoreError) -> ClassifiedFailure {
        switch error.code {
        case .unknownDataset: ClassifiedFailure(.notFound, error.code.rawValue, error.message)
        case .datasetExists, .duplicateFile: ClassifiedFailure(.conflict, error.code.rawValue, error.message)
        case .badLocation: ClassifiedFailure(.usage, error.code.rawValue, error.message, parameter: "db")
        case .badName: ClassifiedFailure(.usage, "bad_parameter", error.message, parameter: "name")
        case .inconsistent: ClassifiedFailure(.badData, error.code.rawValue, error.message)
        case .unavailable, .unreachable, .newerSchema:
            ClassifiedFailure(.unavailable, "store_unavailable", error.message)
        }
    }
}
