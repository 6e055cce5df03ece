import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest

/// A reader whose flows are moved into one HS edition before they are stored (`fetch --hs-version`): it reads a
/// whole file through `reader` (held in memory: an API answer) and hands each flow on — split into its parts where
/// its code splits, by `weights` — with the line it came from.
struct HSBridgingReader: TradeReader {
    let reader: any TradeReader
    let edition: HSEditionBridge.Edition
    /// Trade per target-edition code that splits are shared out by: all the fetched answers', so that every answer
    /// splits a code alike (see `HSEditionBridge.weights`).
    let weights: [String: Double]

    var format: SourceFormat { reader.format }

    func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        var flows: [(flow: TradeFlow, line: Int)] = []
        var summary = try reader.read(file, options: options) { flows.append(($0, $1)) }
        let bridge = HSEditionBridge.shared
        let converted = bridge.convert(flows.map(\.flow), to: edition, weights: weights)
        summary.findings.merge(converted.findings)
        // The conversion keeps input order and puts a split flow's parts in its place: each flow's line goes with as
        // many flows as its code has parts.
        let parts = flows.map { entry -> Int in
            guard let from = HSEditionBridge.Edition(entry.flow.product.classification),
                case .split(let targets) = bridge.mapping(of: entry.flow.product.code, from: from, to: edition)
            else { return 1 }
            return targets.count
        }
        guard parts.reduce(0, +) == converted.flows.count else {
            throw InputError(
                .badStructure,
                "\(file.displayName): the HS conversion gave \(converted.flows.count) flows for \(flows.count); please report this",
                at: nil)
        }
        var next = converted.flows.makeIterator()
        summary.flowsEmitted = 0
        for (entry, count) in zip(flows, parts) {
            for _ in 0..<count {
                guard let part = next.next() else { break }
                try sink(part, entry.line)
                summary.flowsEmitted += 1
            }
        }
        return summary
    }
}
