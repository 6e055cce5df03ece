public import ChainRiskCore

/// How flows are moved into one HS edition before an analysis, in the words the provenance and the README use.
public enum HSBridgingRule {
    /// The rule for `edition`, as the provenance states it.
    public static func text(_ edition: HSEditionBridge.Edition) -> String {
        "codes of the other HS edition moved into \(edition.rawValue) through the bundled HS 2017-2022 correspondence "
            + "(6 digits; 2- and 4-digit codes only where no subheading crosses their border); a code that splits "
            + "into several is shared out by the data's own trade in those codes (all its reporters and years), "
            + "equally where it has none; "
            + "codes without a correspondence stay as reported"
    }

    /// `flows` moved into `edition`, split by the data's own trade in the target codes, with the findings: every
    /// flow is held in memory, because the weights come from all of them.
    public static func convert(_ flows: [TradeFlow], to edition: HSEditionBridge.Edition) -> HSConversion {
        HSEditionBridge.shared.convert(flows, to: edition, weights: HSEditionBridge.weights(from: flows, in: edition))
    }
}
