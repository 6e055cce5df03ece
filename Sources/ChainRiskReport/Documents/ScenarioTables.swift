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

    func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// A table's unit in the reader's words: `million USD` stays, in Dutch `mln USD` (`thousand` → `duizend`).
    func unitText(_ unit: String) -> String {
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
