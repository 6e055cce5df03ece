import ChainRiskCore
public import ChainRiskSimulation
import Foundation

/// The tables that set a result against others: the band over the assumptions, its runs, and the models side by side.
extension ScenarioTables {
    /// A band run's or assumption's name in `language` ("stock days x 0.5" → "voorraaddagen x 0.5").
    public static func assumptionName(_ name: String, language: Language) -> String {
        guard language == .nl else { return name }
        let words = [
            ("none (direct loss only)", "geen (alleen het directe verlies)"),
            ("upstream and downstream", "toeleveranciers en afnemers"), ("propagation", "doorwerking"),
            ("stock days", "voorraaddagen"), ("switching share", "vervangingsaandeel"),
            ("production function", "productiefunctie"), ("central", "centraal"), ("partial", "deels bindend"),
            ("none", "geen"),
        ]
        let translated = Array(words.reduce(name) { $0.replacingOccurrences(of: $1.0, with: $1.1) })
        // A decimal point between digits ("x 0.5") becomes the Dutch comma.
        return String(
            translated.indices.map { i in
                translated[i] == "." && i > 0 && i + 1 < translated.count && translated[i - 1].isNumber
                    && translated[i + 1].isNumber ? "," : translated[i]
            })
    }

    /// The low–central–high band of each measure over the assumptions, with the runs that give its ends and the
    /// assumption that moves it most.
    public func band(_ band: AssumptionBand, reporter: String, unit: String) -> DataTable {
        let measures = [
            ("world_output_lost", label("Output lost, all regions", "Productieverlies, alle regio's")),
            ("reporter_output_lost", label("Output lost, \(reporter)", "Productieverlies, \(reporter)")),
        ]
        return DataTable(
            title: label(
                "Range over the assumptions, one changed at a time (\(unitText(unit)))",
                "Bandbreedte over de aannames, één tegelijk gewijzigd (\(unitText(unit)))"),
            columns: [
                .init("measure", title: label("Measure", "Maatstaf")), .init("key", title: label("Key", "Sleutel")),
                .init("low", title: label("Low", "Laag"), alignment: .right),
                .init("central", title: label("Central", "Centraal"), alignment: .right),
                .init("high", title: label("High", "Hoog"), alignment: .right),
                .init("width", title: label("Width", "Breedte"), alignment: .right),
                .init("low_from", title: label("Low from", "Laag bij")),
                .init("high_from", title: label("High from", "Hoog bij")),
                .init("moved_most_by", title: label("Moved most by", "Meest bepaald door")),
            ],
            rows: measures.compactMap { key, title in
                band.range(key).map { range in
                    [
                        .text(title), .text(key), .number(range.low, decimals: 2), .number(range.central, decimals: 2),
                        .number(range.high, decimals: 2), .number(range.width, decimals: 2),
                        .text(Self.assumptionName(range.lowRun, language: language)),
                        .text(Self.assumptionName(range.highRun, language: language)),
                        .text(Self.assumptionName(range.movedMostBy, language: language)),
                    ]
                }
            })
    }

    /// Every run behind the band: the assumption it changes and what it loses.
    public func bandRuns(_ band: AssumptionBand, reporter: String, unit: String) -> DataTable {
        DataTable(
            title: label("Runs behind the range (\(unitText(unit)))", "Runs achter de bandbreedte (\(unitText(unit)))"),
            columns: [
                .init("parameter", title: label("Assumption changed", "Gewijzigde aanname")),
                .init("setting", title: label("Setting", "Waarde")),
                .init("world_output_lost", title: label("World", "Wereld"), alignment: .right),
                .init("reporter_output_lost", title: reporter, alignment: .right),
            ],
            rows: ([band.central] + band.variants).map { run in
                [
                    .text(run.parameter.map { Self.assumptionName($0, language: language) } ?? label("none", "geen")),
                    .text(Self.assumptionName(run.setting, language: language)),
                    .number(run.losses["world_output_lost"] ?? 0, decimals: 2),
                    .number(run.losses["reporter_output_lost"] ?? 0, decimals: 2),
                ]
            })
    }

    /// One model's totals against the direct loss, for `scenario --compare`.
    public struct ModelRow: Sendable, Hashable {
        public var model: String
        public var kind: String
        public var direct: Double
        /// nil where the model does not split its loss by direction (ARIO).
        public var upstream: Double?
        public var downstream: Double?
        public var world: Double
        public var reporter: Double

        public init(
            model: String, kind: String, direct: Double, upstream: Double?, downstream: Double?, world: Double,
            reporter: Double
        ) {
            (self.model, self.kind, self.direct, self.upstream, self.downstream) = (
                model, kind, direct, upstream, downstream
            )
            (self.world, self.reporter) = (world, reporter)
        }
    }

    /// The models side by side: direct loss, the parts each adds, world loss and its multiple of the direct loss.
    public func models(_ rows: [ModelRow], reporter: String, unit: String) -> DataTable {
        DataTable(
            title: label(
                "Models compared against the direct loss (annual; \(unit))",
                "Modellen vergeleken met het directe verlies (per jaar; \(unitText(unit)))"),
            columns: [
                .init("model", title: label("Model", "Model")), .init("shock_kind", title: label("Shock", "Schok")),
                .init("direct_loss", title: label("Direct", "Direct"), alignment: .right),
                .init("upstream_loss", title: label("Upstream", "Toeleveranciers"), alignment: .right),
                .init("downstream_loss", title: label("Downstream", "Afnemers"), alignment: .right),
                .init("world_output_lost", title: label("World", "Wereld"), alignment: .right),
                .init("world_loss_multiple", title: label("World / direct", "Wereld / direct"), alignment: .right),
                .init("reporter_output_lost", title: reporter, alignment: .right),
            ],
            rows: rows.map { row in
                [
                    .text(row.model), .text(row.kind), .number(row.direct, decimals: 2),
                    row.upstream.map { .number($0, decimals: 2) } ?? .empty,
                    row.downstream.map { .number($0, decimals: 2) } ?? .empty, .number(row.world, decimals: 2),
                    .number(row.direct > 0 ? row.world / row.direct : 0, decimals: 3),
                    .number(row.reporter, decimals: 2),
                ]
            })
    }
}
