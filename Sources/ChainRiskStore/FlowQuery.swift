import ChainRiskCore

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
