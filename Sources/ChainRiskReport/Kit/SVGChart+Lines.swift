import ChainRiskCore

extension SVGChart {
    /// Lines over days (x) of a level in percent of baseline (y), one per series, with a legend: output over time.
    ///
    /// The y axis spans the lowest value to 100 % (rounded out to a whole percent) so that small losses stay visible.
    /// The y axis's name stands above the plot, clear of the tick labels; ticks use the language's decimal mark.
    public static func lines(
        title: String, series: [(label: String, colour: String, values: [Double])], xLabel: String, yLabel: String,
        language: Language = .en, width: Double = 720, height: Double = 340
    ) -> String {
        let left = 60.0
        let right = 16.0
        let top = 28.0
        let legendRow = 18.0
        let legendHeight = Double(series.count) * legendRow + 8
        let plotHeight = height - top - 52 - legendHeight
        let plotWidth = width - left - right
        let days = max(1, (series.map(\.values.count).max() ?? 1) - 1)
        let lowest = series.flatMap(\.values).filter(\.isFinite).min() ?? 100
        let floor = min(99, (lowest - 0.5).rounded(.down))
        let ceiling = max(100, (series.flatMap(\.values).filter(\.isFinite).max() ?? 100).rounded(.up))
        let x = { (day: Int) in left + Double(day) / Double(days) * plotWidth }
        let y = { (value: Double) in top + (ceiling - value) / max(ceiling - floor, 1e-9) * plotHeight }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" width=\"\(coordinate(width))\" height=\"\(coordinate(height))\">\n"
        svg += "<title>\(HTMLText.escape(title))</title>\n"
        svg +=
            "<rect x=\"\(coordinate(left))\" y=\"\(coordinate(top))\" width=\"\(coordinate(plotWidth))\" height=\"\(coordinate(plotHeight))\" fill=\"none\" stroke=\"#888\"/>\n"
        for tick in [floor, (floor + ceiling) / 2, ceiling] {
            svg +=
                "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(y(tick) + 4))\" text-anchor=\"end\" font-size=\"11\">\(NumberFormat.fixed(tick, decimals: 1, grouping: false, decimalSeparator: language == .nl ? "," : ".")) %</text>\n"
        }
        for day in stride(from: 0, through: days, by: max(1, days / 6)) {
            svg +=
                "<text x=\"\(coordinate(x(day)))\" y=\"\(coordinate(top + plotHeight + 14))\" text-anchor=\"middle\" font-size=\"11\">\(day)</text>\n"
        }
        svg +=
            "<text x=\"\(coordinate(left + plotWidth / 2))\" y=\"\(coordinate(top + plotHeight + 30))\" text-anchor=\"middle\" font-size=\"12\">\(HTMLText.escape(xLabel))</text>\n"
        svg +=
            "<text x=\"\(coordinate(left))\" y=\"\(coordinate(top - 10))\" text-anchor=\"start\" font-size=\"12\">\(HTMLText.escape(yLabel))</text>\n"
        for (index, line) in series.enumerated() {
            let points = line.values.enumerated().filter { $0.element.isFinite }.map {
                "\(coordinate(x($0.offset))),\(coordinate(y($0.element)))"
            }
            svg +=
                "<polyline fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
            let legendY = top + plotHeight + 56 + Double(index) * legendRow
            svg +=
                "<rect x=\"\(coordinate(left))\" y=\"\(coordinate(legendY - 9))\" width=\"14\" height=\"4\" fill=\"\(line.colour)\"/>\n"
            svg +=
                "<text x=\"\(coordinate(left + 20))\" y=\"\(coordinate(legendY - 3))\" font-size=\"12\">\(HTMLText.escape(line.label))</text>\n"
        }
        return svg + "</svg>\n"
    }
}
