import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases
import HTTPTypes

/// `/`: the key findings of the chosen dataset's analysis, then the report's context and concentration sections.
struct OverviewPage {
    let context: PageContext

    func render() throws -> String {
        let document = try context.report()
        let (assessment, _) = try context.service.assessment(
            imports: context.service.isBuiltIn(context.dataset) ? nil : context.dataset, world: nil,
            thresholds: .letter, reporter: context.reporter)
        var body = "<p>\(HTMLText.escape(document.subtitle))</p>\n" + (try reporterForm())
        body +=
            "<section aria-labelledby=\"findings\"><h2 id=\"findings\">\(context.text("Key findings", "Belangrijkste bevindingen"))</h2>\n<ul class=\"findings\">\n"
        body += findings(assessment).map { "<li>\($0)</li>\n" }.joined()
        body +=
            "</ul>\n<p><a href=\"\(HTMLText.escape("/api/v1/report?format=html" + (context.language == .nl ? "&lang=nl" : "") + (context.service.isBuiltIn(context.dataset) ? "" : "&imports=" + context.dataset + (try reporterParameter()))))\">"
        body +=
            context.text("The full report (HTML)", "Het volledige rapport (HTML)")
            + "</a> · <a href=\"\(HTMLText.escape("/api/v1/report?format=xlsx" + (context.language == .nl ? "&lang=nl" : "") + (context.service.isBuiltIn(context.dataset) ? "" : "&imports=" + context.dataset + (try reporterParameter()))))\" download>"
        body += context.text("its tables in Excel (xlsx)", "de tabellen in Excel (xlsx)") + "</a></p>\n</section>\n"
        for section in document.sections where ["context", "concentration"].contains(section.id) {
            body += document.renderHTML(section)
        }
        return context.page(document.title, .overview, showDataset: true, body: body)
    }

    /// A form choosing the reporter, for a stored dataset of several reporters (nothing otherwise).
    private func reporterForm() throws -> String {
        guard !context.service.isBuiltIn(context.dataset) else { return "" }
        let reporters = try context.service.workspace.importReporters(dataset: context.dataset)
        guard reporters.count > 1,
            let shown = try context.reporter ?? context.service.workspace.defaultReporter(dataset: context.dataset)
        else { return "" }
        var html = "<form class=\"filters\" method=\"get\" action=\"/\">\n"
        if context.language == .nl { html += "<input type=\"hidden\" name=\"lang\" value=\"nl\">\n" }
        html += "<input type=\"hidden\" name=\"dataset\" value=\"\(HTMLText.escape(context.dataset))\">\n"
        html += "<label>\(context.text("Reporter", "Rapporteur")) <select name=\"reporter\">"
        html += reporters.map {
            "<option value=\"\($0.rawValue)\"\($0 == shown ? " selected" : "")>\($0.rawValue)</option>"
        }.joined()
        return html
            + "</select></label>\n<button class=\"primary\" type=\"submit\">\(context.text("Show", "Toon"))</button>\n</form>\n"
    }

    /// `&reporter=ISO3` for the report link of a stored dataset: the page's reporter or the dataset's default.
    private func reporterParameter() throws -> String {
        (try context.reporter ?? context.service.workspace.defaultReporter(dataset: context.dataset)).map {
            "&reporter=" + $0.rawValue
        } ?? ""
    }

