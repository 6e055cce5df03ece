import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases

/// `/products/{key}`: one product's suppliers (bar chart), its years, the world-market check and the policy options.
struct ProductPage {
    let context: PageContext
    let key: String

    func render() throws -> String {
        let parameters = context.parameters
        let reporter = try parameters.string("reporter").flatMap { CountryCode(rawValue: $0) }
        let detail = try context.service.productDetail(
            dataset: context.dataset, key: key, reporter: reporter, world: try parameters.string("world"))
        let summary = detail.summary
        let title = summary.label(context.language)
        var body = summary.code == nil ? "" : "<p>\(HTMLText.escape(summary.name(context.language)))</p>\n"
        body += facts(detail)
        body += suppliers(detail)
        body += years(detail)
        body += worldMarket(detail)
        body +=
            "<section aria-labelledby=\"options\"><h2 id=\"options\">\(context.text("Policy options", "Handelingsperspectieven"))</h2>\n"
        if detail.options.isEmpty {
            body +=
                "<p>\(context.text("No rule fires for this product.", "Voor dit product is geen regel van toepassing."))</p>\n"
        } else {
            var table = AssessmentTables.policyOptionsTable(detail.options, language: context.language)
            table.title = nil
            body += "<div class=\"table\">\n" + HTMLText.table(table) + "</div>\n"
        }
        body +=
            "</section>\n<p><a href=\"\(context.link("/products"))\">\(context.text("All products", "Alle producten"))</a> · "
        body +=
            "<a href=\"\(HTMLText.escape("/api/v1/products/" + key + DashboardLayout.query(context.service.isBuiltIn(context.dataset) ? [] : [("dataset", context.dataset)])))\">JSON</a></p>\n"
        return context.page(title, .products, showDataset: true, body: body)
    }

    private func facts(_ detail: ProductDetail) -> String {
        let summary = detail.summary
        var items: [(String, String)] = [
            (context.text("Year", "Jaar"), String(detail.year)),
            (
                context.text("Imports", "Invoer"),
                "\(context.number(summary.value, decimals: 0)) \(HTMLText.escape(summary.unit.label(dutch: context.language == .nl)))"
            ),
            ("HHI", context.hhi(summary.hhi, decimals: summary.hhiDecimals)),
            (context.text("Class", "Klasse"), context.badge(summary.concentrationClass)),
            (
                context.text("Top supplier", "Grootste leverancier"),
                HTMLText.escape(summary.topSupplier?.rawValue ?? context.text("confidential", "geheim"))
                    + (summary.topSupplierShare.map { " (\(context.number($0 * 100, decimals: 1)) %)" } ?? "")
            ),
        ]
        if let reporter = detail.reporter {
            items.insert((context.text("Reporter", "Rapporteur"), reporter.rawValue), at: 0)
        }
        if let count = summary.suppliers {
            items.append((context.text("Supplier countries", "Leverancierslanden"), String(count)))
        }
        return "<dl class=\"facts\">\n" + items.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\($0.1)</dd>\n" }.joined()
            + "</dl>\n"
    }

    private func suppliers(_ detail: ProductDetail) -> String {
        var html =
            "<section aria-labelledby=\"suppliers\"><h2 id=\"suppliers\">\(context.text("Suppliers", "Leveranciers"))</h2>\n"
        guard !detail.suppliers.isEmpty else {
            return html
                + "<p>\(context.text("No supplier values are known.", "Er zijn geen leverancierswaarden bekend."))</p>\n</section>\n"
        }
        let total = detail.suppliers.map(\.value).reduce(0, +)
        let shown = detail.suppliers.prefix(15)
        let title = context.text("Imports by supplier country", "Invoer per leverancierland")
        let bars = SVGChart.bars(
            title: title,
            items: shown.map { supplier in
                let label =
                    supplier.country == "other"
                    ? context.text("all other countries", "alle andere landen") : supplier.country
                return (
                    label: label, value: supplier.value, valueText: context.number(supplier.value, decimals: 0),
                    note: total > 0 ? "\(context.number(supplier.value / total * 100, decimals: 1)) %" : nil,
                    colour: "#154273"
                )
            })
        html += "<figure>\n\(bars)<figcaption>\(HTMLText.escape(title))"
        if context.service.isBuiltIn(context.dataset) {
            html += HTMLText.escape(
                context.text(
                    ": the letter publishes only the main supplier; the rest is one bar.",
                    ": de brief publiceert alleen de belangrijkste leverancier; de rest is één balk."))
        } else if detail.suppliers.count > shown.count {
            html += HTMLText.escape(
                context.text(
                    " (the 15 largest of \(detail.suppliers.count))", " (de 15 grootste van \(detail.suppliers.count))")
            )
        }
        return html + "</figcaption>\n</figure>\n</section>\n"
    }

