import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore

/// An analysis whose filters select no flow, with what the data does hold, so that nothing prints an empty table.
///
/// Bad data (`FailureClass.badData`): exit code 65 on the CLI, 422 `empty_selection` from the server.
public struct EmptySelection: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension Workspace {
    /// The error for `query` selecting nothing from `source`: what was asked, and the flows, reporters and years the
    /// source holds (a mirror source's imports are its exports seen from the partners).
    func emptySelection(_ source: FlowSource, query: FlowQuery, productPrefix: String? = nil) throws -> EmptySelection {
        var coverage: [FlowKind: FlowCoverage]
        var mirror = false
        let name: String
        switch source {
        case .dataset(let dataset):
            name = "dataset '\(dataset)'"
            coverage = try store().flowCoverage(in: dataset)
            mirror = try datasetInfo(named: dataset).map(MirrorData.isMirror) ?? false
        case .files(let files, let reading):
            name = files.map(\.displayName).joined(separator: ", ")
            coverage = [:]
            for file in files {
                let format = try reading.format ?? FormatDetector.detect(file)
                mirror = mirror || MirrorData.formats.contains(format)
                _ = try ReaderRegistry.reader(for: format).read(file, options: reading.options) { flow, _ in
                    coverage[flow.flow, default: FlowCoverage()].add(flow)
                }
            }
        }
        if mirror, let exports = coverage[.exports] {
            var imports = FlowCoverage()
            (imports.reporters, imports.partners, imports.years) = (exports.partners, exports.reporters, exports.years)
            coverage[.imports] = imports
        }
        var asked: [String] = []
        if let flows = query.flows { asked.append("flow " + flows.map(\.rawValue).joined(separator: "/")) }
        if let reporters = query.reporters {
            asked.append("reporter " + reporters.map(\.rawValue).joined(separator: ","))
        }
        if let years = query.years { asked.append("year " + years.map(String.init).joined(separator: ",")) }
        if let prefix = productPrefix ?? query.productPrefix { asked.append("product \(prefix)*") }
        var message = "\(name) has no flows for " + (asked.isEmpty ? "this analysis" : asked.joined(separator: ", "))
        let wanted = query.flows.map(Set.init) ?? Set(coverage.keys)
        let known = wanted.reduce(into: FlowCoverage()) { result, kind in
            result.reporters.formUnion(coverage[kind]?.reporters ?? [])
        }
        if let missing = query.reporters?.filter({ !known.reporters.contains($0) }), !missing.isEmpty,
            !known.reporters.isEmpty
        {
            message += "; no reporter \(missing.map(\.rawValue).joined(separator: ", ")) in those flows"
        }
        let held = coverage.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { kind -> String? in
            guard let entry = coverage[kind] else { return nil }
            let note = mirror && kind == .imports ? " (the mirror view of its exports)" : ""
            return
                "\(kind.rawValue) flows of \(Self.list(entry.reporters.map(\.rawValue), noun: "reporter")), \(Self.years(entry.years))\(note)"
        }
        message += held.isEmpty ? "; it holds no flows" : "; it holds " + held.joined(separator: "; ")
        return EmptySelection(message)
    }

    /// `3 reporters: DEU, FRA, NLD`, or the first twelve and a count.
    private static func list(_ values: [String], noun: String) -> String {
        let sorted = values.sorted()
        let shown = sorted.prefix(12).joined(separator: ", ") + (sorted.count > 12 ? ", …" : "")
        return "\(sorted.count) \(noun)\(sorted.count == 1 ? "" : "s") (\(shown))"
    }

    /// `2018–2022`, `2021` or `2017, 2019`.
    private static func years(_ years: Set<Int>) -> String {
        let sorted = years.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "no years" }
        if sorted.count == 1 { return String(first) }
        if last - first + 1 == sorted.count { return "\(first)–\(last)" }
        return sorted.map(String.init).joined(separator: ", ")
    }
}
