import ArgumentParser
import ChainRiskCore
import ChainRiskIO
import Foundation

/// The `chainrisk` command: maps how vulnerable a country's sectors are to disruptions in global value chains.
@main
struct ChainRisk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chainrisk",
        abstract: "Map how vulnerable a country's business sectors are to disruptions in global value chains.",
        discussion: """
            Trade data in (UN Comtrade, CEPII BACI, CBS StatLine, Eurostat Comext, CSV), a validated store, and \
            reports. Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error.
            """,
        version: ChainRiskVersion.current,
        subcommands: [
            ReportCommand.self, ImportCommand.self, DatasetsCommand.self, ConcentrationCommand.self,
            WorldMarketCommand.self, SectorsCommand.self, EventsCommand.self, OptionsCommand.self,
            InputOutputCommand.self, OriginsCommand.self, ExposureCommand.self, ScenarioCommand.self, FetchCommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Parses, runs the command (awaiting the asynchronous ones, such as `serve`) and maps errors to exit codes.
    static func main() async {
        // OpenBLAS chose its kernels when it loaded; if it fell back to its slowest ones, start again with better.
        if let core = BLASKernels.betterCoreType() {
            setenv("OPENBLAS_CORETYPE", core, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // `GROUP --help` reaches here as argument-parser's own help request, which it prints itself.
            if exitCode(for: error) == .success { exit(withError: error) }
            guard let failure = CommandFailure(error) else { exit(withError: error) }
            FileOutput.standardError.write("chainrisk: \(failure.message)\n")
            Foundation.exit(failure.code)
        }
    }
}
