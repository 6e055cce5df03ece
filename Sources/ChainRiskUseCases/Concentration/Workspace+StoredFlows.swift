public import ChainRiskCore
import ChainRiskIngest
public import ChainRiskStore

/// Mirror data: formats that record each trade once, as an export of i to j, which is at once j's import from i.
///
/// Such a source answers import questions for every importer and export questions for every exporter, from a file
/// and from the store alike; reported data (Comtrade, CBS, Comext) keeps the flows its reporters declared.
enum MirrorData {
    static let formats: Set<SourceFormat> = [.baci]

    /// True when every file of a stored dataset is mirror data (`sourceFormat` is `baci` or `baci+…`).
    static func isMirror(_ info: DatasetInfo) -> Bool {
        let formats = info.sourceFormat.split(separator: "+").map(String.init)
        return !formats.isEmpty && formats.allSatisfy { SourceFormat(rawValue: $0).map(Self.formats.contains) ?? false }
    }

    /// True when `query` asks for imports (nil flows: every flow).
    static func wantsImports(_ query: FlowQuery) -> Bool {
        query.flows.map { $0.contains(.imports) || $0.contains(.importsForOwnUse) } ?? true
    }

    /// True when `query` asks for exports.
    static func wantsExports(_ query: FlowQuery) -> Bool {
        query.flows.map { $0.contains(.exports) } ?? true
    }
}

extension Workspace {
    /// Calls `body` with every flow of a stored dataset that `query` accepts; a mirror dataset's stored exports also
    /// answer as the partners' imports.
    public func forEachStoredFlow(in dataset: String, matching query: FlowQuery, _ body: (TradeFlow) throws -> Void)
        throws
    {
        let store = try store()
        guard let info = try datasetInfo(named: dataset) else {
            throw StoreError(.unknownDataset, "no dataset named '\(dataset)'; `chainrisk datasets` lists them")
        }
        guard MirrorData.isMirror(info) else {
            return try store.forEachFlow(in: dataset, matching: query) { flow in
                if query.accepts(flow) { try body(flow) }
            }
        }
        if MirrorData.wantsExports(query) {
            var exports = query
            exports.flows = [.exports]
            try store.forEachFlow(in: dataset, matching: exports, body)
        }
        if MirrorData.wantsImports(query) {
            let importers = FlowQuery(
                reporters: query.partners, partners: query.reporters, years: query.years, flows: [.exports],
                classification: query.classification, productPrefix: query.productPrefix, status: query.status)
            try store.forEachFlow(in: dataset, matching: importers) { flow in
                let mirrored = flow.mirrored
                if query.accepts(mirrored) { try body(mirrored) }
            }
        }
    }
}
