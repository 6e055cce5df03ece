import ChainRiskCore

extension SVGChart {
    /// Lines over days (x) of a level in percent of baseline (y), one per series, with a legend: output over time.
    ///
    /// The y axis spans the data and 100 %, rounded out to a step of 1, 2 or 5 × 10ⁿ chosen so that about four steps
    /// cover it: it starts where the data does, so small losses stay visible, and each step has a tick.
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
        let values = series.flatMap(\.values).filter(\.isFinite)
        let lowest = min(values.min() ?? 100, 100)
        let highest = max(values.max() ?? 100, 100)
        let step = niceStep(max(highest - lowest, 0.2) / 4)
        let floor = (lowest / step).rounded(.down) * step
        let steps = max(1, Int(((highest - floor) / step).rounded(.up)))
        let ceiling = floor + Double(steps) * step
        let x = { (day: Int) in left + Double(day) / Double(days) * plotWidth }
        let y = { (value: Double) in top + (ceiling - value) / max(ceiling - floor, 1e-9) * plotHeight }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" width=\"\(coordinate(width))\" height=\"\(coordinate(height))\">\n"
        svg += "<title>\(HTMLText.escape(title))</title>\n"
        svg +=
            "<rect x=\"\(coordinate(left))\" y=\"\(coordinate(top))\" width=\"\(coordinate(plotWidth))\" height=\"\(coordinate(plotHeight))\" fill=\"none\" stroke=\"#888\"/>\n"
        for tick in (0...steps).map({ floor + Double($0) * step }) {
            svg +=
                "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(y(tick) + 4))\" text-anchor=\"end\" font-size=\"11\">\(NumberFormat.fixed(tick, decimals: step < 1 ? 1 : 0, grouping: false, decimalSeparator: language == .nl ? "," : ".")) %</text>\n"
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

    /// The smallest of 1, 2 and 5 × 10ⁿ at least `rough` (0.1 at the least): a tick step people read at a glance.
    static func niceStep(_ rough: Double) -> Double {
        var scale = 0.1
        while true {
            for multiple in [1.0, 2, 5] where multiple * scale >= rough { return multiple * scale }
            scale *= 10
        }
    }
}
