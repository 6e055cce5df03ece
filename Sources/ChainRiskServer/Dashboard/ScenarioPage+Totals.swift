import ChainRiskCore
import ChainRiskReport
import Foundation

extension ScenarioPage {
    /// The run's headline figures above the chart: the output the shock itself took, the world's and the reporter's
    /// losses, and their low–central–high range with the assumption that moves it most.
    func totals(_ report: ScenarioReport, reporter: String, unit: String) -> String {
        let figures = Dictionary(
            (report.tables.first { $0.key == "totals" }?.table.rows ?? []).compactMap { row -> (String, Double)? in
                guard row.count == 3, case .text(let key) = row[1], case .number(let value, _) = row[2] else {
                    return nil
                }
                return (key, value)
            }, uniquingKeysWith: { first, _ in first })
        let number = { (value: Double) in
            NumberFormat.fixed(
                value, decimals: 0, grouping: true, groupSeparator: context.language == .nl ? "." : ",",
                decimalSeparator: context.language == .nl ? "," : ".")
        }
        let unitText = context.language == .nl ? unit.replacingOccurrences(of: "million ", with: "mln ") : unit
        let rows: [(String, String)] = [
            (
                "direct_output_lost",
                context.text("Output the shock itself took", "Productie die de schok zelf wegnam")
            ),
            ("world_output_lost", context.text("Output lost, all regions", "Productieverlies, alle regio's")),
            ("reporter_output_lost", context.text("Output lost, \(reporter)", "Productieverlies, \(reporter)")),
        ]
        var html =
            "<section aria-labelledby=\"scenario-totals\">\n<h2 id=\"scenario-totals\">\(HTMLText.escape(context.text("Totals (\(unitText), 365 days)", "Totalen (\(unitText), 365 dagen)")))</h2>\n<dl class=\"totals\">\n"
        for (key, label) in rows {
            guard let value = figures[key] else { continue }
            html += "<dt>\(HTMLText.escape(label))</dt><dd>\(number(value))</dd>\n"
        }
        html += "</dl>\n"
        if let band = report.tables.first(where: { $0.key == "band" })?.table {
            // The measure's words stay; its JSON key is for the API, not the page.
            let shown = band.columns.indices.filter { band.columns[$0].key != "key" }
            let words = DataTable(
                title: band.title, columns: shown.map { band.columns[$0] },
                rows: band.rows.map { row in shown.map { row[$0] } })
            html += "<div class=\"table\">\n" + HTMLText.table(words.localized(context.language)) + "</div>\n"
        }
        return html + "</section>\n"
    }
}
