public import ChainRiskCore

/// Which flows to read from a dataset; `nil` fields do not filter.
public struct FlowQuery: Sendable, Hashable {
    public var reporters: [CountryCode]?
    public var partners: [CountryCode]?
    public var years: [Int]?
    public var flows: [FlowKind]?
    public var classification: Classification?
    /// Product codes starting with this text (e.g. `44` for HS chapter 44).
    public var productPrefix: String?
    /// Only flows with this status.
    public var status: ValueStatus?

    public init(
        reporters: [CountryCode]? = nil, partners: [CountryCode]? = nil, years: [Int]? = nil, flows: [FlowKind]? = nil,
        classification: Classification? = nil, productPrefix: String? = nil, status: ValueStatus? = nil
    ) {
        self.reporters = reporters
        self.partners = partners
        self.years = years
        self.flows = flows
        self.classification = classification
        self.productPrefix = productPrefix
        self.status = status
    }
}

extension FlowQuery {
    /// True when `flow` passes the query's filters (for flows read from files rather than the store).
    public func accepts(_ flow: TradeFlow) -> Bool {
        if let reporters, !reporters.contains(flow.reporter) { return false }
        if let partners, !partners.contains(flow.partner) { return false }
        if let years, !years.contains(flow.year) { return false }
        if let flows, !flows.contains(flow.flow) { return false }
        if let classification, flow.product.classification != classification { return false }
        if let productPrefix, !flow.product.code.hasPrefix(productPrefix) { return false }
        if let status, flow.status != status { return false }
        return true
    }
}
