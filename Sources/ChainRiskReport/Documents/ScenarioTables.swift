public import ChainRiskCore
public import ChainRiskSimulation
import Foundation

/// The tables of a scenario run: parameters, scaling, losses per sector, mitigation, direct exposure, series.
public struct ScenarioTables: Sendable {
    /// Sector code → name (`c14` → `Electrical and optical equipment`).
    public var sectorNames: [String: String]
    /// The language of the per-sector tables' titles and words (the dashboard's Dutch pages ask for Dutch).
    public var language: Language

    public init(sectorNames: [String: String], language: Language = .en) {
        self.sectorNames = sectorNames
        self.language = language
    }

    private func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// A table's unit in the reader's words: `million USD` stays, in Dutch `mln USD` (`thousand` → `duizend`).
    private func unitText(_ unit: String) -> String {
        guard language == .nl else { return unit }
        return unit.replacingOccurrences(of: "million ", with: "mln ").replacingOccurrences(
            of: "thousand ", with: "duizend ")
    }

    /// The first columns of both per-sector loss tables (dynamic and static): where, what, and the output lost.
    private var lossColumns: [DataTable.Column] {
        [
            .init("region", title: label("Region", "Regio")), .init("sector", title: label("Sector", "Sector")),
            .init("name", title: label("Name", "Naam")),
            .init("output_lost", title: label("Output lost", "Productieverlies"), alignment: .right),
        ]
    }

    private func name(_ code: String) -> DataTable.Cell { sectorNames[code].map { .text($0) } ?? .empty }
    private func percent(_ share: Double, decimals: Int = 2) -> DataTable.Cell {
        .number(share * 100, decimals: decimals)
    }
    private func days(_ value: Double) -> DataTable.Cell {
        value.isFinite ? .number(value, decimals: 1) : .text("unlimited")
    }

    /// The shocks as given (after defaults), one row each.
    public func shocks(_ scenario: Scenario) -> DataTable {
        DataTable(
            title: "Scenario: \(scenario.name) (\(scenario.source))",
            columns: [
                .init("shock", title: "Shock", alignment: .right), .init("regions", title: "Regions"),
                .init("sectors", title: "Sectors"), .init("products", title: "Products"),
                .init("capacity_loss_pct", title: "Loss %", alignment: .right),
                .init("start_day", title: "Start day", alignment: .right),
                .init("weeks", title: "Weeks", alignment: .right), .init("recovery", title: "Recovery"),
                .init("recovery_days", title: "Recovery days", alignment: .right),
                .init("recovered_day", title: "Recovered on day", alignment: .right),
            ],
            rows: scenario.shocks.enumerated().map { index, shock in
                [
                    .integer(index + 1), .text(shock.regions.joined(separator: " ")),
                    .text(
                        shock.sectors.isEmpty && shock.products.isEmpty ? "all" : shock.sectors.joined(separator: " ")),
                    .text(shock.products.joined(separator: " ")), percent(shock.capacityLoss, decimals: 1),
                    .integer(shock.startDay), .number(shock.durationWeeks, decimals: 1), .text(shock.recovery.rawValue),
                    .integer(shock.recoveryDays), .integer(shock.recoveredDay),
                ]
            })
    }

    /// How each stated loss became an industry loss (country share of its table region).
    public func scaling(_ plan: ShockPlan) -> DataTable {
        DataTable(
            title:
                "Shock placed on the table (a country inside an aggregate region counts with its share of the region's output)",
            columns: [
                .init("shock", title: "Shock", alignment: .right), .init("country", title: "Country"),
                .init("region", title: "Table region"), .init("sector", title: "Sector"),
                .init("stated_loss_pct", title: "Stated loss %", alignment: .right),
                .init("output_share_pct", title: "Share of region output %", alignment: .right),
                .init("effective_loss_pct", title: "Effective loss %", alignment: .right),
            ],
            rows: plan.explanations.map { row in
                [
                    .integer(row.shock + 1), .text(row.country), .text(row.region), .text(row.sector),
                    percent(row.statedLoss, decimals: 1), percent(row.outputShare),
                    percent(row.effectiveLoss, decimals: 3),
                ]
            })
    }

