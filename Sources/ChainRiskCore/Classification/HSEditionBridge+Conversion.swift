/// Trade flows converted to one HS edition, with what the conversion did to them.
public struct HSConversion: Sendable {
    /// The flows in input order; a split flow is replaced by one flow per target code, in code order.
    public var flows: [TradeFlow]
    /// One finding per converted code that the user should know of (`mapped_code`, `split_code`, `unknown_code`,
    /// `unconverted_code`) and per classification that was not converted, in code order.
    public var findings: FindingLog
    /// Every one-to-many split, sorted by edition and code (the findings keep only the first few of each kind).
    public var splits: [HSEditionBridge.Split]
}

extension HSEditionBridge {
    /// How the shares of a one-to-many split were chosen.
    public enum SplitRule: String, Sendable, Hashable, CaseIterable {
        /// In proportion to the weights given for the target codes (e.g. their world imports).
        case weights
        /// Equal shares: no weights were given, a target code had none, or they sum to zero.
        case equalShares = "equal_shares"
    }

    /// One code of one edition spread over several codes of the other.
    public struct Split: Hashable, Sendable {
        /// The edition of `code`.
        public let edition: Edition
        public let code: String
        /// The target codes, sorted.
        public let targets: [String]
        /// The share of each target, in the order of `targets`; they sum to 1.
        public let shares: [Double]
        public let rule: SplitRule
        /// Why equal shares were used; `nil` for `.weights`.
        public let reason: String?
        /// How many flows were split.
        public let flows: Int
    }

    /// The shares of `targets` under the split rule: in proportion to `weights` when every target has a finite,
    /// non-negative weight and they sum to more than zero, else equal shares, with the reason.
    ///
    /// A target missing from `weights` means "not known" (the data has no trade in that code's edition), not zero;
    /// a weight of 0 gives its target no share.
    public static func shares(of targets: [String], weights: [String: Double]) -> (
        shares: [Double], rule: SplitRule, reason: String?
    ) {
        let equal = [Double](repeating: 1 / Double(max(targets.count, 1)), count: targets.count)
        guard !weights.isEmpty else { return (equal, .equalShares, "no weights given") }
        let missing = targets.filter { code in weights[code].map { !($0.isFinite && $0 >= 0) } ?? true }
        guard missing.isEmpty else { return (equal, .equalShares, "no weight for \(missing.joined(separator: ", "))") }
        var total = CompensatedSum()
        for code in targets { total.add(weights[code] ?? 0) }
        guard total.value > 0 else { return (equal, .equalShares, "the weights sum to zero") }
        return (targets.map { (weights[$0] ?? 0) / total.value }, .weights, nil)
    }

    /// World-trade weights for splits into `edition`: the value of the flows already in `edition`, summed per
    /// 6-digit code (suppressed and missing values left out).
    ///
    /// Pass flows of one currency and one kind (the world import rows of a Comtrade extract, or all partner rows,
    /// not both): every flow given counts.
    public static func weights(from flows: some Sequence<TradeFlow>, in edition: Edition) -> [String: Double] {
        var sums: [String: CompensatedSum] = [:]
        for flow in flows where flow.product.classification == edition.classification && flow.product.level == 6 {
            guard let value = flow.value else { continue }
            sums[flow.product.code, default: CompensatedSum()].add(value)
        }
        return sums.mapValues(\.value)
    }

