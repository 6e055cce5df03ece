public import ChainRiskCore

/// World-export flows moved into another classification through a correspondence, so that a world market can be
/// compared with a reporter's products in the reporter's own classification.
///
/// Forward (e.g. world HS 6 values into SITC rev. 4 with `Correspondence.hs2022ToSITC4`): each flow's value goes to
/// the code its product maps to; a code with k targets gives each 1/k of its value — an equal split, because the
/// tables carry no weights. Reversed (`reversed: true`, e.g. world SITC values into HS 2022 with the same table
/// read backwards): a SITC code's value is split equally over the HS codes that map into it, which is cruder, since
/// one basic heading often collects subheadings of very different size. Lookups go through
/// `Correspondence.match` (prefix 4): a code missing from the table borrows its heading's targets and is
/// approximate; a code shorter than the table's (a heading, a SITC group) collects the codes under it and is exact.
/// Flows of another classification family are left out and counted as unmapped; another vintage of
/// the right family (HS 2017 flows through an HS 2022 table) makes every match at most approximate. Suppressed
/// flows are carried to every target with no value, so they stay visible as suppressed cells.
public struct WorldExportMapping: Sendable {
    /// How well one mapped code is founded.
    public struct ProductQuality: Sendable, Hashable {
        public let product: ProductCode
        /// The worst lookup quality among the values in it.
        public let quality: CorrespondenceMatch.Quality
        /// The share of its value that came from codes split over several targets, 0–1.
        public let splitShare: Double
        /// How many distinct source codes fed it.
        public let sourceCodes: Int
    }

    public let source: Classification
    public let target: Classification
    /// The flows in the target classification, in input order, each source flow followed by its targets in code order.
    public let flows: [TradeFlow]
    /// One entry per mapped code, sorted by product.
    public let qualities: [ProductQuality]
    /// Source products that could not be mapped, sorted.
    public let unmapped: [ProductCode]
    /// Their total value.
    public let unmappedValue: Double

    public init(flows: some Sequence<TradeFlow>, through correspondence: Correspondence, reversed: Bool = false) {
        let table =
            reversed
            ? Correspondence(
                source: correspondence.target, target: correspondence.source,
                pairs: correspondence.pairs.map { ($0.target, $0.source) }
            )
            : correspondence
        var matches: [String: CorrespondenceMatch] = [:]
        var tallies: [String: Tally] = [:]
        var mapped: [TradeFlow] = []
        var unmapped: Set<ProductCode> = []
        var unmappedValue = CompensatedSum()
        for flow in flows {
            let product = flow.product
            guard product.classification.family == table.source.family, !product.isTotal else {
                unmapped.insert(product)
                unmappedValue.add(flow.value ?? 0)
                continue
            }
            let match = matches[product.code] ?? table.match(product.code, prefixLength: 4)
            matches[product.code] = match
            guard match.quality != .unmapped, !match.targets.isEmpty else {
                unmapped.insert(product)
                unmappedValue.add(flow.value ?? 0)
                continue
            }
            let collectsSubcodes = match.matchedSources.allSatisfy { $0.hasPrefix(product.code) }
            let lookup: CorrespondenceMatch.Quality =
                match.quality == .exact || collectsSubcodes ? .exact : .approximate
            let quality: CorrespondenceMatch.Quality = product.classification == table.source ? lookup : .approximate
            let share = flow.value.map { $0 / Double(match.targets.count) }
            for code in match.targets {
                var moved = flow
                moved.product = ProductCode(code, in: table.target)
                moved.value = share
                mapped.append(moved)
                var tally = tallies[code] ?? Tally()
                if Self.rank(quality) > Self.rank(tally.quality) { tally.quality = quality }
                tally.total.add(share ?? 0)
                if match.targets.count > 1 { tally.split.add(share ?? 0) }
                tally.sources.insert(product.code)
                tallies[code] = tally
            }
        }
        source = table.source
        target = table.target
        self.flows = mapped
        qualities = tallies.keys.sorted().compactMap { code in
            tallies[code].map { tally in
                ProductQuality(
                    product: ProductCode(code, in: table.target), quality: tally.quality,
                    splitShare: tally.total.value > 0 ? tally.split.value / tally.total.value : 0,
                    sourceCodes: tally.sources.count
                )
            }
        }
        self.unmapped = unmapped.sorted()
        self.unmappedValue = unmappedValue.value
    }

    /// The quality for a product of the target classification at any level: the worst among the mapped codes it
    /// covers (the code itself or the codes starting with it); unmapped when it covers none or is of another family.
    public func quality(of product: ProductCode) -> CorrespondenceMatch.Quality {
        guard product.classification.family == target.family else { return .unmapped }
        let covered: ArraySlice<ProductQuality>
        if product.isTotal {
            covered = qualities[...]
        } else {
            var low = 0
            var high = qualities.count
            while low < high {
                let middle = (low + high) / 2
                if qualities[middle].product.code < product.code { low = middle + 1 } else { high = middle }
            }
            covered = qualities[low...].prefix { $0.product.code.hasPrefix(product.code) }
        }
        guard let worst = covered.map(\.quality).max(by: { Self.rank($0) < Self.rank($1) }) else { return .unmapped }
        return worst
    }

    /// What one target code collected while mapping.
    struct Tally {
        var quality = CorrespondenceMatch.Quality.exact
        var total = CompensatedSum()
        var split = CompensatedSum()
        var sources: Set<String> = []
    }

    /// Exact < approximate < unmapped.
    static func rank(_ quality: CorrespondenceMatch.Quality) -> Int {
        switch quality {
        case .exact: 0
        case .approximate: 1
        case .unmapped: 2
        }
    }
}
