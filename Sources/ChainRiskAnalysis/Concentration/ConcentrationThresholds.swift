public import ChainRiskCore

/// The Herfindahl bands that turn an index into a concentration class, with the rule that applies them.
///
/// Presets: `letter` (CBS and the letter, after the 2010 US horizontal merger guidelines: [0, 0.15) not,
/// [0.15, 0.25) somewhat, [0.25, 1] highly), `us2023` (2023 US merger guidelines: [0, 0.10) not, [0.10, 0.18]
/// somewhat, above 0.18 highly), `eu2004` (2004 EU horizontal merger guidelines: [0, 0.10), [0.10, 0.20),
/// [0.20, 1]), `eu-dependency` (European Commission 2021 dependency criterion: above 0.4 concentrated) and
/// custom bands from `--thresholds 0.15,0.25`.
public struct ConcentrationThresholds: Sendable, Hashable {
    /// A band edge: the index from which the next class starts, inclusive (≥) or exclusive (>).
    public struct Edge: Sendable, Hashable {
        public let value: Double
        public let inclusive: Bool

        public init(_ value: Double, inclusive: Bool = true) {
            self.value = value
            self.inclusive = inclusive
        }

        func isReached(by hhi: Double) -> Bool { inclusive ? hhi >= value : hhi > value }
    }

    /// The preset's name as printed in every output (`letter`, `us2023`, `eu2004`, `eu-dependency`, `custom`).
    public let name: String
    /// One edge (not / concentrated) or two (not / somewhat / highly).
    public let edges: [Edge]
    /// Where the bands come from.
    public let source: String

    public init(name: String, edges: [Edge], source: String) {
        self.name = name
        self.edges = edges
        self.source = source
    }

    public static let letter = ConcentrationThresholds(
        name: "letter", edges: [Edge(0.15), Edge(0.25)],
        source: "CBS / Dutch letter 2021, after the 2010 US horizontal merger guidelines"
    )
    public static let us2023 = ConcentrationThresholds(
        name: "us2023", edges: [Edge(0.10), Edge(0.18, inclusive: false)],
        source: "2023 US merger guidelines (HHI above 1,800 highly concentrated)"
    )
    public static let eu2004 = ConcentrationThresholds(
        name: "eu2004", edges: [Edge(0.10), Edge(0.20)],
        source: "2004 EU horizontal merger guidelines (HHI 1,000 and 2,000)"
    )
    public static let euDependency = ConcentrationThresholds(
        name: "eu-dependency", edges: [Edge(0.4, inclusive: false)],
        source: "European Commission SWD(2021) 352: import HHI above 0.4"
    )

    /// All named presets, in the order outputs list them.
    public static let presets: [ConcentrationThresholds] = [.letter, .us2023, .eu2004, .euDependency]

    /// A preset by name, or custom bands from one or two comma-separated numbers in [0, 1] (`0.15,0.25`).
    public static func named(_ text: String) -> ConcentrationThresholds? {
        if let preset = presets.first(where: { $0.name == text }) { return preset }
        let numbers = text.split(separator: ",").map { Double(String($0).trimmingASCIIWhitespace()) }
        guard (1...2).contains(numbers.count), numbers.allSatisfy({ $0 != nil }) else { return nil }
        // Two edges may come in either order; equal edges leave the middle class empty.
        let values = numbers.compactMap { $0 }.sorted()
        guard values.allSatisfy({ $0 > 0 && $0 <= 1 }) else { return nil }
        return ConcentrationThresholds(name: "custom", edges: values.map { Edge($0) }, source: "custom bands \(text)")
    }

    /// The class of an index under these bands.
    public func classify(_ hhi: Double) -> ConcentrationClass {
        if edges.count == 1 {
            return edges[0].isReached(by: hhi) ? .concentrated : .notConcentrated
        }
        if edges[1].isReached(by: hhi) { return .highlyConcentrated }
        if edges[0].isReached(by: hhi) { return .somewhatConcentrated }
        return .notConcentrated
    }

    /// The rule in words, printed with every table (e.g. `[0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1] highly`).
    public var rule: String { rule(dutch: false) }

    /// The rule in English or in Dutch (`[0; 0,15) niet, [0,15; 0,25) enigszins, [0,25; 1] hoog geconcentreerd`: a
    /// decimal comma, so intervals separate with a semicolon).
    public func rule(dutch: Bool) -> String {
        func number(_ value: Double) -> String {
            let text = NumberFormat.shortest(value)
            return dutch ? String(text.map { $0 == "." ? "," : $0 }) : text
        }
        let comma = dutch ? ";" : ","
        func open(_ edge: Edge) -> String { edge.inclusive ? "[\(number(edge.value))" : "(\(number(edge.value))" }
        func close(_ edge: Edge) -> String { edge.inclusive ? "\(number(edge.value)))" : "\(number(edge.value))]" }
        if dutch {
            if edges.count == 1 {
                return "[0\(comma) \(close(edges[0])) niet geconcentreerd, \(open(edges[0]))\(comma) 1] geconcentreerd"
            }
            return
                "[0\(comma) \(close(edges[0])) niet, \(open(edges[0]))\(comma) \(close(edges[1])) enigszins, \(open(edges[1]))\(comma) 1] hoog geconcentreerd"
        }
        if edges.count == 1 {
            return "[0, \(close(edges[0])) not concentrated, \(open(edges[0])), 1] concentrated"
        }
        return
            "[0, \(close(edges[0])) not, \(open(edges[0])), \(close(edges[1])) somewhat, \(open(edges[1])), 1] highly concentrated"
    }
}