    /// Time to survive, capped at the horizon: beyond it the cell reads "> 365" (JSON: the horizon).
    private func survive(_ value: Double, horizon: Int) -> DataTable.Cell {
        value > Double(horizon)
            ? .number(
                Double(horizon), text: "> \(NumberFormat.integer(horizon, groupSeparator: language == .nl ? "." : ","))"
            )
            : .number(value, decimals: 1)
    }

    private func verdict(_ verdict: StocksVerdict?, explained: Bool) -> DataTable.Cell {
        guard let verdict else { return .empty }
        var word = verdict.bridges ? label("yes", "ja") : label("no", "nee")
        if verdict.basis == .estimate { word += label(" (estimate)", " (schatting)") }
        return .text(explained && !verdict.reason.isEmpty ? "\(word): \(verdict.reason)" : word)
    }

    /// ARIO losses and gains of `industries` (largest output loss first), with the run's one verdict on whether stocks
    /// bridge the gap.
    public func dynamicSectors(
        _ result: ARIOResult, industries: [Int], survival: [TimeToSurvive.Row], verdicts: [Int: StocksVerdict],
        unit: String, top: Int?
    ) -> DataTable {
        let survivalByIndustry = Dictionary(uniqueKeysWithValues: survival.map { ($0.industry, $0) })
        let summaries = industries.map { result.summary(industry: $0) }
            .sorted { ($1.outputLost, $0.industry) < ($0.outputLost, $1.industry) }
        return DataTable(
            title: label(
                "Output lost and gained per sector (ARIO, \(result.days) days; \(unit))",
                "Productieverlies en -winst per sector (ARIO, \(result.days) dagen; \(unitText(unit)))"),
            columns: lossColumns + [
                .init("share_of_baseline_pct", title: label("% of baseline", "% van basis"), alignment: .right),
                .init("output_gained", title: label("Output gained", "Productiewinst"), alignment: .right),
                .init("value_added_lost", title: label("VA lost", "Verlies toegevoegde waarde"), alignment: .right),
                .init("trough_day", title: label("Trough day", "Dag dieptepunt"), alignment: .right),
                .init("trough_level_pct", title: label("Trough %", "Dieptepunt %"), alignment: .right),
                .init("days_below_99pct", title: label("Days <99%", "Dagen <99%"), alignment: .right),
                .init("shortage_days", title: label("Shortage days", "Dagen tekort"), alignment: .right),
                .init("limiting_input", title: label("Limiting input", "Beperkende input")),
                .init("time_to_survive_days", title: label("Survive (d)", "Overleven (d)"), alignment: .right),
                .init("time_to_recover_days", title: label("Recover (d)", "Herstel (d)"), alignment: .right),
                .init("stocks_bridge", title: label("Stocks bridge", "Voorraad overbrugt")),
            ],
            rows: summaries.prefix(top ?? summaries.count).map { summary in
                let label = result.sectors[summary.industry]
                let survive = survivalByIndustry[summary.industry]
                return [
                    .text(label.region), .text(label.sector), name(label.sector),
                    .number(summary.outputLost, decimals: 2), percent(summary.lossShare, decimals: 3),
                    .number(summary.outputGained, decimals: 2),
                    .number(summary.valueAddedLost, decimals: 2), .integer(summary.troughDay),
                    percent(summary.troughLevel), .integer(summary.daysBelow99), .integer(summary.shortageDays),
                    summary.limitingInput.map { .text($0) } ?? .empty,
                    survive.map { self.survive($0.timeToSurviveDays, horizon: result.days) } ?? .empty,
                    survive.map { .integer($0.timeToRecoverDays) } ?? .empty,
                    verdict(verdicts[summary.industry], explained: false),
                ]
            })
    }

