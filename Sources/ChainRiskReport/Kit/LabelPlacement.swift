/// Places point labels of a chart so that no two overlap and none covers a point, from estimated text boxes.
///
/// Each label tries positions around its point in a fixed order (right, left, above, below, then the four corners)
/// and takes the first whose box stays inside the plot and clear of every label and point placed so far; points are
/// taken from the one drawn first. A label that fits nowhere shrinks to the point's number, explained in `legend`;
/// a number that fits nowhere next to its point moves out ring by ring and is drawn with a leader line.
/// Text width is estimated at 0.6 em a character (a sans-serif average), so the result is the same on every machine.
struct LabelPlacement {
    struct Box: Equatable {
        var minX, minY, maxX, maxY: Double

        func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        func inside(_ bounds: Box) -> Bool {
            minX >= bounds.minX && maxX <= bounds.maxX && minY >= bounds.minY && maxY <= bounds.maxY
        }
    }

    struct Label {
        let text: String
        let x: Double
        let y: Double
        let anchor: String
        let box: Box
        /// Placed away from its point: the chart draws a line from the point to it.
        var leader = false
    }

    static let fontSize = 10.0
    static let characterWidth = 0.6 * fontSize
    static let pointRadius = 4.0

    private(set) var labels: [Label] = []
    /// "3 Coal (not agglomerated)" for each point shown by its number.
    private(set) var legend: [String] = []

    init(points: [(label: String, x: Double, y: Double)], bounds: Box) {
        var taken = points.map {
            Box(
                minX: $0.x - Self.pointRadius, minY: $0.y - Self.pointRadius, maxX: $0.x + Self.pointRadius,
                maxY: $0.y + Self.pointRadius)
        }
        for point in points {
            // Candidate boxes keep clear of their own point by construction; every other box is in the way.
            let others = { (box: Box) in taken.contains { $0.intersects(box) } }
            if let label = Self.place(point.label, at: point, avoiding: others, bounds: bounds) {
                labels.append(label)
                taken.append(label.box)
                continue
            }
            let number = String(legend.count + 1)
            var label = Self.place(number, at: point, avoiding: others, bounds: bounds)
            var ring = 1
            while label == nil && ring < 12 {
                ring += 1
                label = Self.place(number, at: point, ring: ring, avoiding: others, bounds: bounds)
                label?.leader = true
            }
            guard let label = label ?? Self.candidates(number, at: point).first else { continue }
            legend.append("\(number) \(point.label)")
            labels.append(label)
            taken.append(label.box)
        }
    }

    private static func place(
        _ text: String, at point: (label: String, x: Double, y: Double), ring: Int = 1,
        avoiding overlaps: (Box) -> Bool, bounds: Box
    ) -> Label? {
        candidates(text, at: point, ring: ring).first { $0.box.inside(bounds) && !overlaps($0.box) }
    }

    /// The positions a label tries, in order, with their text boxes (baseline at `y`, descent 0.25 em); ring 1 is
    /// next to the point, each further ring one line height farther out.
    static func candidates(_ text: String, at point: (label: String, x: Double, y: Double), ring: Int = 1) -> [Label] {
        let width = Double(text.count) * characterWidth
        let gap = pointRadius + 3 + Double(ring - 1) * fontSize * 1.2
        let positions: [(x: Double, y: Double, anchor: String)] = [
            (point.x + gap, point.y + fontSize * 0.35, "start"), (point.x - gap, point.y + fontSize * 0.35, "end"),
            (point.x, point.y - gap, "middle"), (point.x, point.y + gap + fontSize * 0.8, "middle"),
            (point.x + gap, point.y - gap, "start"), (point.x + gap, point.y + gap + fontSize * 0.8, "start"),
            (point.x - gap, point.y - gap, "end"), (point.x - gap, point.y + gap + fontSize * 0.8, "end"),
        ]
        return positions.map { position in
            let minX =
                position.anchor == "start"
                ? position.x : position.anchor == "end" ? position.x - width : position.x - width / 2
            let box = Box(
                minX: minX, minY: position.y - fontSize * 0.8, maxX: minX + width, maxY: position.y + fontSize * 0.25)
            return Label(text: text, x: position.x, y: position.y, anchor: position.anchor, box: box)
        }
    }
}
