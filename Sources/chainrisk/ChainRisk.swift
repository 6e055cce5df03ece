import ArgumentParser
import ChainRiskCore
import Foundation

/// The `chainrisk` command: maps how vulnerable a country's sectors are to disruptions in global value chains.
@main
struct ChainRisk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chainrisk",
        abstract: "Map how vulnerable a country's business sectors are to disruptions in global value chains.",
        discussion: """
            Trade data in (UN Comtrade, CEPII BACI, CBS StatLine, Eurostat Comext, CSV), a validated store, and
            reports. Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error.
            """,
        version: ChainRiskVersion.current,
        subcommands: [ReportCommand.self, ImportCommand.self, DatasetsCommand.self, ConcentrationCommand.self, WorldMarketCommand.self, SectorsCommand.self, EventsCommand.self, OptionsCommand.self, InputOutputCommand.self, OriginsCommand.self, ScenarioCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            // `GROUP --help` reaches here as argument-parser's own help request, which it prints itself.
            if exitCode(for: error) == .success { exit(withError: error) }
            guard let failure = CommandFailure(error) else { exit(withError: error) }
            FileOutput.standardError.write("chainrisk: \(failure.message)\n")
            Foundation.exit(failure.code)
        }
    }
}
