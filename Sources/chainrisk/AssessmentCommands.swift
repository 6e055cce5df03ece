import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import Foundation

/// Options shared by `sectors`, `events` and `options`: language and output format.
struct TableOutputOptions: ParsableArguments {
    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @Option(help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard format != .html else { throw ValidationError("use --format table, markdown, csv or json (HTML: chainrisk report --format html)") }
    }

    /// Renders `tables` (JSON: an object keyed by each table's key, with the built-in dataset's provenance).
    func render(_ tables: [(key: String, table: DataTable)], letter: LetterDataset) -> String {
        switch format {
        case .json:
            return DataTable.jsonDocument(tables, provenance: Provenance(inputs: [.builtIn(letter)], settings: [:]))
        case .csv: return tables.map { $0.table.renderCSV() }.joined(separator: "\n")
        case .markdown: return tables.map { $0.table.localized(lang).renderMarkdown() }.joined(separator: "\n")
        default: return tables.map { $0.table.localized(lang).truncatingText(to: 60).renderText() }.joined(separator: "\n")
        }
    }
}

/// The built-in letter and its assessment (published Tables 4 and 5), with optional user events.
func letterAssessment(events: String? = nil) throws -> (LetterDataset, VulnerabilityAssessment) {
    let letter = try BuiltInDatasets.nlLetter2021()
    let user = try events.map { try EventFileReader(existing: letter.events).read(InputFile(path: $0)).events } ?? []
    return (letter, try VulnerabilityAssessment(letter: letter, userEvents: user, engine: try PolicyOptionEngine.bundled()))
}

/// `chainrisk sectors`: Table 2 with bands, importance and the sectors of particular importance.
struct SectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sectors", abstract: "Sector vulnerability per risk factor (the letter's Table 2) with bands and importance.")

    @Option(help: "Sort by importance (imports + exports) or by a risk factor: \(RiskFactor.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: String = "importance"

    @Option(name: .customLong("source-scores"), help: "Re-rank from another nomenclature: CSV chain,pandemic,cyber_attack,… with a score per source value chain.")
    var sourceScores: String?

    @Option(name: .customLong("source-mapping"), help: "With --source-scores: CSV chain,sector[,weight] mapping source chains onto sectors (many-to-many).")
    var sourceMapping: String?

    @Option(help: "Ties in re-ranking: dense (1, 2, 2, 3, as the letter) or competition (1, 2, 2, 4).")
    var ties: String = "dense"

    @OptionGroup var output: TableOutputOptions

    func validate() throws {
        if (sourceScores == nil) != (sourceMapping == nil) { throw ValidationError("--source-scores and --source-mapping go together") }
        guard TieConvention(rawValue: ties) != nil else { throw ValidationError("--ties takes dense or competition") }
    }

    func run() throws {
        let factor: RiskFactor?
        if sort == "importance" {
            factor = nil
        } else if let chosen = RiskFactor(rawValue: sort.replacingOccurrences(of: "-", with: "_")) {
            factor = chosen
        } else {
            throw UsageError(message: "unknown --sort '\(sort)'; use importance or one of \(RiskFactor.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var (letter, assessment) = try letterAssessment()
        var notes: [(key: String, table: DataTable)] = []
        if let sourceScores, let sourceMapping {
            let links = try SourceRankingFiles.links(InputFile(path: sourceMapping), sectors: letter.sectors.map(\.sector)).map {
                SectorReranking.Link(sourceChain: $0.chain, sector: $0.sector, weight: $0.weight)
            }
            let result = SectorReranking(ties: TieConvention(rawValue: ties) ?? .dense).rerank(scores: try SourceRankingFiles.scores(InputFile(path: sourceScores)), links: links)
            letter = letter.replacingSectors(result.applying(to: letter.sectors))
            assessment = try VulnerabilityAssessment(letter: letter, engine: try PolicyOptionEngine.bundled())
            if !result.unmappedChains.isEmpty {
                notes.append(("unmapped_chains", DataTable(title: "Source chains without a sector", columns: [DataTable.Column("chain", title: "Chain")], rows: result.unmappedChains.map { [.text($0)] })))
            }
        }
        FileOutput.standardOutput.write(output.render([("sectors", AssessmentTables(assessment: assessment, language: output.lang).sectors(sortedBy: factor))] + notes, letter: letter))
    }
}

/// `chainrisk events`: the disruption-event catalogue and its summaries.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Disruption events (the letter's Table 1 plus your own) and summaries.")

    @Option(help: "A CSV of further events (id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks).")
    var file: String?

    @Option(help: "Summarise by year, category or region.")
    var by: String = "category"

    @OptionGroup var output: TableOutputOptions

    func run() throws {
        guard ["year", "category", "region"].contains(by) else { throw UsageError(message: "--by takes year, category or region") }
        let (letter, assessment) = try letterAssessment(events: file)
        let tables = AssessmentTables(assessment: assessment, language: output.lang)
        FileOutput.standardOutput.write(output.render([("events", tables.events()), ("summary", tables.eventSummaries(by: by))], letter: letter))
    }
}

/// `chainrisk options`: the policy options each diagnosis leads to, with the rule and numbers behind it.
struct OptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "options", abstract: "Policy options (handelingsperspectieven) per product and sector, with their reasons.")

    @OptionGroup var output: TableOutputOptions

    func run() throws {
        let (letter, assessment) = try letterAssessment()
        FileOutput.standardOutput.write(output.render([("policy_options", AssessmentTables(assessment: assessment, language: output.lang).policyOptions())], letter: letter))
    }
}
