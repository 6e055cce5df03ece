import ArgumentParser
import ChainRiskUseCases

/// An error as the CLI reports it: `ExitStatus`'s code and message, exit 70 for anything unknown.
struct CommandFailure {
    let message: String
    let code: Int32

    /// Nil for argument-parser's own errors (validation, help, exit codes), which it reports itself.
    init?(_ error: any Error) {
        if error is ValidationError || error is ExitCode || error is CleanExit { return nil }
        (code, message) = ExitStatus.of(error) ?? (70, "internal error: \(error)")
    }
}
