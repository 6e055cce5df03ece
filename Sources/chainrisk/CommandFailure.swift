import ArgumentParser
import ChainRiskCore
import ChainRiskSources
import ChainRiskStore
import ChainRiskUseCases
import Foundation

/// Maps an error to the exit codes users rely on: 64 usage, 65 bad data, 66 missing input, 70 internal.
struct CommandFailure {
    let message: String
    let code: Int32

    /// Nil for argument-parser's own errors (validation, help, exit codes), which it reports itself.
    init?(_ error: any Error) {
        switch error {
        case let error as InputError:
            message = error.description
            code = error.code == .missingFile ? 66 : error.code == .badOption ? 64 : 65
        case let error as StoreError:
            message = error.message
            switch error.code {
            case .unknownDataset, .unreachable: code = 66
            case .datasetExists, .duplicateFile, .badLocation: code = 64
            case .inconsistent: code = 65
            case .unavailable, .newerSchema: code = 70
            }
        case let error as IOError:
            message = error.description
            code = 65
        case let error as UsageError:
            message = error.message
            code = 64
        case let error as RequestError:
            message = error.message
            code = 64
        case let error as EmptySelection:
            message = error.message
            code = 65
        case let error as FetchError:
            message = error.message
            switch error.code {
            case .badQuery: code = 64
            case .badResponse: code = 65
            case .unavailable: code = 66
            case .internalError: code = 70
            }
        case let error as NotFound:
            message = error.message
            code = 66
        case is ValidationError, is ExitCode, is CleanExit:
            return nil
        default:
            message = "internal error: \(error)"
            code = 70
        }
    }
}

/// A wrong combination of options found after parsing, reported with exit code 64.
struct UsageError: Error {
    let message: String
}
