/// The chainrisk version, printed by `--version` and recorded in every dataset and report.
public enum ChainRiskVersion {
    public static let current = "0.1.0"
}
