public import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
public import ChainRiskReport
import ChainRiskStore
import Foundation

extension Workspace {
    /// Concentration rows with every section asked for; plain BACI files take the columnar path (same bytes, all cores).
    public func concentration(_ request: ConcentrationRequest) throws -> ConcentrationResult {
        var query = request.query
        // A trend needs every year; without one, rows are of each reporter's latest year unless years are named.
        if request.trend && query.years.isEmpty { query.allYears = true }
        if request.drill && query.level == nil {
            throw RequestError("drill", "--drill needs --level N (the level to drill from)")
        }
        if let columnar = try ColumnarConcentrationRun(request: request, query: query, workspace: self) {
            return ConcentrationResult(body: .columnar(columnar), findings: columnar.findings)
        }
        let flows = try Self.checked { try query.flowKinds() }
        let exportKinds: [FlowKind] =
            request.criteria.isEmpty ? [] : [.exports, .exportsOfOwnMake, .reExports].filter { !flows.contains($0) }
        let analysis = ConcentrationAnalysis(thresholds: query.thresholds, level: query.level)
        var accumulator = analysis.accumulator()
        var exports = analysis.accumulator()
        var kept: [TradeFlow] = []
        var findings = FindingLog()
        var rows: [ImportConcentration]
        if case .dataset(let name) = request.source, !request.drill, request.criteria.isEmpty, request.riskScores == nil
        {
            let computed = try datasetConcentration(
                name, thresholds: query.thresholds, level: query.level, flows: flows,
                productPrefix: query.productPrefix, hsVersion: query.hsVersion)
            findings = computed.findings
            rows = computed.rows.filter { row in
                (query.reporters.isEmpty || query.reporters.contains(row.reporter))
                    && (query.years.isEmpty || query.years.contains(row.year))
            }
        } else {
            // Split weights come from all the data (every reporter and year, as for a stored dataset), so reporters
            // and years are chosen after the conversion.
            var readQuery = Self.flowQuery(query, flows: flows + exportKinds)
            if query.hsVersion != nil { (readQuery.reporters, readQuery.years) = (nil, nil) }
            let read: ((TradeFlow) throws -> Void) throws -> FindingLog = { body in
                try request.source.forEachFlow(in: self, matching: readQuery, body)
            }
            findings = try Self.bridged(to: query.hsVersion, read) { flow in
                if query.hsVersion != nil {
                    if !query.years.isEmpty, !query.years.contains(flow.year) { return }
                    if !query.reporters.isEmpty, !query.reporters.contains(flow.reporter) { return }
                }
                guard flows.contains(flow.flow) else {
                    exports.add(flow)
                    return
                }
                accumulator.add(flow)
                if request.drill { kept.append(flow) }
            }
            rows = accumulator.rows()
        }
        if rows.isEmpty { throw try emptySelection(request.source, query: Self.flowQuery(query, flows: flows)) }
        rows = query.latestYearRows(rows)
        if request.drill {
            let years = Set(rows.map { "\($0.reporter.rawValue) \($0.year)" })
            kept = kept.filter { years.contains("\($0.reporter.rawValue) \($0.year)") }
        }
        let relevance = query.relevantOnly ? RelevanceFilter(rows: rows) : nil
        if let relevance { rows = relevance.relevantRows }
        let allRows = rows
        rows = try Self.checked { try query.select(rows) }
        var provenance = Provenance(inputs: [try request.source.provenance(in: self)], settings: query.settings)
        if let limit = request.limit, rows.count > limit {
            provenance.settings["limit"] = "first \(limit) of \(rows.count) rows"
            rows = Array(rows.prefix(limit))
        }
        let worldRows = try request.world.map { world in
            try worldMarketRows(
                world, thresholds: query.thresholds, imports: rows, level: query.level, provenance: &provenance)
        }
        var sections: [NamedTable] = []
        if request.trend { sections.append(ConcentrationSections.trends(ConcentrationTrend.trends(for: allRows))) }
        if request.criteria.contains(.ec2021) {
            sections.append(
                ConcentrationSections.euDependency(
                    DependencyCriteria().ec2021(imports: rows, exports: exportKinds.isEmpty ? nil : exports.rows())))
        }
        if request.criteria.contains(.geodep) {
            guard let worldRows else {
                throw RequestError("criteria", "--criteria geodep needs --world-dataset or --world-input")
            }
            sections.append(
                ConcentrationSections.geoDep(
                    DependencyCriteria().geoDep(imports: allRows, world: worldRows, exports: exports.rows())))
        }
        if let riskScores = request.riskScores {
            sections.append(
                try riskWeighted(
                    riskScores, rows: rows, breakdowns: accumulator.supplierBreakdowns(), provenance: &provenance))
        }
        let output = ConcentrationOutput(
            rows: rows, thresholds: query.thresholds, language: request.language,
            worldMarket: worldRows.map {
                WorldMarketCheck(thresholds: query.thresholds).aligned(imports: rows, world: $0)
            },
            provenance: provenance, relevance: relevance,
            sensitivity: request.sensitivity ? SensitivityCheck(rows: rows) : nil,
            drill: request.drill
                ? ConcentrationDrill().entries(
                    for: ConcentrationDrill.rows(
                        for: kept, levels: Self.drillLevels(query.level), thresholds: query.thresholds)) : nil,
            sections: sections
        )
        return ConcentrationResult(body: .output(output), findings: findings)
    }

