import ArgumentParser
import ChainRiskStore

/// The `--db` option shared by commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file (default: $CHAINRISK_DB or ~/.chainrisk/chainrisk.sqlite).", valueName: "path"))
    var db: String?

    /// Opens the store at `--db`, `$CHAINRISK_DB` or the default path.
    func open() throws -> TradeStore {
        try TradeStore(path: db ?? TradeStore.defaultPath())
    }
}

/// Output formats for data; each command accepts the subset it can produce.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown, csv, json, html
}
