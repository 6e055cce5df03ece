import ChainRiskCore
import ChainRiskReport
import ChainRiskStore

/// `/datasets`: the built-in and stored datasets with their provenance, and the upload form.
///
/// The upload needs JavaScript: the browser sends the file as the raw body of `POST /api/v1/datasets` with the
/// token from the password field as a bearer header, so the token never appears in a URL or a server log.
struct DatasetsPage {
    let context: PageContext

    func render() throws -> String {
        let service = context.service
        var body =
            "<div class=\"table\">\n<table id=\"datasets\">\n<caption>\(context.text("Datasets", "Datasets"))</caption>\n<thead><tr>"
        let headers = [
            context.text("Dataset", "Dataset"), context.text("Format", "Formaat"), context.text("Flows", "Stromen"),
            context.text("Value total", "Totale waarde"), "SHA-256",
            context.text("Imported (UTC)", "Geïmporteerd (UTC)"), context.text("Findings", "Bevindingen"),
        ]
        body += headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        body +=
            "<tr><th scope=\"row\"><a href=\"\(HTMLText.escape(DashboardLayout.link("/products", language: context.language)))\">\(HTMLText.escape(service.letter.name))</a></th>"
        body +=
            "<td>\(context.text("built in", "ingebouwd"))</td><td></td><td></td><td>\(service.letter.files.count) \(context.text("tables", "tabellen"))</td><td></td><td></td></tr>\n"
        for info in try service.store.datasets() {
            let link = DashboardLayout.link("/products", language: context.language, dataset: info.name)
            let totals = info.valueTotals.keys.sorted().map {
                "\(context.number(info.valueTotals[$0] ?? 0, decimals: 0)) \($0)"
            }.joined(separator: "; ")
            body +=
                "<tr><th scope=\"row\"><a href=\"\(HTMLText.escape(link))\">\(HTMLText.escape(info.name))</a></th><td>\(HTMLText.escape(info.sourceFormat))</td>"
            body +=
                "<td class=\"num\">\(context.number(Double(info.rowCount), decimals: 0))</td><td class=\"num\">\(HTMLText.escape(totals))</td>"
            body +=
                "<td><code>\(HTMLText.escape(info.files.map { String($0.sha256.prefix(12)) }.joined(separator: " ")))</code></td>"
            body +=
                "<td>\(HTMLText.escape(info.importedAt))</td><td class=\"num\">\(info.findingCounts.values.reduce(0, +))</td></tr>\n"
        }
        body += "</tbody>\n</table>\n</div>\n"
        body += "<h2>\(context.text("Upload a trade file", "Een handelsbestand uploaden"))</h2>\n"
        if service.configuration.token == nil {
            body +=
                "<p class=\"note\">\(context.text("Uploads are disabled: start the server with CHAINRISK_TOKEN set.", "Uploaden staat uit: start de server met CHAINRISK_TOKEN."))</p>\n"
        }
        body +=
            "<p>\(context.text("Comtrade, BACI, CBS, Comext or canonical CSV, detected from the header, imported in one transaction: a file with an error stores nothing. Sending needs JavaScript; the token goes in an Authorization header, never in the address.", "Comtrade, BACI, CBS, Comext of canonieke CSV, herkend aan de kop, in één transactie geïmporteerd: een bestand met een fout slaat niets op. Versturen vraagt JavaScript; het token gaat in een Authorization-header, nooit in het adres."))</p>\n"
        body +=
            "<form class=\"upload\" method=\"post\" action=\"/api/v1/datasets\" enctype=\"application/octet-stream\" data-missing=\"\(context.text("Choose a file and a name.", "Kies een bestand en een naam."))\" data-sending=\"\(context.text("Uploading…", "Bezig met uploaden…"))\">\n"
        body += "<label>\(context.text("File", "Bestand")) <input type=\"file\" name=\"file\" required></label>\n"
        body +=
            "<label>\(context.text("Dataset name", "Naam van de dataset")) <input name=\"name\" required pattern=\"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\"></label>\n"
        body += "<label>Token <input type=\"password\" name=\"token\" autocomplete=\"off\" required></label>\n"
        body +=
            "<button class=\"primary\" type=\"submit\">\(context.text("Upload", "Uploaden"))</button>\n<p role=\"status\" aria-live=\"polite\"></p>\n</form>\n"
        return context.page(context.text("Datasets", "Datasets"), .datasets, body: body)
    }
}
