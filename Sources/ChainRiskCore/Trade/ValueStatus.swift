/// What a cell's value means: a reported number, or one of the reasons a number is absent.
///
/// Suppressed is never zero: a confidential cell has an unknown, possibly large, value.
public enum ValueStatus: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    /// A published value.
    case reported
    /// Withheld as confidential or unreliable (CBS `.`/`null`, Comext confidential codes).
    case suppressed
    /// Not available for an unknown reason (an empty cell).
    case missing
    /// Nil by logic or a true zero (`-` in some publications); the value is 0.
    case `nil`
    /// A provisional figure (CBS `*`), with its value.
    case provisional

    /// True when the flow has a usable numeric value.
    public var hasValue: Bool { self == .reported || self == .provisional || self == .nil }
}