    /// World-market rows from world exports, matched to the imports' classification and levels; adds the world
    /// source (and the mapping used) to the provenance.
    public func worldMarketRows(
        _ world: FlowSource, thresholds: ConcentrationThresholds, imports: [ImportConcentration], level: Int?,
        provenance: inout Provenance
    ) throws -> [ImportConcentration] {
        var flows: [TradeFlow] = []
        try world.forEachFlow(in: self, matching: FlowQuery(flows: [.exports])) { flows.append($0) }
        provenance.inputs.append(try world.provenance(in: self))
        let matched: WorldMarketCheck.MatchedWorldRows
        do {
            matched = try WorldMarketCheck(thresholds: thresholds).matchedWorldRows(
                exports: flows, importFamily: imports.first?.product.classification.family,
                importLevels: Set(imports.map(\.product.code.utf8.count)), level: level)
        } catch {
            throw RequestError("world", error.description)
        }
        if let mapping = matched.mapping { provenance.settings["world_mapping"] = mapping }
        return matched.rows
    }

    /// The risk-weighted section for the rows shown, with the score file in the provenance.
    private func riskWeighted(
        _ path: String, rows: [ImportConcentration], breakdowns: [SupplierBreakdown], provenance: inout Provenance
    ) throws -> NamedTable {
        let name = (path as NSString).lastPathComponent
        let weighting = RiskWeightedConcentration(
            scores: try RiskScoreFile.read(InputFile(path: path)), scoreName: name)
        let selected = Set(rows.map { RowKey($0) })
        let shown = breakdowns.filter { selected.contains(RowKey($0)) }
        provenance.inputs.append(
            Provenance.Input(name: name, kind: "file", files: [(path, try FileDigest.sha256(path: path).hex)]))
        return ConcentrationSections.riskWeighted(
            weighting.rows(shown), formula: RiskWeightedConcentration.formula, scoreName: weighting.scoreName)
    }

    /// The store query for the query's filters and `flows`.
    static func flowQuery(_ query: ConcentrationQuery, flows: [FlowKind]) -> FlowQuery {
        FlowQuery(
            reporters: query.reporters.isEmpty ? nil : query.reporters, years: query.years.isEmpty ? nil : query.years,
            flows: flows.count == FlowKind.allCases.count ? nil : flows, productPrefix: query.productPrefix
        )
    }

    /// The levels a drill-down compares: the chosen level and every finer level of the classification.
    static func drillLevels(_ level: Int?) -> [Int] {
        guard let level else { return [] }
        return Array(level...8)
    }

    /// Runs `body`, reporting an invalid filter as a `RequestError` that names the option (`--class`).
    static func checked<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ConcentrationQuery.InvalidParameter {
            throw RequestError(error)
        }
    }

    /// Calls `body` with the flows `read` gives, moved into HS edition `edition` when one is given (all flows are
    /// read first: the split weights come from all of them); returns the reading's and the conversion's findings.
    static func bridged(
        to edition: HSEditionBridge.Edition?, _ read: ((TradeFlow) throws -> Void) throws -> FindingLog,
        _ body: (TradeFlow) throws -> Void
    ) throws -> FindingLog {
        guard let edition else { return try withoutActuallyEscaping(body) { try read($0) } }
        var flows: [TradeFlow] = []
        var findings = try read { flows.append($0) }
        let converted = HSBridgingRule.convert(flows, to: edition)
        findings.merge(converted.findings)
        for flow in converted.flows { try body(flow) }
        return findings
    }
}

/// Identifies a row and its supplier breakdown across the two result types.
private struct RowKey: Hashable {
    let reporter: CountryCode
    let year: Int
    let flow: FlowKind
    let product: ProductCode

    init(_ row: ImportConcentration) {
        (reporter, year, flow, product) = (row.reporter, row.year, row.flow, row.product)
    }

    init(_ breakdown: SupplierBreakdown) {
        (reporter, year, flow, product) = (breakdown.reporter, breakdown.year, breakdown.flow, breakdown.product)
    }
}
