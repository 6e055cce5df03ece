import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore

extension ConcentrationCommand {
    /// The flow kinds `--flow` selects.
    func flowKinds() throws -> [FlowKind] {
        switch flow.lowercased() {
        case "all": return FlowKind.allCases
        case "import", "imports": return [.imports, .importsForOwnUse]
        default:
            guard let kind = FlowKind(token: flow) else {
                throw UsageError(message: "unknown --flow '\(flow)'; use import, export, import_own_use, export_own_make, re_export or all")
            }
            return [kind]
        }
    }

    /// The store query for the filters.
    func flowQuery(flows: [FlowKind]) throws -> FlowQuery {
        let reporters = try reporter.map { text in
            guard let code = CountryCode(rawValue: text) else { throw UsageError(message: "empty --reporter") }
            return code
        }
        return FlowQuery(
            reporters: reporters.isEmpty ? nil : reporters, years: year.isEmpty ? nil : year,
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
        var rows = rows
        if let concentrationClass {
            let wanted: ConcentrationClass
            switch concentrationClass.lowercased() {
            case "not", "not_concentrated": wanted = .notConcentrated
            case "somewhat", "somewhat_concentrated": wanted = .somewhatConcentrated
            case "high", "highly", "highly_concentrated": wanted = .highlyConcentrated
            case "concentrated": wanted = .concentrated
            default: throw UsageError(message: "unknown --class '\(concentrationClass)'; use not, somewhat, high or concentrated")
            }
            rows = rows.filter { $0.concentrationClass == wanted }
        }
        if let minValue {
            rows = rows.filter { $0.unit.baseValue($0.totalValue) > minValue }
        }
        if let top {
            let groups = Dictionary(grouping: rows) { GroupKey(reporter: $0.reporter, year: $0.year, flow: $0.flow) }
            rows = groups.keys.sorted().flatMap { key in
                (groups[key] ?? []).sorted { ($0.totalValue, $1.product) > ($1.totalValue, $0.product) }.prefix(top)
            }
        }
        return rows
    }

    private struct GroupKey: Hashable, Comparable {
        let reporter: CountryCode
        let year: Int
        let flow: FlowKind

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            (lhs.reporter, lhs.year, lhs.flow) < (rhs.reporter, rhs.year, rhs.flow)
        }
    }

    /// The levels `--drill` compares: the chosen level and every finer level of the classification.
    func drillLevels() -> [Int] {
        guard let level else { return [] }
        return Array(level...8)
    }

    /// The settings named in the provenance block.
    func settings(_ preset: ConcentrationThresholds) -> [String: String] {
        var settings = ["thresholds": preset.name, "thresholds_rule": preset.rule, "flow": flow]
        if let level { settings["level"] = String(level) }
        if !reporter.isEmpty { settings["reporter"] = reporter.joined(separator: ",") }
        if !year.isEmpty { settings["year"] = year.map(String.init).joined(separator: ",") }
        if let product { settings["product"] = product }
        if let concentrationClass { settings["class"] = concentrationClass }
        if let minValue { settings["min_value"] = String(minValue) }
        if let top { settings["top"] = String(top) }
        if relevantOnly { settings["relevant_only"] = ProductRelevance.rule }
        return settings
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
        if let family = importFamily, let worldFamily = flows.first?.product.classification.family, worldFamily != family {
            // World data in another classification (HS ↔ SITC): move it into the imports' codes first.
            guard let mapping = Self.crossMapping(from: worldFamily, to: family, flows: flows) else {
                throw UsageError(message: "world data in \(worldFamily.rawValue) cannot be matched to \(family.rawValue) imports; chainrisk maps HS ↔ SITC")
            }
            provenance.settings["world_mapping"] = "\(mapping.source.token) → \(mapping.target.token), equal split over many-to-many codes"
            flows = mapping.flows
        }
        // World rows at every code length the imports use, so a heading matches a heading and a subheading a subheading.
        let check = WorldMarketCheck(thresholds: preset)
        let worldLevels = Set(flows.map(\.product.code.utf8.count))
        let lengths = level.map { [$0] } ?? importLevels.sorted()
        return lengths.flatMap { length in
            worldLevels.contains(length) ? check.worldMarketRows(flows: flows, level: nil).filter { $0.product.code.utf8.count == length }
                : check.worldMarketRows(flows: flows, level: length)
        }
    }

    /// World flows mapped between HS and SITC rev. 4 through the bundled correspondence.
    static func crossMapping(from world: Classification.Family, to imports: Classification.Family, flows: [TradeFlow]) -> WorldExportMapping? {
        switch (world, imports) {
        case (.hs, .sitc): WorldExportMapping(flows: flows, through: .hs2022ToSITC4)
        case (.sitc, .hs): WorldExportMapping(flows: flows, through: .hs2022ToSITC4, reversed: true)
        default: nil
        }
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