    /// Static-model losses of `industries`, largest first, with the direct, upstream and downstream parts.
    public func staticSectors(
        _ result: StaticPropagation.Result, sectors: [IOSectorLabel], industries: [Int], unit: String, top: Int?
    ) -> DataTable {
        let ordered = industries.sorted { (result.outputLoss[$1], $0) < (result.outputLoss[$0], $1) }
        let kind = result.kind == .supply ? label("supply shock", "aanbodschok") : label("demand shock", "vraagschok")
        return DataTable(
            title: label(
                "Output lost per sector (\(result.model.rawValue), \(kind), annual; \(unit))",
                "Productieverlies per sector (\(result.model.rawValue), \(kind), per jaar; \(unitText(unit)))"),
            columns: lossColumns + [
                .init("share_of_baseline_pct", title: label("% of output", "% van productie"), alignment: .right),
                .init("value_added_lost", title: label("VA lost", "Verlies toegevoegde waarde"), alignment: .right),
                .init("direct_loss", title: label("Direct", "Direct"), alignment: .right),
                .init("upstream_loss", title: label("Upstream", "Toeleveranciers"), alignment: .right),
                .init("downstream_loss", title: label("Downstream", "Afnemers"), alignment: .right),
            ],
            rows: ordered.prefix(top ?? ordered.count).map { i in
                [
                    .text(sectors[i].region), .text(sectors[i].sector), name(sectors[i].sector),
                    .number(result.outputLoss[i], decimals: 2), percent(result.inoperability[i], decimals: 4),
                    .number(result.valueAddedLoss[i], decimals: 2), .number(result.directLoss[i], decimals: 2),
                    .number(result.upstreamLoss[i], decimals: 2), .number(result.downstreamLoss[i], decimals: 2),
                ]
            })
    }

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

    /// Time to survive against time to recover, per industry (shortest survival first), with the same verdict as the
    /// sector table and why it is no.
    public func mitigation(
        _ rows: [TimeToSurvive.Row], verdicts: [Int: StocksVerdict], sectors: [IOSectorLabel], horizon: Int, top: Int?
    ) -> DataTable {
        let ordered = rows.sorted { ($0.timeToSurviveDays, $0.industry) < ($1.timeToSurviveDays, $1.industry) }
        return DataTable(
            title:
                "Do stocks and other suppliers bridge the gap? (the verdict: simulated days an input held production back; survive = usable stock days / (share lost × (1 − share switched)), an estimate beside it)",
            columns: [
                .init("region", title: "Region"), .init("sector", title: "Sector"), .init("name", title: "Name"),
                .init("critical_input", title: "Critical input"),
                .init("input_lost_pct", title: "Input lost %", alignment: .right),
                .init("world_hhi", title: "World HHI", alignment: .right),
                .init("switched_pct", title: "Switched %", alignment: .right),
                .init("shortfall_pct", title: "Shortfall %", alignment: .right),
                .init("stock_days", title: "Stock days", alignment: .right),
                .init("time_to_survive_days", title: "Survive (d)", alignment: .right),
                .init("time_to_recover_days", title: "Recover (d)", alignment: .right),
                .init("shortage_days", title: "Short (d, simulated)", alignment: .right),
                .init("stocks_bridge", title: "Stocks bridge"),
            ],
            rows: ordered.prefix(top ?? ordered.count).map { row in
                let label = sectors[row.industry]
                return [
                    .text(label.region), .text(label.sector), name(label.sector),
                    row.criticalInput.map { .text($0) } ?? .empty, percent(row.lostShare, decimals: 3),
                    .number(row.worldHHI, decimals: 3), percent(row.substitutable, decimals: 1),
                    percent(row.shortfall, decimals: 3), days(row.stockDays),
                    survive(row.timeToSurviveDays, horizon: horizon), .integer(row.timeToRecoverDays),
                    verdicts[row.industry]?.shortageDays.map { .integer($0) } ?? .empty,
                    verdict(verdicts[row.industry], explained: true),
                ]
            })
    }

