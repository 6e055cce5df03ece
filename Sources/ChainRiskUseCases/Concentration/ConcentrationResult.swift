import ChainRiskAnalysis
public import ChainRiskCore
public import ChainRiskReport
public import Foundation

/// Concentration rows and their sections, ready to render; from the columnar path the CSV streams as it is computed.
public struct ConcentrationResult: Sendable {
    enum Body: Sendable {
        case output(ConcentrationOutput)
        case columnar(ColumnarConcentrationRun)
    }

    let body: Body
    /// What the readers found in `--input` files (unknown codes, suppressed cells …); empty for stored datasets.
    public let findings: FindingLog

    /// The formats the result renders in.
    public static let formats = ConcentrationOutput.formats

    /// The engine that computed the rows: `columnar` (plain BACI files, stored datasets that fit columns) or
    /// `general`; the CLI and the API take the same one for the same request.
    public var engine: String {
        if case .columnar = body { return "columnar" }
        return "general"
    }

    /// The rendered output.
    public func output() throws -> ConcentrationOutput {
        switch body {
        case .output(let output): output
        case .columnar(let run): try run.output()
        }
    }

    /// Writes the result in `format` to `handle`: the columnar CSV block by block, everything else rendered whole.
    public func write(_ format: OutputFormat, to handle: FileHandle) throws {
        if case .columnar(let run) = body, format == .csv {
            try run.writeCSV(to: handle)
        } else {
            try handle.write(contentsOf: Data(try output().render(format).utf8))
        }
    }
}

extension DependencyCriterion {
    /// The criteria named in `values` (repeated or comma-separated, any case); a `RequestError` naming the first
    /// unknown one.
    public static func parse(_ values: [String]) throws -> Set<DependencyCriterion> {
        Set(
            try values.flatMap { $0.split(separator: ",") }.map { name in
                guard let criterion = DependencyCriterion(rawValue: name.lowercased()) else {
                    throw RequestError(
                        "criteria",
                        "unknown --criteria '\(name.lowercased())'; use \(allCases.map(\.rawValue).joined(separator: " or "))"
                    )
                }
                return criterion
            })
    }
}

extension FindingLog {
    /// What the readers found in `--input` files, for standard error: counts per kind and one example each; empty
    /// when there are none.
    public func inputSummary() -> String {
        guard !isEmpty else { return "" }
        var text =
            "chainrisk: findings in --input: "
            + sortedCounts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
            + (problems == nil ? " (notes only: --strict keeps them)\n" : " (--strict makes all but notes errors)\n")
        for (kind, _) in sortedCounts {
            if let example = examples.first(where: { $0.kind == kind }) { text += "  e.g. \(example)\n" }
        }
        return text
    }
}
