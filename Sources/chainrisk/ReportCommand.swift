import ArgumentParser
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import Foundation

/// `chainrisk report`: the vulnerability report on the built-in Dutch dataset.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the value-chain vulnerability report (built-in dataset nl-letter-2021)."
    )

    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @Option(help: "Output format: markdown, table or json.")
    var format: OutputFormat = .markdown

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard [.markdown, .table, .json].contains(format) else {
            throw ValidationError("report supports --format markdown, table or json")
        }
    }

    func run() throws {
        let letter = try BuiltInDatasets.nlLetter2021()
        let document = LetterReport(dataset: letter, language: lang)
        let text: String
        switch format {
        case .json: text = document.renderJSON()
        case .table: text = document.renderText()
        default: text = document.renderMarkdown()
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw UsageError(message: "cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileOutput.standardOutput.write(text)
        }
    }
}

extension Language: ExpressibleByArgument {}
