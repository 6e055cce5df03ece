import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases

/// `/products`: every product of the dataset with value, HHI bar, class badge and top supplier; sortable and
/// filterable in the page, and filterable without JavaScript through the form's `q` and `class`.
struct ProductsPage {
    let context: PageContext

    func render() throws -> String {
        let service = context.service
        let parameters = context.parameters
        var products: [ProductSummary]
        var caption: String
        var reporter: CountryCode?
        if service.isBuiltIn(context.dataset) {
            products = try service.workspace.publishedProducts()
            caption = context.text(
                "The letter's Tables 4 and 5 (CBS, 2019, imports for own use, EUR mln; HHIs as published)",
                "Tabel 4 en 5 van de brief (CBS, 2019, invoer voor eigen gebruik, mln euro; HHI's zoals gepubliceerd)")
        } else {
            let computed = try service.computedProducts(
                dataset: context.dataset, reporter: context.reporter,
                year: try parameters.integer("year", in: 1900...2100))
            products = computed.products
            reporter = computed.reporter
            caption =
                context.text("Imports per product", "Invoer per product") + " "
                + [computed.reporter?.rawValue, computed.year.map(String.init)].compactMap { $0 }.joined(
                    separator: ", ")
        }
        let query = (try parameters.string("q"))?.lowercased()
        let wanted = try parameters.choice("class", [""] + ConcentrationClass.allCases.map(\.rawValue), default: "")
        let total = products.count
        products = products.filter { product in
            (query.map {
                product.name(context.language).lowercased().contains($0) || (product.code ?? "").hasPrefix($0)
            } ?? true)
                && (wanted.isEmpty || product.concentrationClass?.rawValue == wanted)
        }
        let maximum = service.configuration.maximumRows
        if products.count > maximum { products = Array(products.prefix(maximum)) }
        var body = filterForm(
            query: query ?? "", wanted: wanted, shown: products.count, total: total, reporter: reporter)
        // The same rows as a workbook: the letter's Tables 4 and 5, or the stored dataset's concentration rows.
        let download =
            "/api/v1/concentration?format=xlsx&dataset=" + context.dataset
            + (reporter.map { "&reporter=" + $0.rawValue } ?? "")
            + (context.language == .nl ? "&lang=nl" : "")
        body +=
            "<p><a href=\"\(HTMLText.escape(download))\" download>"
            + context.text("Download as Excel (xlsx)", "Downloaden als Excel (xlsx)") + "</a></p>\n"
        body +=
            "<div class=\"table\">\n<table id=\"products\" class=\"sortable\">\n<caption>\(HTMLText.escape(caption))</caption>\n<thead><tr>"
        let headers: [(String, Bool)] = [
            (context.text("Product", "Product"), false), (context.text("Value", "Waarde"), true), ("HHI", true),
            (context.text("Class", "Klasse"), false), (context.text("Top supplier", "Grootste leverancier"), false),
            (context.text("Top share", "Aandeel grootste"), true), (context.text("Suppliers", "Leveranciers"), true),
            (context.text("World market", "Wereldmarkt"), false),
        ]
        body += headers.map {
            "<th scope=\"col\"\($0.1 ? " class=\"num\"" : "")><button type=\"button\">\(HTMLText.escape($0.0))</button></th>"
        }.joined()
        body += "</tr></thead>\n<tbody>\n"
        for product in products { body += row(product, reporter: reporter) }
        body += "</tbody>\n</table>\n</div>\n"
        if products.isEmpty { body += "<p>\(context.text("No product matches.", "Geen product voldoet."))</p>\n" }
        return context.page(context.text("Products", "Producten"), .products, showDataset: true, body: body)
    }

    private func row(_ product: ProductSummary, reporter: CountryCode?) -> String {
        let name = product.label(context.language)
        var html = "<tr data-class=\"\(product.concentrationClass?.rawValue ?? "")\">"
        html +=
            "<th scope=\"row\" data-value=\"\"><a href=\"\(context.link("/products/" + product.key))\" title=\"\(HTMLText.escape(product.name(context.language)))\">\(HTMLText.escape(name))</a></th>"
        html +=
            "<td class=\"num\" data-value=\"\(product.value)\">\(context.number(product.value, decimals: 0)) \(HTMLText.escape(product.unit.label(dutch: context.language == .nl)))</td>"
        html +=
            "<td class=\"num\" data-value=\"\(product.hhi.map { String($0) } ?? "-1")\">\(context.hhi(product.hhi, decimals: product.hhiDecimals))</td>"
        html +=
            "<td data-value=\"\(product.concentrationClass.map { String(ConcentrationClass.allCases.firstIndex(of: $0) ?? 0) } ?? "-1")\">\(context.badge(product.concentrationClass))</td>"
        let supplier = product.topSupplier.map { code in
            CountryTable.shared.country(code).map {
                "\(context.language == .en ? $0.nameEN : $0.nameNL) (\(code.rawValue))"
            } ?? code.rawValue
        }
        html += "<td>\(HTMLText.escape(supplier ?? context.text("confidential", "geheim")))</td>"
        html +=
            "<td class=\"num\" data-value=\"\(product.topSupplierShare.map { String($0) } ?? "-1")\">\(product.topSupplierShare.map { context.number($0 * 100, decimals: 1) + " %" } ?? "")</td>"
        html +=
            "<td class=\"num\" data-value=\"\(product.suppliers.map(String.init) ?? "-1")\">\(product.suppliers.map(String.init) ?? "")</td>"
        html += "<td>\(product.worldClass.map { context.badge($0) } ?? "")</td></tr>\n"
        return html
    }

    private func filterForm(query: String, wanted: String, shown: Int, total: Int, reporter: CountryCode?) -> String {
        var html =
            "<form class=\"filters\" method=\"get\" action=\"/products\" data-table=\"products\" role=\"search\">\n"
        if context.language == .nl { html += "<input type=\"hidden\" name=\"lang\" value=\"nl\">\n" }
        if !context.service.isBuiltIn(context.dataset) {
            html += "<input type=\"hidden\" name=\"dataset\" value=\"\(HTMLText.escape(context.dataset))\">\n"
        }
        if let reporter, !context.service.isBuiltIn(context.dataset),
            let reporters = try? context.service.workspace.importReporters(dataset: context.dataset),
            reporters.count > 1
        {
            html += "<label>\(context.text("Reporter", "Rapporteur")) <select name=\"reporter\">"
            html += reporters.map {
                "<option value=\"\($0.rawValue)\"\($0 == reporter ? " selected" : "")>\($0.rawValue)</option>"
            }.joined()
            html += "</select></label>\n"
        }
        html +=
            "<label>\(context.text("Search product", "Zoek product")) <input type=\"search\" name=\"q\" value=\"\(HTMLText.escape(query))\"></label>\n"
        html +=
            "<label>\(context.text("Class", "Klasse")) <select name=\"class\"><option value=\"\">\(context.text("all", "alle"))</option>"
        for value in ConcentrationClass.allCases where value != .concentrated {
            html +=
                "<option value=\"\(value.rawValue)\"\(value.rawValue == wanted ? " selected" : "")>\(HTMLText.escape(context.language == .en ? value.nameEN : value.nameNL))</option>"
        }
        html +=
            "</select></label>\n<button class=\"primary\" type=\"submit\">\(context.text("Filter", "Filteren"))</button>\n"
        return html + "<p role=\"status\" aria-live=\"polite\">\(shown) / \(total)</p>\n</form>\n"
    }
}