    /// Sentences, already escaped, each with the number behind it.
    private func findings(_ assessment: VulnerabilityAssessment) -> [String] {
        var lines: [String] = []
        if assessment.isConclusive {
            lines += sectorFindings(assessment)
        } else {
            lines.append(
                context.text(
                    "No sector is ranked and no priority or policy option is derived: the data covers too little of the reporter's trade (see Coverage under Context).",
                    "Geen sector is gerangschikt en geen prioriteit of handelingsperspectief afgeleid: de data beslaat te weinig van de handel van de rapporteur (zie Dekking onder Context)."
                ))
        }
        switch assessment.concentration {
        case .published(let table4, let table5, let suppressed):
            let high = table4.filter { $0.concentrationClass == .highlyConcentrated }.count
            let alternatives = table5.filter { $0.worldMarketClass == .notConcentrated }.count
            lines.append(
                context.text(
                    "\(high) of the \(table4.count) largest imported products are highly concentrated (HHI ≥ 0.25).",
                    "\(high) van de \(table4.count) grootste invoerproducten zijn hoog geconcentreerd (HHI ≥ 0,25)."))
            lines.append(
                context.text(
                    "\(table5.count) highly concentrated products above EUR 250 mln; for \(alternatives) of them the world market is not concentrated, so alternative suppliers exist.",
                    "\(table5.count) hoog geconcentreerde producten boven 250 mln euro; voor \(alternatives) daarvan is de wereldmarkt niet geconcentreerd, dus zijn er alternatieve leveranciers."
                ))
            lines.append(
                context.text(
                    "\(suppressed.count) products were not published (confidential or unreliable).",
                    "\(suppressed.count) producten zijn niet gepubliceerd (geheim of onbetrouwbaar)."))
        case .computed(let reporter, let year, let table4, let table5, _, _):
            let high = table4.filter { $0.concentrationClass == .highlyConcentrated }.count
            lines.append(
                HTMLText.escape(
                    context.text(
                        "\(reporter.rawValue) \(year): \(high) of the \(table4.count) largest imported products are highly concentrated.",
                        "\(reporter.rawValue) \(year): \(high) van de \(table4.count) grootste invoerproducten zijn hoog geconcentreerd."
                    )))
            lines.append(
                context.text(
                    "\(table5.count) highly concentrated products above 250 mln.",
                    "\(table5.count) hoog geconcentreerde producten boven 250 mln."))
        }
        lines[lines.count - 1] +=
            " <a href=\"\(context.link("/products"))\">" + context.text("All products", "Alle producten") + "</a>"
        let total = assessment.events.total()
        lines.append(
            context.text(
                "\(total.eventCount) major disruptions hit \(context.number(Double(total.productionSitesAffected), decimals: 0)) production sites; the longest lasted \(context.number(total.maxDurationWeeks ?? 0, decimals: 0)) weeks.",
                "\(total.eventCount) grote verstoringen troffen \(context.number(Double(total.productionSitesAffected), decimals: 0)) productielocaties; de langste duurde \(context.number(total.maxDurationWeeks ?? 0, decimals: 0)) weken."
            )
                + " <a href=\"\(context.link("/events"))\">" + context.text("Events", "Verstoringen") + "</a>")
        lines.append(
            context.text(
                "\(assessment.policyOptions.count) policy options follow from these findings, each with the rule and the numbers behind it.",
                "\(assessment.policyOptions.count) handelingsperspectieven volgen uit deze bevindingen, elk met de regel en de cijfers erachter."
            ))
        return lines
    }

    /// Sectors of particular importance and the highest priorities, for data that can carry them.
    private func sectorFindings(_ assessment: VulnerabilityAssessment) -> [String] {
        let language = context.language
        var lines: [String] = []
        let important = assessment.sectors.sectorsOfParticularImportance()
        let names = important.map { language == .en ? $0.sector.nameEN : $0.sector.nameNL }.joined(separator: ", ")
        lines.append(
            context.text(
                "Sectors of particular importance (largest imports + exports): ",
                "Sectoren van bijzonder belang (grootste invoer + uitvoer): ")
                + HTMLText.escape(names) + ". <a href=\"\(context.link("/sectors"))\">"
                + context.text("Sector × risk heatmap", "Heatmap sector × risico") + "</a>")
        let matrix = assessment.sectors.priorityMatrix()
        if assessment.sectors.sensitivityRanksApply {
            let highest = matrix.entries(.highest)
            lines.append(
                context.text(
                    "\(highest.count) combinations of an important sector with a risk factor in the orange band (rank 1–5).",
                    "\(highest.count) combinaties van een belangrijke sector met een risicofactor in de oranje band (rang 1–5)."
                ))
        } else if !matrix.measuredEntries.isEmpty {
            let highest = matrix.measuredEntries.filter { $0.priority == .highest }
            lines.append(
                context.text(
                    "\(highest.count) combinations of an important sector with a measured factor in the orange band.",
                    "\(highest.count) combinaties van een belangrijke sector met een gemeten factor in de oranje band."
                ))
        } else {
            lines.append(
                context.text(
                    "No priority is set: the sensitivity ranks are the letter's, for Dutch industries.",
                    "Er is geen prioriteit gesteld: de rangen van gevoeligheid zijn die van de brief, voor Nederlandse bedrijfstakken."
                ))
        }
        return lines
    }
}

/// `/sectors` and `/events`: one section of the report (heatmap and ranks; events, causes and timeline).
struct SectionPage {
    let context: PageContext
    let sectionID: String

    func render() throws -> String {
        let document = try context.report()
        guard let section = document.sections.first(where: { $0.id == sectionID }) else {
            throw APIError(.notFound, "not_found", "the report has no section \(sectionID)")
        }
        return context.page(
            section.heading, sectionID == "events" ? .events : .sectors,
            body: document.renderHTML(section, headingLevel: nil))
    }
}
