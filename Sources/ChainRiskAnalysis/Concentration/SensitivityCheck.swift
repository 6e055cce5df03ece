public import ChainRiskCore

/// Products whose concentration class depends on the threshold preset chosen.
///
/// Each row's HHI is classed under every preset; a row is listed when the three-band presets (letter, us2023,
/// eu2004) disagree, or when the one-edge EU dependency criterion (> 0.4) disagrees with "highly concentrated"
/// under the letter's bands.
public struct SensitivityCheck: Sendable {
    /// One row's classes under every preset.
    public struct Entry: Sendable, Hashable {
        public let row: ImportConcentration
        /// Preset name → class, in `ConcentrationThresholds.presets` order.
        public let classes: [(preset: String, concentrationClass: ConcentrationClass)]

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.row == rhs.row && lhs.classes.map(\.concentrationClass) == rhs.classes.map(\.concentrationClass)
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(row) }
    }

    /// The rows whose class differs between presets, in input order.
    public let entries: [Entry]

    public init(rows: [ImportConcentration], presets: [ConcentrationThresholds] = ConcentrationThresholds.presets) {
        entries = rows.compactMap { row in
            guard let hhi = row.hhi else { return nil }
            let classes = presets.map { (preset: $0.name, concentrationClass: $0.classify(hhi)) }
            let banded = classes.filter {
                $0.concentrationClass != .concentrated && $0.preset != ConcentrationThresholds.euDependency.name
            }
            let bandsDisagree = Set(banded.map(\.concentrationClass)).count > 1
            let letterHigh = ConcentrationThresholds.letter.classify(hhi) == .highlyConcentrated
            let dependent = ConcentrationThresholds.euDependency.classify(hhi) == .concentrated
            return bandsDisagree || letterHigh != dependent ? Entry(row: row, classes: classes) : nil
        }
    }
}
