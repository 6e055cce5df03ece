/// The targets found for one source code, and how sure the match is.
public struct CorrespondenceMatch: Hashable, Sendable {
    /// How the targets were found.
    public enum Quality: String, Hashable, Sendable, CaseIterable {
        /// The code is in the table.
        case exact
        /// The code is not in the table; the targets are those of the codes sharing its leading digits.
        case approximate
        /// Neither the code nor its leading digits are in the table.
        case unmapped
    }

    /// The code that was looked up.
    public let code: String
    /// The target codes, sorted; empty when unmapped.
    public let targets: [String]
    /// The source codes whose targets were used: the code itself, or its stand-ins when approximate.
    public let matchedSources: [String]
    public let quality: Quality

    /// True when the targets come from other codes of the same heading, so a report should say so.
    public var isApproximate: Bool { quality == .approximate }
}

extension Correspondence {
    /// The targets of a code, falling back on the codes that share its first `prefixLength` digits.
    ///
    /// An HS 2022 subheading missing from the table (a code of another vintage, a national extension cut to six
    /// digits, or a subheading the table skips) gets the targets of its heading's other subheadings, marked
    /// approximate. A code no longer than `prefixLength` (a heading, a chapter) collects all codes under it.
    /// - Complexity: O(log n + k) for n source codes and k codes sharing the prefix.
    public func match(_ code: String, prefixLength: Int = 4) -> CorrespondenceMatch {
        let code = code.trimmingASCIIWhitespace()
        let exact = targets(of: code)
        if !exact.isEmpty {
            return CorrespondenceMatch(code: code, targets: exact, matchedSources: [code], quality: .exact)
        }
        let prefix = String(code.prefix(prefixLength))
        let standIns = prefix.isEmpty || prefix == "TOTAL" ? [] : sources(withPrefix: prefix)
        guard !standIns.isEmpty else {
            return CorrespondenceMatch(code: code, targets: [], matchedSources: [], quality: .unmapped)
        }
        let found = Set(standIns.flatMap(targets(of:))).sorted()
        return CorrespondenceMatch(code: code, targets: found, matchedSources: standIns, quality: .approximate)
    }

    /// The targets of a product, or `nil` when it is not in this correspondence's source classification.
    public func match(_ product: ProductCode, prefixLength: Int = 4) -> CorrespondenceMatch? {
        guard product.classification == source else { return nil }
        return match(product.code, prefixLength: prefixLength)
    }

    /// The source codes starting with `prefix`, sorted.
    func sources(withPrefix prefix: String) -> [String] {
        var low = 0
        var high = sourceCodes.count
        while low < high {
            let middle = (low + high) / 2
            if sourceCodes[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var result: [String] = []
        while low < sourceCodes.count, sourceCodes[low].hasPrefix(prefix) {
            result.append(sourceCodes[low])
            low += 1
        }
        return result
    }
}