    private func years(_ detail: ProductDetail) -> String {
        guard detail.years.count > 1 else { return "" }
        var html =
            "<section aria-labelledby=\"trend\"><h2 id=\"trend\">\(context.text("Trend across years", "Verloop over de jaren"))</h2>\n"
        let title = context.text("HHI per year", "HHI per jaar")
        html +=
            "<figure>\n"
            + SVGChart.bars(
                title: title,
                items: detail.years.map { row in
                    (
                        label: String(row.year), value: row.hhi ?? 0,
                        valueText: row.hhi.map { context.number($0, decimals: 3) } ?? "–",
                        note: row.concentrationClass.map { context.language == .en ? $0.nameEN : $0.nameNL },
                        colour: VulnerabilityReport.classColour(row.concentrationClass)
                    )
                }) + "<figcaption>\(HTMLText.escape(title))</figcaption>\n</figure>\n"
        let table = DataTable(
            columns: [
                DataTable.Column("year", title: context.text("Year", "Jaar")),
                DataTable.Column("value", title: context.text("Imports", "Invoer"), alignment: .right),
                DataTable.Column("suppliers", title: context.text("Suppliers", "Leveranciers"), alignment: .right),
                DataTable.Column("hhi", title: "HHI", alignment: .right),
                DataTable.Column("class", title: context.text("Class", "Klasse")),
                DataTable.Column("top", title: context.text("Top supplier", "Grootste leverancier")),
                DataTable.Column("share", title: context.text("Top share", "Aandeel grootste"), alignment: .right),
                DataTable.Column("cr3", title: "CR3", alignment: .right),
            ],
            rows: detail.years.map { row in
                [
                    .text(String(row.year)), .number(row.totalValue, decimals: 0), .integer(row.suppliers),
                    row.hhi.map { .number($0, decimals: 3) } ?? .empty,
                    .text(row.concentrationClass.map { context.language == .en ? $0.nameEN : $0.nameNL } ?? ""),
                    .text(row.topSupplier?.rawValue ?? ""),
                    row.topSupplierShare.map { .number($0, decimals: 3) } ?? .empty,
                    row.cr3.map { .number($0, decimals: 3) } ?? .empty,
                ]
            }
        )
        html += "<div class=\"table\">\n" + HTMLText.table(table.localized(context.language)) + "</div>\n"
        if let trend = detail.trend {
            html +=
                "<p>"
                + HTMLText.escape(
                    context.text(
                        "Highly concentrated in \(trend.flaggedYears.count) of \(trend.observedYears) years.",
                        "Hoog geconcentreerd in \(trend.flaggedYears.count) van \(trend.observedYears) jaren."))
                + "</p>\n"
        }
        return html + "</section>\n"
    }

    private func worldMarket(_ detail: ProductDetail) -> String {
        var html =
            "<section aria-labelledby=\"world\"><h2 id=\"world\">\(context.text("World market", "Wereldmarkt"))</h2>\n"
        if let world = detail.worldMarket, let hhi = world.worldHHI {
            html +=
                "<p>\(context.text("World exports", "Wereldexport")): HHI \(context.hhi(hhi, decimals: 3)) \(context.badge(world.worldClass))"
            html += world.verdict.map { " — " + HTMLText.escape(context.language == .en ? $0.nameEN : $0.nameNL) } ?? ""
            return html + "</p>\n</section>\n"
        }
        if let worldClass = detail.summary.worldClass {
            let verdict = WorldMarketCheck.Verdict(worldMarket: worldClass)
            html +=
                "<p>\(context.text("World exports (published)", "Wereldexport (gepubliceerd)")): \(context.badge(worldClass)) — \(HTMLText.escape(context.language == .en ? verdict.nameEN : verdict.nameNL))</p>\n"
        } else {
            let note = context.text(
                "Not checked: the letter checks the world market only for highly concentrated imports above EUR 250 mln; for a stored dataset add ?world=DATASET with world exports.",
                "Niet onderzocht: de brief toetst de wereldmarkt alleen voor hoog geconcentreerde invoer boven 250 mln euro; voeg voor een opgeslagen dataset ?world=DATASET met wereldexport toe."
            )
            html += "<p class=\"note\">\(HTMLText.escape(note))</p>\n"
        }
        return html + "</section>\n"
    }
}
