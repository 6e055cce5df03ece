import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskUseCases
import Foundation

/// `/scenario`: the form of a disruption scenario (which region stops supplying, for how long, how much).
///
/// With an input-output table (`chainrisk serve --mrio`) the form runs the dynamic model (ARIO, 365 days) through the
/// same ScenarioRunner as `chainrisk scenario` and draws the reporter's most affected sectors' output over time.
struct ScenarioPage {
    let context: PageContext

    func render() throws -> String {
        let parameters = context.parameters
        let region = try parameters.string("region", maximumLength: 40) ?? "CHN"
        let weeks = try parameters.integer("weeks", in: 1...104) ?? 8
        let share = try parameters.integer("share", in: 1...100) ?? 50
        let sectors = try parameters.string("sectors", maximumLength: 200) ?? ""
        let production = try parameters.choice("production", ProductionFunction.allCases, default: .partial)
        let switching =
            try parameters.integer("switch", in: 0...100) ?? Int((ScenarioRequest.defaultSubstitution * 100).rounded())
        var body =
            "<p>\(context.text("What if a region stops supplying for a number of weeks? The scenario propagates the shock through an input-output table (Leontief, Ghosh, dynamic with inventories) and shows the output lost per sector over time.", "Wat als een regio een aantal weken niet levert? Het scenario laat de schok doorwerken in een input-outputtabel (Leontief, Ghosh, dynamisch met voorraden) en toont het productieverlies per sector in de tijd."))</p>\n"
        body += "<form class=\"filters\" method=\"get\" action=\"/scenario\">\n"
        if context.language == .nl { body += "<input type=\"hidden\" name=\"lang\" value=\"nl\">\n" }
        body +=
            "<label>\(context.text("Region that stops supplying (ISO3)", "Regio die niet meer levert (ISO3)")) <input name=\"region\" value=\"\(HTMLText.escape(region))\" required maxlength=\"40\"></label>\n"
        body +=
            "<label>\(context.text("Weeks", "Weken")) <input type=\"number\" name=\"weeks\" min=\"1\" max=\"104\" value=\"\(weeks)\"></label>\n"
        body +=
            "<label>\(context.text("Supply lost (%)", "Wegvallende levering (%)")) <input type=\"number\" name=\"share\" min=\"1\" max=\"100\" value=\"\(share)\"></label>\n"
        body +=
            "<label>\(context.text("Sectors hit (optional, e.g. c3-c16 or c14)", "Getroffen sectoren (optioneel, bijv. c3-c16 of c14)")) <input name=\"sectors\" value=\"\(HTMLText.escape(sectors))\" maxlength=\"200\"></label>\n"
        body +=
            "<label>\(context.text("Production function", "Productiefunctie")) <select name=\"production\">"
            + ProductionFunction.allCases.map { option in
                "<option value=\"\(option.rawValue)\"\(option == production ? " selected" : "")>\(Self.label(option, context))</option>"
            }.joined() + "</select></label>\n"
        body +=
            "<label>\(context.text("Buyers switching supplier (%)", "Afnemers die van leverancier wisselen (%)")) <input type=\"number\" name=\"switch\" min=\"0\" max=\"100\" value=\"\(switching)\"></label>\n"
        body +=
            "<button class=\"primary\" type=\"submit\">\(context.text("Run scenario", "Scenario doorrekenen"))</button>\n</form>\n"
        if parameters.pairs.contains(where: { $0.name == "region" }) {
            body += try result(
                region: region.uppercased(), sectors: sectors, weeks: weeks, share: share, production: production,
                switching: switching)
        }
        return context.page(context.text("Disruption scenario", "Verstoringsscenario"), .scenario, body: body)
    }

    /// The run's chart and table, or a note when the server has no input-output table.
    /// The production function as a reader knows it.
    private static func label(_ production: ProductionFunction, _ context: PageContext) -> String {
        switch production {
        case .partial: context.text("critical inputs bind (Pichler et al.)", "kritieke inputs beperken (Pichler e.a.)")
        case .leontief: context.text("every input binds (Leontief)", "elke input beperkt (Leontief)")
        case .linear: context.text("inputs replace each other (linear)", "inputs vervangen elkaar (lineair)")
        }
    }

