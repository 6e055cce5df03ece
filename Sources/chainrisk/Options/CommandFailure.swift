import ArgumentParser
import ChainRiskUseCases

/// An error as the CLI reports it: its `FailureClass`'s exit code and its message, exit 70 for anything unknown.
struct CommandFailure {
    let message: String
    let code: Int32

    /// Nil for argument-parser's own errors (validation, help, exit codes), which it reports itself.
    init?(_ error: any Error) {
        if error is ValidationError || error is ExitCode || error is CleanExit { return nil }
        let failure = ClassifiedFailure.classify(error)
        (code, message) = (failure?.failureClass.exitCode ?? 70, failure?.message ?? "internal error: \(error)")
    }
}
