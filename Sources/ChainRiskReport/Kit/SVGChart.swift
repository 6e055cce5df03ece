import ChainRiskCore
import Foundation

/// Inline SVG charts for the HTML report: deterministic markup, locale-free numbers, no scripts.
public enum SVGChart {
    /// A coordinate with two decimals, so output is stable.
    static func coordinate(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }

    /// Horizontal bars with a label left, the value right and an optional annotation after it.
    ///
    /// A label wraps onto at most two lines, shortened with "…" beyond them (the full name is the label's `<title>`);
    /// the bars leave room for the longest value and note, so nothing overprints or leaves the chart.
    public static func bars(
        title: String, items: [(label: String, value: Double, valueText: String, note: String?, colour: String)],
        width: Double = 720
    ) -> String {
        let labelWidth = 260.0
        let fontSize = 12.0
        let lines = items.map { shortened(wrap($0.label, width: labelWidth - 10, fontSize: fontSize), lines: 2) }
        let rowHeight = lines.contains { $0.count > 1 } ? 32.0 : 22.0
        // Room right of the longest bar for its value and note ("EUR 23,604 mln  HHI 0.13, not concentrated").
        let annotations = items.map { $0.valueText + ($0.note.map { "  " + $0 } ?? "") }
        let maximum = items.map(\.value).max() ?? 1
        // The longest bar the chart allows: each bar, scaled, plus its own annotation must end inside the chart.
        let room = width - labelWidth - 10
        let barSpace = max(
            40,
            zip(items, annotations).map { item, annotation in
                let share = maximum > 0 ? item.value / maximum : 0
                let free = room - textWidth(annotation, fontSize: fontSize)
                return share > 0 ? free / share : room
            }.min() ?? room)
        let height = Double(items.count) * rowHeight + 30
        var svg = open(title: title, width: width, height: height)
        for (index, item) in items.enumerated() {
            let y = 10 + Double(index) * rowHeight
            let length = maximum > 0 ? max(1, item.value / maximum * barSpace) : 1
            svg += text(
                lines[index], x: labelWidth - 6, y: y + rowHeight / 2 + 4, anchor: "end", fontSize: fontSize,
                title: lines[index].joined(separator: " ") == item.label ? nil : item.label)
            svg +=
                "<rect x=\"\(coordinate(labelWidth))\" y=\"\(coordinate(y + 3))\" width=\"\(coordinate(length))\" height=\"\(coordinate(rowHeight - 6))\" fill=\"\(item.colour)\"/>\n"
            svg +=
                "<text x=\"\(coordinate(labelWidth + length + 6))\" y=\"\(coordinate(y + rowHeight / 2 + 4))\" font-size=\"\(Int(fontSize))\">\(HTMLText.escape(annotations[index]))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The width a line of text takes at `fontSize`, as `wrap` estimates it (0.6 em per character, a sans-serif
    /// average), so layout and tests agree on it.
    static func textWidth(_ text: String, fontSize: Double) -> Double { Double(text.count) * 0.6 * fontSize }

    /// `lines` cut to at most `count`, the last ending in "…" when something was left out.
    static func shortened(_ lines: [String], lines count: Int) -> [String] {
        guard lines.count > count else { return lines }
        var kept = Array(lines.prefix(count))
        kept[count - 1] = kept[count - 1].trimmingCharacters(in: CharacterSet(charactersIn: " ,;")) + "…"
        return kept
    }

    /// A scatter of HHI (y, 0–1) against value (x, logarithmic), with the class bands shaded and points labelled.
    ///
    /// Labels are placed where they overlap neither another label nor a point (right, left, above, below, then the
    /// corners); a point whose name fits nowhere gets its number, and the numbers are named under the chart. Axis
    /// ticks read as amounts (100 mln, 1 bn; Dutch 1 mld): `valueScale` is the power of ten of the values' unit.
    public static func hhiVersusValue(
        title: String, points: [(label: String, value: Double, hhi: Double)], bands: [Double], xLabel: String,
        valueScale: Int = 0, language: Language = .en, width: Double = 720, height: Double = 360
    ) -> String {
        let left = 56.0
        let right = 20.0
        let top = 16.0
        let bottom = 44.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let shown = points.filter { $0.value > 0 }
        let values = shown.map(\.value)
        let low = (values.min() ?? 1).log10Floor
        let high = max((values.max() ?? 10).log10Ceiling, low + 1)
        func x(_ value: Double) -> Double { left + (log10(max(value, 1e-12)) - low) / (high - low) * plotWidth }
        func y(_ hhi: Double) -> Double { top + (1 - min(max(hhi, 0), 1)) * plotHeight }
        let placement = LabelPlacement(
            points: shown.map { (label: $0.label, x: x($0.value), y: y($0.hhi)) },
            bounds: LabelPlacement.Box(minX: left, minY: top, maxX: width - 2, maxY: top + plotHeight))
        // Legend entries ("3 4415 Packing cases, …") wrap to the chart's width.
        let legendLines = placement.legend.map { wrap($0, width: width - left - 4, fontSize: 11) }
        let legendHeight = legendLines.isEmpty ? 0 : 8 + Double(legendLines.joined().count) * 14
        let fullHeight = height + legendHeight
        var svg = open(title: title, width: width, height: fullHeight)
        let edges = [0.0] + bands + [1.0]
        let shades = ["#e8f0f7", "#fdf1d6", "#fbe2d5"]
        for index in 0..<(edges.count - 1) {
            svg +=
                "<rect x=\"\(coordinate(left))\" y=\"\(coordinate(y(edges[index + 1])))\" width=\"\(coordinate(plotWidth))\" height=\"\(coordinate(y(edges[index]) - y(edges[index + 1])))\" fill=\"\(shades[min(index, shades.count - 1)])\"/>\n"
        }
        for band in bands {
            svg +=
                "<line x1=\"\(coordinate(left))\" x2=\"\(coordinate(left + plotWidth))\" y1=\"\(coordinate(y(band)))\" y2=\"\(coordinate(y(band)))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>\n"
            svg +=
                "<text x=\"\(coordinate(left - 4))\" y=\"\(coordinate(y(band) + 4))\" text-anchor=\"end\" font-size=\"11\">\(NumberFormat.fixed(band, decimals: 2))</text>\n"
        }
        svg +=
            "<text x=\"\(coordinate(left - 4))\" y=\"\(coordinate(y(1) + 4))\" text-anchor=\"end\" font-size=\"11\">1.00</text>\n"
        svg +=
            "<text x=\"\(coordinate(left - 4))\" y=\"\(coordinate(y(0) + 4))\" text-anchor=\"end\" font-size=\"11\">0.00</text>\n"
        var exponent = low
        while exponent <= high {
            let tick = left + (exponent - low) / (high - low) * plotWidth
            let text = amount(exponent: Int(exponent) + valueScale, language: language)
            // The last tick sits on the plot's right edge: its text ends there rather than leaving the chart.
            let half = textWidth(text, fontSize: 11) / 2
            let (textX, anchor) = tick + half > width - 2 ? (width - 2, "end") : (tick, "middle")
            svg +=
                "<text x=\"\(coordinate(textX))\" y=\"\(coordinate(top + plotHeight + 16))\" text-anchor=\"\(anchor)\" font-size=\"11\">\(HTMLText.escape(text))</text>\n"
            exponent += 1
        }
        svg +=
            "<text x=\"\(coordinate(left + plotWidth / 2))\" y=\"\(coordinate(height - 6))\" text-anchor=\"middle\" font-size=\"12\">\(HTMLText.escape(xLabel))</text>\n"
        svg +=
            "<text x=\"14\" y=\"\(coordinate(top + plotHeight / 2))\" transform=\"rotate(-90 14 \(coordinate(top + plotHeight / 2)))\" text-anchor=\"middle\" font-size=\"12\">HHI</text>\n"
        for (point, label) in zip(shown, placement.labels) {
            if label.leader {
                let end = (x: (label.box.minX + label.box.maxX) / 2, y: (label.box.minY + label.box.maxY) / 2)
                svg +=
                    "<line x1=\"\(coordinate(x(point.value)))\" y1=\"\(coordinate(y(point.hhi)))\" x2=\"\(coordinate(end.x))\" y2=\"\(coordinate(end.y))\" stroke=\"#888\" stroke-width=\"0.5\"/>\n"
            }
            svg +=
                "<circle cx=\"\(coordinate(x(point.value)))\" cy=\"\(coordinate(y(point.hhi)))\" r=\"4\" fill=\"#1f4e79\"><title>\(HTMLText.escape(point.label))</title></circle>\n"
            svg +=
                "<text class=\"point-label\" x=\"\(coordinate(label.x))\" y=\"\(coordinate(label.y))\" text-anchor=\"\(label.anchor)\" font-size=\"\(coordinate(LabelPlacement.fontSize))\">\(HTMLText.escape(label.text))</text>\n"
        }
        for (index, line) in legendLines.joined().enumerated() {
            svg +=
                "<text x=\"\(coordinate(left))\" y=\"\(coordinate(height + 14 + Double(index) * 14))\" font-size=\"11\">\(HTMLText.escape(line))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// `text` in lines that fit `width` at `fontSize` (0.6 em a character), broken between words; a word longer
    /// than a line stands alone. Names are wrapped, never cut.
    static func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        let capacity = max(8, Int(width / (0.6 * fontSize)))
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= capacity {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// A `<text>` of one or more lines (`<tspan>`s), centred on where a single line's baseline `y` would be, with an
    /// optional `<title>` (the full text of a shortened label).
    static func text(
        _ lines: [String], x: Double, y: Double, anchor: String, fontSize: Double, title: String? = nil
    ) -> String {
        let tooltip = title.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        guard lines.count > 1 else {
            return
                "<text x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" text-anchor=\"\(anchor)\" font-size=\"\(Int(fontSize))\">\(tooltip)\(HTMLText.escape(lines.first ?? ""))</text>\n"
        }
        let lineHeight = fontSize + 1
        let first = y - lineHeight * Double(lines.count - 1) / 2
        let spans = lines.enumerated().map { index, line in
            "<tspan x=\"\(coordinate(x))\" y=\"\(coordinate(first + Double(index) * lineHeight))\">\(HTMLText.escape(line))</tspan>"
        }.joined()
        return "<text text-anchor=\"\(anchor)\" font-size=\"\(Int(fontSize))\">\(tooltip)\(spans)</text>\n"
    }

    static func open(title: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width: 100%; height: auto\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n"
    }

    /// 10^exponent as people write amounts: 1, 10, 100, 1 thousand (duizend), 10 thousand, 1 mln, 1 bn (mld), 1,000 bn.
    static func amount(exponent: Int, language: Language) -> String {
        let (divisor, unit): (Int, String) =
            switch exponent {
            case ..<3: (0, "")
            case 3..<6: (3, language == .en ? "thousand" : "duizend")
            case 6..<9: (6, "mln")
            default: (9, language == .en ? "bn" : "mld")
            }
        let leading = exponent - divisor
        let number =
            leading >= 0
            ? NumberFormat.integer(Int(pow(10, Double(leading))), groupSeparator: language == .en ? "," : ".")
            : NumberFormat.fixed(pow(10, Double(leading)), decimals: -leading)
        return unit.isEmpty ? number : "\(number) \(unit)"
    }

    /// A heatmap: rows × columns of text cells with fill colours (e.g. ranks in the letter's colour bands).
    public static func heatmap(
        title: String, rowLabels: [String], columnLabels: [String], cells: [[(text: String, fill: String)]],
        width: Double = 900
    ) -> String {
        let labelWidth = 250.0
        let cellWidth = (width - labelWidth) / Double(max(columnLabels.count, 1))
        let rowLines = rowLabels.map { shortened(wrap($0, width: labelWidth - 10, fontSize: 12), lines: 2) }
        let cellHeight = rowLines.contains { $0.count > 1 } ? 32.0 : 22.0
        // Column names wrap within their column ("Geo-fysieke gebeurtenis" over two lines), never into the next.
        let columnLines = columnLabels.map { shortened(wrap($0, width: cellWidth - 6, fontSize: 11), lines: 3) }
        let headerLines = Double(columnLines.map(\.count).max() ?? 1)
        let headerHeight = 18 + headerLines * 12
        let height = headerHeight + Double(rowLabels.count) * cellHeight + 4
        var svg = open(title: title, width: width, height: height)
        for (index, lines) in columnLines.enumerated() {
            let x = labelWidth + (Double(index) + 0.5) * cellWidth
            // Bottom-aligned: the last line sits 8 px above the first row.
            let middle = headerHeight - 8 - Double(lines.count - 1) * 12 / 2
            svg += text(
                lines, x: x, y: middle, anchor: "middle", fontSize: 11,
                title: lines.joined(separator: " ") == columnLabels[index] ? nil : columnLabels[index])
        }
        for rowIndex in rowLabels.indices {
            let y = headerHeight + Double(rowIndex) * cellHeight
            svg += text(
                rowLines[rowIndex], x: labelWidth - 6, y: y + cellHeight / 2 + 4, anchor: "end", fontSize: 12,
                title: rowLines[rowIndex].joined(separator: " ") == rowLabels[rowIndex] ? nil : rowLabels[rowIndex])
            for (columnIndex, cell) in cells[rowIndex].enumerated() {
                let x = labelWidth + Double(columnIndex) * cellWidth
                svg +=
                    "<rect x=\"\(coordinate(x + 1))\" y=\"\(coordinate(y + 1))\" width=\"\(coordinate(cellWidth - 2))\" height=\"\(coordinate(cellHeight - 2))\" fill=\"\(cell.fill)\"/>\n"
                svg +=
                    "<text x=\"\(coordinate(x + cellWidth / 2))\" y=\"\(coordinate(y + cellHeight / 2 + 4))\" text-anchor=\"middle\" font-size=\"12\">\(HTMLText.escape(cell.text))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// A timeline of events: one bar per event from its start month over its duration in weeks.
    public static func timeline(
        title: String, events: [(label: String, startYear: Int, startMonth: Int, weeks: Double)], width: Double = 720,
        language: Language = .en
    ) -> String {
        guard let firstYear = events.map(\.startYear).min() else { return "" }
        let labelWidth = 200.0
        let rowHeight = 24.0
        let monthsShown = 24.0
        let monthWidth = (width - labelWidth - 10) / monthsShown
        let height = 30 + Double(events.count) * rowHeight
        var svg = open(title: title, width: width, height: height)
        for month in stride(from: 0, to: Int(monthsShown), by: 3) {
            let x = labelWidth + Double(month) * monthWidth
            svg +=
                "<line x1=\"\(coordinate(x))\" x2=\"\(coordinate(x))\" y1=\"16\" y2=\"\(coordinate(height))\" stroke=\"#ddd\"/>\n"
            let year = firstYear + month / 12
            svg +=
                "<text x=\"\(coordinate(x + 2))\" y=\"12\" font-size=\"10\">\(year)-\(month % 12 + 1 < 10 ? "0" : "")\(month % 12 + 1)</text>\n"
        }
        for (index, event) in events.enumerated() {
            let y = 20 + Double(index) * rowHeight
            let start = Double((event.startYear - firstYear) * 12 + event.startMonth - 1)
            let length = event.weeks * 12 / 52
            svg +=
                "<text x=\"\(coordinate(labelWidth - 6))\" y=\"\(coordinate(y + 15))\" text-anchor=\"end\" font-size=\"12\">\(HTMLText.escape(event.label))</text>\n"
            svg +=
                "<rect x=\"\(coordinate(labelWidth + start * monthWidth))\" y=\"\(coordinate(y + 4))\" width=\"\(coordinate(length * monthWidth))\" height=\"\(coordinate(rowHeight - 8))\" fill=\"#c0504d\"><title>\(HTMLText.escape("\(event.label): \(NumberFormat.fixed(event.weeks, decimals: 0)) \(language.pick(en: "weeks", nl: "weken"))"))</title></rect>\n"
        }
        return svg + "</svg>\n"
    }
}

extension Double {
    fileprivate var log10Floor: Double { log10(Swift.max(self, 1e-12)).rounded(.down) }
    fileprivate var log10Ceiling: Double { log10(Swift.max(self, 1e-12)).rounded(.up) }
}
