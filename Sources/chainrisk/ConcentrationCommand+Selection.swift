import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

extension ConcentrationCommand {
    /// The filters as the analysis library takes them (the same type the server's concentration endpoint uses).
    func query(_ preset: ConcentrationThresholds) throws -> ConcentrationQuery {
        let reporters = try reporter.map { text in
            guard let code = CountryCode(rawValue: text) else { throw UsageError(message: "empty --reporter") }
            return code
        }
        return ConcentrationQuery(
            thresholds: preset, flow: flow, level: level, reporters: reporters, years: year, productPrefix: product,
            concentrationClass: concentrationClass, minimumValue: minValue, top: top, relevantOnly: relevantOnly
        )
    }

    /// The flow kinds `--flow` selects.
    func flowKinds() throws -> [FlowKind] {
        try Self.usage { try query(.letter).flowKinds() }
    }

    /// The store query for the filters.
    func flowQuery(flows: [FlowKind]) throws -> FlowQuery {
        let query = try query(.letter)
        return FlowQuery(
            reporters: query.reporters.isEmpty ? nil : query.reporters, years: year.isEmpty ? nil : year,
            flows: flows.count == FlowKind.allCases.count ? nil : flows, productPrefix: product
        )
    }

    /// BACI rows are exporter → importer; import concentration reads them the other way round.
    static func readerView(for flows: [FlowKind]) -> (inout ReadOptions, SourceFormat) -> Void {
        { options, format in
            if format == .baci && flows.contains(.imports) && !flows.contains(.exports) { options.flow = .imports }
        }
    }

    /// The class, value and top-N filters, in that order.
    func select(_ rows: [ImportConcentration]) throws -> [ImportConcentration] {
        try Self.usage { try query(.letter).select(rows) }
    }

    /// Runs `body`, reporting an invalid filter as a usage error that names the option (`--class`).
    static func usage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ConcentrationQuery.InvalidParameter {
            throw UsageError(message: error.message.replacingOccurrences(of: "unknown \(error.parameter) ", with: "unknown --\(error.parameter) "))
        }
    }

    /// The levels `--drill` compares: the chosen level and every finer level of the classification.
    func drillLevels() -> [Int] {
        guard let level else { return [] }
        return Array(level...8)
    }

    /// The settings named in the provenance block.
    func settings(_ preset: ConcentrationThresholds) throws -> [String: String] {
        try query(preset).settings
    }

    /// World-market rows when a world dataset or file was given; adds it to the provenance.
    func worldMarketRows(preset: ConcentrationThresholds, store: OpenedStore, importFamily: Classification.Family?, importLevels: Set<Int>, provenance: inout Provenance) throws -> [ImportConcentration]? {
        guard worldDataset != nil || worldInput != nil else { return nil }
        let source = try FlowInput(
            dataset: worldDataset, inputs: worldInput.map { [$0] } ?? [], reading: AutoDetectedReading(),
            option: "--world-dataset", inputOption: "--world-input"
        )
        var flows: [TradeFlow] = []
        try source.forEachFlow(store: store.get, query: FlowQuery(flows: [.exports])) { flows.append($0) }
        provenance.inputs.append(try source.provenance(store: store.get))
        let matched: WorldMarketCheck.MatchedWorldRows
        do {
            matched = try WorldMarketCheck(thresholds: preset).matchedWorldRows(exports: flows, importFamily: importFamily, importLevels: importLevels, level: level)
        } catch {
            throw UsageError(message: error.description)
        }
        if let mapping = matched.mapping { provenance.settings["world_mapping"] = mapping }
        return matched.rows
    }
}

/// Opens the store on first use, once.
final class OpenedStore {
    private let options: StoreOptions
    private var opened: TradeStore?

    init(_ options: StoreOptions) { self.options = options }

    func get() throws -> TradeStore {
        if let opened { return opened }
        let store = try options.open()
        opened = store
        return store
    }
}