    /// Totals of a run: world and reporter output and value added lost.
    public func totals(_ figures: [(key: String, label: String, value: Double)], unit: String) -> DataTable {
        DataTable(
            title: "Totals (\(unit))",
            columns: [
                .init("measure", title: "Measure"), .init("key", title: "Key"),
                .init("value", title: "Value", alignment: .right),
            ], rows: figures.map { [.text($0.label), .text($0.key), .number($0.value, decimals: 2)] })
    }

    /// Direct exposure per product (largest value at risk first).
    public func directProducts(_ rows: [DirectExposure.Row], top: Int?) -> DataTable {
        DataTable(
            title: "Import value at risk per product (value from hit suppliers × loss × weeks/52)",
            columns: [
                .init("product", title: "Product"), .init("sector", title: "Sector"),
                .init("name", title: "Sector name"),
                .init("import_value", title: "Imports", alignment: .right),
                .init("affected_value", title: "From hit suppliers", alignment: .right),
                .init("affected_share_pct", title: "Hit %", alignment: .right),
                .init("value_at_risk", title: "Value at risk", alignment: .right),
            ],
            rows: rows.prefix(top ?? rows.count).map { row in
                [
                    .text(row.product), row.sector.map { .text($0) } ?? .empty, row.sector.map(name) ?? .empty,
                    .number(row.importValue, decimals: 0), .number(row.affectedValue, decimals: 0),
                    percent(row.affectedShare, decimals: 1), .number(row.valueAtRisk, decimals: 0),
                ]
            })
    }

    /// Direct exposure per input-output sector.
    public func directSectors(_ rows: [(sector: String, valueAtRisk: Double, affectedValue: Double)]) -> DataTable {
        DataTable(
            title: "Import value at risk per input-output sector (HS → ISIC Rev.3 → WIOD)",
            columns: [
                .init("sector", title: "Sector"), .init("name", title: "Name"),
                .init("affected_value", title: "From hit suppliers", alignment: .right),
                .init("value_at_risk", title: "Value at risk", alignment: .right),
            ],
            rows: rows.map {
                [
                    .text($0.sector), name($0.sector), .number($0.affectedValue, decimals: 0),
                    .number($0.valueAtRisk, decimals: 0),
                ]
            })
    }

    /// The per-day series of `industries`: production, level, unmet final demand, stocks, limiting input, shock.
    public func series(_ result: ARIOResult, industries: [Int]) -> DataTable {
        let n = result.sectors.count
        var rows: [[DataTable.Cell]] = []
        rows.reserveCapacity(result.days * industries.count)
        for day in 0..<result.days {
            for i in industries {
                let at = day * n + i
                let base = result.baselineOutput[i]
                let limiting = result.limitingInput[at]
                rows.append([
                    .integer(day), .text(result.sectors[i].region), .text(result.sectors[i].sector),
                    .number(result.production[at], decimals: 4), .number(base, decimals: 4),
                    base > 0 ? .number(result.production[at] / base, decimals: 6) : .empty,
                    .number(result.unmetFinalDemand[at], decimals: 4),
                    result.inventoryCover[at].isFinite ? .number(result.inventoryCover[at], decimals: 3) : .empty,
                    limiting >= 0 ? .text(result.inputSectors[Int(limiting)]) : .empty,
                    .number(result.capacityLoss[at], decimals: 6),
                ])
            }
        }
        return DataTable(
            title: "Daily series (ARIO)",
            columns: [
                .init("day", title: "Day", alignment: .right), .init("region", title: "Region"),
                .init("sector", title: "Sector"),
                .init("production", title: "Production", alignment: .right),
                .init("baseline", title: "Baseline", alignment: .right),
                .init("level", title: "Level", alignment: .right),
                .init("unmet_final_demand", title: "Unmet FD", alignment: .right),
                .init("inventory_cover_days", title: "Stock cover (d)", alignment: .right),
                .init("limiting_input", title: "Limiting input"),
                .init("capacity_loss", title: "Capacity loss", alignment: .right),
            ], rows: rows)
    }
}
