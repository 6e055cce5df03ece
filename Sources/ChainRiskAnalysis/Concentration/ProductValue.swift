public import ChainRiskCore

/// One product's value as a publication or file gives it: a number, or an absent value with its reason.
///
/// Used as the input of `ProductRelevance` (values weigh a product's subheadings) and `SuppressionSummary`
/// (products whose value is suppressed). A suppressed value is unknown, never zero.
public struct ProductValue: Sendable, Hashable {
    public var product: ProductCode
    /// The value; `nil` exactly when `status` has no value (suppressed or missing).
    public var value: Double?
    public var status: ValueStatus
    /// The product's name as the source writes it, for summaries; optional.
    public var name: String?
    /// Why the value is absent (e.g. "confidential"); `nil` lets `SuppressionSummary` say it from the status.
    public var reason: String?

    /// A product value; the status defaults to `reported` with a value and `suppressed` without one.
    public init(
        _ product: ProductCode, value: Double?, status: ValueStatus? = nil, name: String? = nil, reason: String? = nil
    ) {
        self.product = product
        self.value = value
        self.status = status ?? (value == nil ? .suppressed : .reported)
        self.name = name
        self.reason = reason
    }

    /// True when the value is withheld or missing (`ValueStatus.hasValue` is false).
    public var isSuppressed: Bool { !status.hasValue }

    /// The reason text for an absent value: the given reason, else one from the status; `nil` when there is a value.
    public var suppressionReason: String? {
        guard isSuppressed else { return nil }
        if let reason { return reason }
        return status == .missing ? "missing: no value published" : "suppressed: confidential or unreliable"
    }
}