    private func result(
        region: String, sectors: String, weeks: Int, share: Int, production: ProductionFunction, switching: Int
    ) throws
        -> String
    {
        guard let scenarioContext = context.service.scenarioContext else {
            return
                "<p class=\"note\" role=\"status\">\(context.text("Scenario runs need an input-output table: start the server with chainrisk serve --mrio PATH (for example the WIOD tables in ../shared/data/wiod2013).", "Scenario's vragen een input-outputtabel: start de server met chainrisk serve --mrio PAD (bijvoorbeeld de WIOD-tabellen in ../shared/data/wiod2013)."))</p>\n"
        }
        let table = scenarioContext.loaded.table
        let reporter = ScenarioSettings.defaultReporter(in: table.regions)
        let hitSectors = sectors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let scenario = Scenario(
            name:
                "\(region)\(hitSectors.isEmpty ? "" : " " + hitSectors.joined(separator: ",")) −\(share) % for \(weeks) weeks",
            source: "dashboard",
            shocks: [
                Shock(
                    regions: [region], sectors: hitSectors, capacityLoss: Double(share) / 100,
                    durationWeeks: Double(weeks))
            ])
        var request = ScenarioRequest(definition: .scenario(scenario), data: .prepared(scenarioContext))
        (request.settings.model, request.settings.reporter, request.settings.days, request.settings.top) = (
            .ario, reporter, 365, 10
        )
        (request.settings.production, request.settings.substitution) = (production, Double(switching) / 100)
        request.settings.language = context.language
        let run = try context.service.workspace.scenario(request)
        let report = run.report
        guard let simulation = run.simulation else { return "" }
        let n = simulation.sectors.count
        let names = try SimulationResources.sectorNames(dutch: context.language == .nl)
        var losses: [(industry: Int, lost: Double)] = []
        for industry in table.indices(ofRegion: reporter) {
            let lost = simulation.summary(industry: industry).outputLost
            if lost > 0 { losses.append((industry, lost)) }
        }
        losses.sort { $0.lost != $1.lost ? $0.lost > $1.lost : $0.industry < $1.industry }
        let hit = losses.prefix(6)
        let colours = ["#154273", "#d4351c", "#f6a75b", "#2e7d32", "#7b3294", "#6b6b6b"]
        var html = totals(report, reporter: reporter, unit: table.unit)
        html +=
            "<section aria-labelledby=\"scenario-result\">\n<h2 id=\"scenario-result\">\(HTMLText.escape(context.text("Result: \(reporter) output over time", "Uitkomst: productie \(reporter) in de tijd")))</h2>\n"
        if hit.isEmpty {
            html +=
                "<p>\(HTMLText.escape(context.text("No sector of \(reporter) loses output in this scenario.", "Geen sector van \(reporter) verliest productie in dit scenario.")))</p>\n"
        } else {
            let series = hit.enumerated().map { index, entry in
                let sector = simulation.sectors[entry.industry]
                let base = simulation.baselineOutput[entry.industry]
                let values = (0..<simulation.days).map { day in
                    base > 0 ? simulation.production[day * n + entry.industry] / base * 100 : 100
                }
                return (
                    label: "\(sector.sector) \(names[sector.sector] ?? "")", colour: colours[index % colours.count],
                    values: values
                )
            }
            let title = context.text(
                "Output of the most affected \(reporter) sectors, % of baseline, by day (ARIO)",
                "Productie van de meest getroffen sectoren van \(reporter), % van het basisniveau, per dag (ARIO)")
            html +=
                "<figure>\n"
                + SVGChart.lines(
                    title: title, series: series, xLabel: context.text("day", "dag"),
                    yLabel: context.text("% of baseline", "% van basisniveau"), language: context.language)
                + "<figcaption>\(HTMLText.escape(title))</figcaption>\n</figure>\n"
        }
        if let sectors = report.tables.first(where: { $0.key == "sectors" })?.table {
            html += "<div class=\"table\">\n" + HTMLText.table(sectors.localized(context.language)) + "</div>\n"
        }
        html += "<ul>\n" + report.notes.prefix(8).map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        return html + "</section>\n"
    }
}
