import Foundation

/// Finds labels that overprint each other or leave their chart in every inline SVG of a page.
///
/// Text extents are estimated as the charts estimate them (0.6 em per character; a line from 0.8 em above its
/// baseline to 0.25 em below), so a chart that lays out by that estimate passes and one that ignores it fails.
/// Rotated text (the scatter's vertical axis name) is checked against the chart's height only.
public enum ChartLabelCheck {
    /// One line of text as a box.
    public struct Box: CustomStringConvertible, Sendable {
        public let text: String
        public let minX: Double, maxX: Double, minY: Double, maxY: Double

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX - 0.5 && other.minX < maxX - 0.5 && minY < other.maxY - 0.5 && other.minY < maxY - 0.5
        }

        public var description: String {
            "'\(text)' [\(Int(minX))…\(Int(maxX)) × \(Int(minY))…\(Int(maxY))]"
        }
    }

    /// One chart of a page: its title and the boxes of its text.
    public struct Chart: Sendable {
        public let title: String
        public let width: Double, height: Double
        public let boxes: [Box]
    }

    /// Every `<svg>` of `html`.
    public static func charts(_ html: String) -> [Chart] {
        html.matches(of: /<svg[^>]*viewBox="0 0 ([0-9.]+) ([0-9.]+)"[^>]*>(.*?)<\/svg>/.dotMatchesNewlines()).compactMap
        {
            match in
            guard let width = Double(match.1), let height = Double(match.2) else { return nil }
            let body = String(match.3)
            let title = body.firstMatch(of: /<title>(.*?)<\/title>/).map { String($0.1) } ?? ""
            return Chart(title: title, width: width, height: height, boxes: boxes(body))
        }
    }

    /// The problems of every chart of `html`: pairs of overlapping labels and labels outside the chart.
    public static func problems(_ html: String) -> [String] {
        charts(html).flatMap { chart -> [String] in
            var found: [String] = []
            for (index, box) in chart.boxes.enumerated() {
                if box.minX < -0.5 || box.maxX > chart.width + 0.5 || box.minY < -0.5 || box.maxY > chart.height + 0.5 {
                    found.append("\(chart.title): \(box) leaves the \(Int(chart.width))×\(Int(chart.height)) chart")
                }
                for other in chart.boxes[(index + 1)...] where box.overlaps(other) {
                    found.append("\(chart.title): \(box) overprints \(other)")
                }
            }
            return found
        }
    }

    static func boxes(_ svg: String) -> [Box] {
        var boxes: [Box] = []
        for element in svg.matches(of: /<text([^>]*)>(.*?)<\/text>/.dotMatchesNewlines()) {
            let attributes = String(element.1)
            let body = String(element.2).replacing(/<title>.*?<\/title>/.dotMatchesNewlines(), with: "")
            let size = number(attributes, "font-size") ?? 12
            let anchor = attributes.firstMatch(of: /text-anchor="([a-z]+)"/).map { String($0.1) } ?? "start"
            var lines: [(x: Double, y: Double, text: String)] = []
            for span in body.matches(of: /<tspan x="([0-9.\-]+)" y="([0-9.\-]+)">(.*?)<\/tspan>/) {
                if let x = Double(span.1), let y = Double(span.2) { lines.append((x, y, String(span.3))) }
            }
            if lines.isEmpty, let x = number(attributes, "x"), let y = number(attributes, "y") {
                lines = [(x, y, body)]
            }
            let rotated = attributes.contains("rotate(")
            for line in lines {
                let text = unescape(line.text)
                let extent = Double(text.count) * 0.6 * size
                if rotated {
                    boxes.append(
                        Box(
                            text: text, minX: line.x - 0.8 * size, maxX: line.x + 0.25 * size,
                            minY: line.y - extent / 2, maxY: line.y + extent / 2))
                    continue
                }
                let minX = anchor == "end" ? line.x - extent : anchor == "middle" ? line.x - extent / 2 : line.x
                boxes.append(
                    Box(
                        text: text, minX: minX, maxX: minX + extent, minY: line.y - 0.8 * size,
                        maxY: line.y + 0.25 * size))
            }
        }
        return boxes
    }

    private static func number(_ attributes: String, _ name: String) -> Double? {
        guard let range = attributes.range(of: " \(name)=\"") ?? attributes.range(of: "\(name)=\"") else { return nil }
        let rest = attributes[range.upperBound...]
        return Double(rest.prefix { $0 != "\"" })
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
