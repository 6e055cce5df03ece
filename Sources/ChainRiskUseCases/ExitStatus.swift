import ChainRiskCore
import ChainRiskSources
import ChainRiskStore

/// The exit code of a failed command, the one users and scripts rely on: 64 usage, 65 bad data, 66 missing input or
/// an unreachable source, 70 internal.
public enum ExitStatus {
    /// The code and message for `error`; nil for an error chainrisk does not know (the CLI reports it as internal,
    /// or leaves it to argument-parser).
    public static func of(_ error: any Error) -> (code: Int32, message: String)? {
        switch error {
        case let error as InputError:
            return (error.code == .missingFile ? 66 : error.code == .badOption ? 64 : 65, error.description)
        case let error as StoreError:
            switch error.code {
            case .unknownDataset, .unreachable: return (66, error.message)
            case .datasetExists, .duplicateFile, .badLocation, .badName: return (64, error.message)
            case .inconsistent: return (65, error.message)
            case .unavailable, .newerSchema: return (70, error.message)
            }
        case let error as ChainRiskCore.IOError: return (65, error.description)
        case let error as RequestError: return (64, error.message)
        case let error as EmptySelection: return (65, error.message)
        case let error as FetchError:
            switch error.code {
            case .badQuery: return (64, error.message)
            case .badResponse: return (65, error.message)
            case .unavailable: return (66, error.message)
            case .internalError: return (70, error.message)
            }
        case let error as NotFound: return (66, error.message)
        default: return nil
        }
    }
}
