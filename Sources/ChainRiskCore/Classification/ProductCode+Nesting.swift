extension ProductCode {
    /// The codes of `codes` that lie under another code of the set: a shorter code of their classification family
    /// that they start with, or a total of their family. Data that mixes levels counts such a code through the coarser
    /// one, so sums leave it out.
    /// - Complexity: O(codes × code length).
    public static func covered(in codes: Set<ProductCode>) -> Set<ProductCode> {
        var byFamily: [Classification.Family: Set<String>] = [:]
        var withTotal: Set<Classification.Family> = []
        for code in codes {
            if code.isTotal {
                withTotal.insert(code.classification.family)
            } else {
                byFamily[code.classification.family, default: []].insert(code.code)
            }
        }
        return codes.filter { product in
            guard !product.isTotal else { return false }
            if withTotal.contains(product.classification.family) { return true }
            let family = byFamily[product.classification.family] ?? []
            return (1..<max(1, product.code.count)).contains { family.contains(String(product.code.prefix($0))) }
        }
    }
}
