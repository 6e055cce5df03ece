/// Orders an enumeration's cases by declaration order, so sorted output follows the domain's order.
public protocol DeclarationOrdered: CaseIterable, Comparable where AllCases: Collection, AllCases.Index == Int {}

extension DeclarationOrdered {
    /// The position of the case in `allCases`.
    public var declarationIndex: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.declarationIndex < rhs.declarationIndex }
}
