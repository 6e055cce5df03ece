import ArgumentParser
import ChainRiskReport

/// The formats a family of commands writes: what their `--format` accepts and their `--help` lists.
protocol FormatFamily {
    static var formats: [OutputFormat] { get }
}

/// Tables (analyses, io, scenario): text, Markdown, CSV, JSON and an Excel workbook.
enum TableFormats: FormatFamily { static let formats = TableSet.formats }
/// The report, a document: Markdown, HTML, JSON, text and an Excel workbook.
enum ReportFormats: FormatFamily { static let formats = VulnerabilityReport.formats }
/// Listings of the store: text and JSON.
enum ListingFormats: FormatFamily { static let formats: [OutputFormat] = [.table, .json] }

/// A `--format` value, parsed once: one of its family's formats (`text` is `table`); anything else is a usage error
/// that lists them.
struct FormatChoice<Family: FormatFamily>: ExpressibleByArgument {
    let format: OutputFormat

    init(_ format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormat(token: argument), Family.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Family.formats.map(\.rawValue) }

    var defaultValueDescription: String { format.rawValue }
}
