import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases

/// The `--db` option shared by commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a SQLite file path or postgresql://user@host:port/database (default: $CHAINRISK_DB or ~/.chainrisk/chainrisk.sqlite).",
            valueName: "path-or-url"))
    var db: String?

    /// The workspace over the store at `--db`, `$CHAINRISK_DB` or the default path (opened when first used).
    func workspace() -> Workspace {
        Workspace(storeLocation: db)
    }
}

extension Language: ExpressibleByArgument {}

extension HSEditionBridge.Edition: ExpressibleByArgument {}
extension ImportBasis: ExpressibleByArgument {}
