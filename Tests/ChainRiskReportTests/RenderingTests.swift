import ChainRiskCore
import ChainRiskReport
import Foundation
import Testing

@Suite("Locale-free numbers and deterministic rendering")
struct RenderingTests {
    @Test(
        "fixed-point formatting rounds half away from zero and groups thousands",
        arguments: [
            (1234567.891, 2, true, "1,234,567.89"), (0.125, 2, false, "0.13"), (-0.125, 2, false, "-0.13"),
            (0.004, 2, false, "0.00"), (24509, 0, true, "24,509"), (999.5, 0, true, "1,000"), (0.83, 2, false, "0.83"),
            (-1234.5, 1, true, "-1,234.5"),
        ])
    func fixed(value: Double, decimals: Int, grouping: Bool, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals, grouping: grouping) == expected)
    }

    @Test(
        "numbers near the largest double and non-finite ones format without trapping",
        arguments: [
            (1e308, 2), (-1e308, 4), (Double.greatestFiniteMagnitude, 1), (1e200, 0), (.infinity, 2), (-.infinity, 0),
            (.nan, 3),
        ])
    func extremes(value: Double, decimals: Int) {
        let text = NumberFormat.fixed(value, decimals: decimals, grouping: true)
        if value.isFinite {
            // The double's exact integer digits (C's %.0f; 309 for 1e308), grouped, then zeros for the decimals.
            let digits = text.filter(\.isNumber)
            #expect(digits == String(format: "%.0f", value.magnitude) + String(repeating: "0", count: decimals))
            #expect(text.hasPrefix("-") == (value < 0))
        } else {
            #expect(["inf", "-inf", "NaN"].contains(text))
        }
    }

    @Test("Dutch separators")
    func dutch() {
        #expect(
            NumberFormat.fixed(24509.75, decimals: 1, grouping: true, groupSeparator: ".", decimalSeparator: ",")
                == "24.509,8")
    }

    @Test("JSON objects render with sorted keys and integral numbers without a point")
    func json() {
        let value = JSONValue.object([
            "b": .number(2), "a": .array([.number(0.395), .null, .string("q\"\n")]), "c": .bool(true),
        ])
        #expect(value.render() == #"{"a":[0.395,null,"q\"\n"],"b":2,"c":true}"#)
    }

    @Test("a table renders as aligned text, Markdown and CSV")
    func table() {
        let table = DataTable(
            columns: [
                DataTable.Column("product", title: "Product"),
                DataTable.Column("hhi", title: "HHI", alignment: .right),
            ],
            rows: [
                [.text("Crude petroleum"), .number(0.13, decimals: 2)],
                [.text("Gas, natural"), .number(0.37, decimals: 2)],
            ])
        #expect(
            table.renderText() == """
                Product           HHI
                ---------------  ----
                Crude petroleum  0.13
                Gas, natural     0.37

                """)
        #expect(
            table.renderMarkdown()
                == "| Product | HHI |\n|---|---:|\n| Crude petroleum | 0.13 |\n| Gas, natural | 0.37 |\n")
        #expect(table.renderCSV() == "product,hhi\nCrude petroleum,0.13\n\"Gas, natural\",0.37\n")
    }
}