    /// Converts flows to the HS edition `target`.
    ///
    /// - Flows already in `target` are unchanged.
    /// - A code of the other edition with one target code is relabelled (`mapped_code` finding when the code
    ///   changes); flows merged into one code keep their own rows, which the analysis sums.
    /// - A code with several target codes is split by `shares(of:weights:)`: `weights` maps target codes to
    ///   weights such as their world imports (`weights(from:in:)`); without them the shares are equal. Value and
    ///   quantity are split by the same shares; the largest share takes the rounding remainder, so the parts sum
    ///   to the original (suppressed values stay suppressed in every part). One `split_code` finding per code.
    /// - A changed heading or chapter (`Mapping.notComparable`) and an unknown code keep their code *and* their
    ///   edition (`unconverted_code`, `unknown_code`): they are never labelled with a code of `target` that means
    ///   other goods.
    /// - Flows in another classification (SITC, CN, HS without a vintage, HS 1992 to 2012) pass unchanged, with
    ///   one `unconverted_code` finding per classification.
    /// - Complexity: O(n) for n flows, one table look-up per distinct product code.
    public func convert(_ flows: some Sequence<TradeFlow>, to target: Edition, weights: [String: Double] = [:])
        -> HSConversion
    {
        var converter = Converter(bridge: self, target: target, weights: weights)
        var output: [TradeFlow] = []
        output.reserveCapacity(flows.underestimatedCount)
        for flow in flows { converter.convert(flow, into: &output) }
        return HSConversion(flows: output, findings: converter.findings(), splits: converter.splits())
    }
}

/// The state of one conversion: a plan per distinct product code and how many flows each plan served.
private struct Converter {
    enum Plan {
        case keep
        case relabel(ProductCode)
        case split([ProductCode], shares: [Double], remainder: Int)
    }

    let bridge: HSEditionBridge
    let target: HSEditionBridge.Edition
    let weights: [String: Double]
    var plans: [ProductCode: Plan] = [:]
    /// Flows per converted product code and per classification left alone.
    var counts: [ProductCode: Int] = [:]
    var otherClassifications: [Classification: Int] = [:]

    init(bridge: HSEditionBridge, target: HSEditionBridge.Edition, weights: [String: Double]) {
        self.bridge = bridge
        self.target = target
        self.weights = weights
    }

    mutating func convert(_ flow: TradeFlow, into output: inout [TradeFlow]) {
        let product = flow.product
        guard let edition = HSEditionBridge.Edition(product.classification) else {
            otherClassifications[product.classification, default: 0] += 1
            output.append(flow)
            return
        }
        guard edition != target else {
            output.append(flow)
            return
        }
        counts[product, default: 0] += 1
        let plan = plans[product] ?? makePlan(product, from: edition)
        switch plan {
        case .keep:
            output.append(flow)
        case .relabel(let code):
            var renamed = flow
            renamed.product = code
            output.append(renamed)
        case .split(let codes, let shares, let remainder):
            let values = flow.value.map { Self.allocate($0, shares: shares, remainder: remainder) }
            let quantities = flow.quantity.map { Self.allocate($0, shares: shares, remainder: remainder) }
            for (index, code) in codes.enumerated() {
                var part = flow
                part.product = code
                part.value = values?[index]
                part.quantity = quantities?[index]
                output.append(part)
            }
        }
    }

    private mutating func makePlan(_ product: ProductCode, from edition: HSEditionBridge.Edition) -> Plan {
        let plan: Plan
        switch bridge.mapping(of: product.code, from: edition, to: target) {
        case .code(let code):
            plan = .relabel(ProductCode(code, in: target.classification))
        case .split(let codes):
            let shares = HSEditionBridge.shares(of: codes, weights: weights).shares
            let remainder = shares.indices.max { shares[$0] < shares[$1] || (shares[$0] == shares[$1] && $0 > $1) } ?? 0
            plan = .split(
                codes.map { ProductCode($0, in: target.classification) }, shares: shares, remainder: remainder)
        case .notComparable, .unknown:
            plan = .keep
        }
        plans[product] = plan
        return plan
    }

    /// `total` × each share; the part at `remainder` is what the others leave, so the parts add up to `total`.
    static func allocate(_ total: Double, shares: [Double], remainder: Int) -> [Double] {
        var parts = shares.map { total * $0 }
        var others = CompensatedSum()
        for index in parts.indices where index != remainder { others.add(parts[index]) }
        parts[remainder] = total - others.value
        return parts
    }

