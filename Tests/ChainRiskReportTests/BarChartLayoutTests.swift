import ChainRiskCore
import Foundation
import Testing

@testable import ChainRiskReport

/// The bar chart's labels never overprint each other and nothing leaves the chart (issue 24: the German report's
/// largest-imports chart printed five-line HS names into a two-line row).
@Suite("chart layout: no overlapping or clipped labels in bar and line charts")
struct BarChartLayoutTests {
    /// One text element's box, estimated as the chart estimates it (0.6 em per character, 13 px per line).
    struct Box {
        let minX: Double, maxX: Double, minY: Double, maxY: Double

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// The boxes of every `<text>` of `svg`, with the chart's width and height.
    static func boxes(_ svg: String) throws -> (boxes: [Box], width: Double, height: Double) {
        let box = try #require(svg.firstMatch(of: /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/))
        let (width, height) = (try #require(Double(box.1)), try #require(Double(box.2)))
        var boxes: [Box] = []
        for element in svg.matches(of: /<text([^>]*)>(.*?)<\/text>/) {
            let attributes = String(element.1)
            let body = String(element.2).replacing(/<title>.*?<\/title>/, with: "")
            let anchor = attributes.contains("text-anchor=\"end\"") ? "end" : "start"
            var lines: [(x: Double, y: Double, text: String)] = []
            let spans = body.matches(of: /<tspan x="([0-9.]+)" y="([0-9.]+)">(.*?)<\/tspan>/)
            if spans.isEmpty {
                let x = try #require(attributes.firstMatch(of: /x="([0-9.]+)"/).flatMap { Double($0.1) })
                let y = try #require(attributes.firstMatch(of: /y="([0-9.]+)"/).flatMap { Double($0.1) })
                lines = [(x, y, body)]
            } else {
                lines = spans.compactMap { span in
                    guard let x = Double(span.1), let y = Double(span.2) else { return nil }
                    return (x, y, String(span.3))
                }
            }
            for line in lines {
                let text = line.text.replacingOccurrences(of: "&amp;", with: "&")
                let extent = SVGChart.textWidth(text, fontSize: 12)
                let minX = anchor == "end" ? line.x - extent : line.x
                boxes.append(Box(minX: minX, maxX: minX + extent, minY: line.y - 10, maxY: line.y + 3))
            }
        }
        return (boxes, width, height)
    }

    @Test("Germany's ten largest imports of 2022 by HS name: two lines at most, no overlap, all inside the chart")
    func longNames() throws {
        let codes = ["48", "9401", "49", "4703", "940360", "4407", "4418", "4415", "4412", "4421"]
        let items = codes.enumerated().map { index, code in
            let name = ClassificationHierarchy.description(of: ProductCode(code, in: .hs2022)) ?? code
            return (
                label: "\(code) \(name)", value: Double(10 - index) * 1e9,
                valueText: "USD \(NumberFormat.integer((10 - index) * 1_000)) mln",
                note: Optional("HHI 0.163, somewhat concentrated"), colour: "#154273"
            )
        }
        let svg = SVGChart.bars(title: "Top imports with their HHI", items: items)
        let (boxes, width, height) = try Self.boxes(svg)
        #expect(boxes.count >= 20)
        for (index, box) in boxes.enumerated() {
            #expect(box.minX >= 0 && box.maxX <= width && box.minY >= 0 && box.maxY <= height, "box \(index) clipped")
            for other in boxes[(index + 1)...] { #expect(!box.overlaps(other), "box \(index) overprints another") }
        }
        // 4415's 160-character name is shortened on its second line, the whole name in a tooltip.
        let packing = try #require(ClassificationHierarchy.description(of: ProductCode("4415", in: .hs2022)))
        #expect(svg.contains("<title>4415 \(packing.replacingOccurrences(of: "&", with: "&amp;"))</title>"))
        let threeLines = /<text text-anchor="end"[^>]*>(?:<title>.*?<\/title>)?(?:<tspan[^>]*>[^<]*<\/tspan>){3}/
        #expect(svg.matches(of: threeLines).isEmpty)
    }

    @Test("the scenario line chart: axis names, ticks (Dutch decimal comma) and six legend rows never overlap")
    func lineChart() throws {
        let names = [
            "c30 Renting of machinery and equipment and other business activities", "c18 Construction",
            "c32 Education", "c9 Chemicals and chemical products", "c34 Other community, social and personal services",
            "c31 Public administration and defence; compulsory social security",
        ]
        let series = names.enumerated().map { index, name in
            (label: name, colour: "#154273", values: (0...365).map { 100 + Double(index) * sin(Double($0) / 30) })
        }
        let svg = SVGChart.lines(
            title: "Productie", series: series, xLabel: "dag", yLabel: "% van basisniveau", language: .nl)
        // Values 95–105: steps of 5 from 95 to 105, whole percents.
        #expect(svg.contains(">95 %</text>") && svg.contains(">100 %</text>") && svg.contains(">105 %</text>"))
        let (boxes, width, height) = try Self.boxes(svg)
        #expect(boxes.count == 3 + 7 + 2 + 6)
        for (index, box) in boxes.enumerated() {
            #expect(box.minX >= 0 && box.maxX <= width && box.minY >= 0 && box.maxY <= height, "box \(index) clipped")
            for other in boxes[(index + 1)...] { #expect(!box.overlaps(other), "box \(index) overprints another") }
        }
        // A shallow dip (99.48–100.03 %) gets an axis from where the data starts, in steps of 0.2 with Dutch commas.
        let shallow = SVGChart.lines(
            title: "t", series: [(label: "c9", colour: "#154273", values: [100, 99.48, 99.7, 100.03])], xLabel: "dag",
            yLabel: "%", language: .nl)
        #expect(
            ["99,4", "99,6", "99,8", "100,0", "100,2"].allSatisfy { shallow.contains(">\($0) %</text>") }
                && !shallow.contains(">99,2 %") && !shallow.contains(">100,4 %"))
        #expect(SVGChart.niceStep(0.1375) == 0.2 && SVGChart.niceStep(2.5) == 5 && SVGChart.niceStep(0.01) == 0.1)
    }
}
