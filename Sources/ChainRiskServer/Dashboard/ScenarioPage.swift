import ChainRiskReport

/// `/scenario`: the form of a disruption scenario (which region stops supplying, for how long, how much).
///
/// The run itself (output loss over time per sector) comes with the scenario runner; until it is wired into
/// `POST /api/v1/scenarios` the page says so instead of drawing a result.
struct ScenarioPage {
    let context: PageContext

    func render() throws -> String {
        let parameters = context.parameters
        let region = try parameters.string("region", maximumLength: 40) ?? "CHN"
        let weeks = try parameters.integer("weeks", in: 1...104) ?? 8
        let share = try parameters.integer("share", in: 1...100) ?? 50
        var body = "<p>\(context.text("What if a region stops supplying for a number of weeks? The scenario propagates the shock through an input-output table (Leontief, Ghosh, dynamic with inventories) and shows the output lost per sector over time.", "Wat als een regio een aantal weken niet levert? Het scenario laat de schok doorwerken in een input-outputtabel (Leontief, Ghosh, dynamisch met voorraden) en toont het productieverlies per sector in de tijd."))</p>\n"
        body += "<form class=\"filters\" method=\"get\" action=\"/scenario\">\n"
        if context.language == .nl { body += "<input type=\"hidden\" name=\"lang\" value=\"nl\">\n" }
        body += "<label>\(context.text("Region that stops supplying (ISO3)", "Regio die niet meer levert (ISO3)")) <input name=\"region\" value=\"\(HTMLText.escape(region))\" required maxlength=\"40\"></label>\n"
        body += "<label>\(context.text("Weeks", "Weken")) <input type=\"number\" name=\"weeks\" min=\"1\" max=\"104\" value=\"\(weeks)\"></label>\n"
        body += "<label>\(context.text("Supply lost (%)", "Wegvallende levering (%)")) <input type=\"number\" name=\"share\" min=\"1\" max=\"100\" value=\"\(share)\"></label>\n"
        body += "<button class=\"primary\" type=\"submit\">\(context.text("Run scenario", "Scenario doorrekenen"))</button>\n</form>\n"
        if parameters.pairs.contains(where: { $0.name == "region" }) {
            body += "<p class=\"note\" role=\"status\">\(context.text("Scenario runs need the scenario runner and an input-output table, which this server does not have yet; POST /api/v1/scenarios answers 501 until then.", "Scenario's vragen de scenariomodule en een input-outputtabel, die deze server nog niet heeft; POST /api/v1/scenarios antwoordt 501 tot die er zijn."))</p>\n"
        }
        return context.page(context.text("Disruption scenario", "Verstoringsscenario"), .scenario, body: body)
    }
}