    func splits() -> [HSEditionBridge.Split] {
        counts.keys.sorted().compactMap { product in
            guard let edition = HSEditionBridge.Edition(product.classification),
                case .split(let codes) = bridge.mapping(of: product.code, from: edition, to: target)
            else { return nil }
            let shares = HSEditionBridge.shares(of: codes, weights: weights)
            return HSEditionBridge.Split(
                edition: edition, code: product.code, targets: codes, shares: shares.shares,
                rule: shares.rule, reason: shares.reason, flows: counts[product] ?? 0)
        }
    }

    func findings() -> FindingLog {
        var log = FindingLog()
        for product in counts.keys.sorted() {
            guard let edition = HSEditionBridge.Edition(product.classification),
                let finding = finding(for: product, from: edition, flows: counts[product] ?? 0)
            else { continue }
            log.record(finding)
        }
        for (classification, count) in otherClassifications.sorted(by: { $0.key < $1.key }) {
            let name = classification == .hs ? "HS without a vintage" : classification.token
            log.record(
                Finding(
                    .unconvertedCode,
                    "\(name) (\(Self.flows(count))) kept as it is: the HS edition bridge converts HS2017 and HS2022 only"
                ))
        }
        return log
    }

    private func finding(for product: ProductCode, from edition: HSEditionBridge.Edition, flows count: Int) -> Finding?
    {
        let code = product.code
        let source = "\(edition.rawValue) \(code) (\(Self.flows(count)))"
        switch bridge.mapping(of: code, from: edition, to: target) {
        case .code(let mapped):
            var notes: [String] = []
            let merged = bridge.mergedWith(code, from: edition, to: target)
            if !merged.isEmpty { notes.append("together with \(edition.rawValue) \(merged.joined(separator: ", "))") }
            let unplaced = target == .hs2017 && code.utf8.count == 6 ? bridge.unmatchedHS2017(inHeadingOf: mapped) : []
            if !unplaced.isEmpty {
                notes.append(
                    "approximate: HS2017 heading \(mapped.prefix(4)) also has \(unplaced.joined(separator: ", ")), which the table places nowhere"
                )
            }
            guard mapped != code || !notes.isEmpty else { return nil }
            let tail = notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
            return Finding(.mappedCode, "\(source) → \(target.rawValue) \(mapped)\(tail)")
        case .split(let codes):
            let split = HSEditionBridge.shares(of: codes, weights: weights)
            let parts = zip(codes, split.shares).map { "\($0) \(Self.percent($1))" }.joined(separator: ", ")
            let rule = split.rule == .weights ? "by world-trade weights" : "by equal shares (\(split.reason ?? ""))"
            return Finding(.splitCode, "\(source) split over \(target.rawValue) \(parts) \(rule)")
        case .notComparable(let reasons):
            let shown =
                reasons.prefix(3).joined(separator: ", ") + (reasons.count > 3 ? " and \(reasons.count - 3) more" : "")
            let what = code.utf8.count == 2 ? "chapter" : "heading"
            return Finding(
                .unconvertedCode,
                "\(source) kept in \(edition.rawValue): the \(what) differs between the editions (\(shown))")
        case .unknown:
            let why =
                edition == .hs2017 && bridge.unmatchedHS2017.contains(code)
                ? "an HS2017 subheading the HS2017→HS2022 table lacks (merged into another subheading in HS2022)"
                : "not a code of the HS2017↔HS2022 table"
            return Finding(.unknownCode, "\(source) kept in \(edition.rawValue): \(why)")
        }
    }

    static func flows(_ count: Int) -> String { count == 1 ? "1 flow" : "\(count) flows" }

    /// A share as a percentage with at most two decimals, without locale: `0.5` → `50%`, `1/3` → `33.33%`.
    static func percent(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded())
        let fraction = hundredths % 100
        let decimals =
            fraction == 0
            ? "" : fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        return "\(hundredths / 100)\(decimals)%"
    }
}
