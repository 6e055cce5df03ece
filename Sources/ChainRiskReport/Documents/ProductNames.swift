public import ChainRiskCore

/// English product descriptions from the bundled hierarchies (HS 2022, SITC rev. 4, BEC rev. 4).
public enum ProductNames {
    /// The description of a product code, or nil when its classification has no bundled hierarchy or lacks it.
    @Sendable public static func lookup(_ product: ProductCode) -> String? {
        ClassificationHierarchy.description(of: product)
    }
}
