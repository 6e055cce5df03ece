public import ChainRiskAnalysis
import ChainRiskCore
public import ChainRiskReport
import ChainRiskStore

/// A request for world-market concentration: the HHI of world exports by exporting country, per product and year.
public struct WorldMarketRequest: Sendable, Hashable {
    public var source: FlowSource
    public var thresholds: ConcentrationThresholds
    public var years: [Int]
    public var productPrefix: String?
    public var level: Int?
    /// At most this many rows (the server's page limit); nil for all.
    public var limit: Int?
    /// With no `years`: every year (true) or the latest year in the data (false, the default).
    public var allYears = false

    public init(
        source: FlowSource, thresholds: ConcentrationThresholds = .letter, years: [Int] = [],
        productPrefix: String? = nil, level: Int? = nil, limit: Int? = nil
    ) {
        self.source = source
        self.thresholds = thresholds
        self.years = years
        self.productPrefix = productPrefix
        self.level = level
        self.limit = limit
    }
}

extension Workspace {
    /// World-market rows of the source's export flows (exporters are the suppliers), with provenance.
    public func worldMarket(_ request: WorldMarketRequest) throws -> WorldMarketOutput {
        let query = FlowQuery(
            years: request.years.isEmpty ? nil : request.years, flows: [.exports], productPrefix: request.productPrefix)
        var flows: [TradeFlow] = []
        try request.source.forEachFlow(in: self, matching: query) { flows.append($0) }
        if flows.isEmpty { throw try emptySelection(request.source, query: query) }
        var rows = WorldMarketCheck(thresholds: request.thresholds).worldMarketRows(flows: flows, level: request.level)
        var settings = WorldMarketOutput.settings(
            thresholds: request.thresholds, level: request.level, product: request.productPrefix)
        if request.years.isEmpty && !request.allYears, let latest = rows.map(\.year).max() {
            rows = rows.filter { $0.year == latest }
            settings["year"] = "\(latest) (the latest in the data)"
        } else {
            settings["year"] = request.years.isEmpty ? "all" : request.years.map(String.init).joined(separator: ",")
        }
        if let limit = request.limit, rows.count > limit {
            settings["limit"] = "first \(limit) of \(rows.count) rows"
            rows = Array(rows.prefix(limit))
        }
        let provenance = Provenance(inputs: [try request.source.provenance(in: self)], settings: settings)
        return WorldMarketOutput(rows: rows, thresholds: request.thresholds, provenance: provenance)
    }
}
