public import ChainRiskCore

/// How one product's concentration moves over the years, for one reporter, flow and unit.
///
/// Per year the HHI and class; the change from the first to the last year with an HHI, absolute
/// (HHI_last − HHI_first) and per year ((HHI_last − HHI_first) / (last − first year)); every change of class
/// between consecutive years with an HHI; and the persistence of a flag (by default "highly concentrated"): in k of
/// n years with an HHI, and the longest run of consecutive calendar years flagged. A year without a row, or whose
/// row has no HHI, is missing: it is listed, breaks a run, and counts as neither flagged nor observed. When two
/// rows share a year, the first given is used.
public struct ConcentrationTrend: Sendable, Hashable {
    /// What persistence counts.
    public enum Flag: Sendable, Hashable {
        /// The year's class is this one.
        case concentrationClass(ConcentrationClass)
        /// The year's HHI is above this value.
        case hhiAbove(Double)

        func isRaised(hhi: Double, concentrationClass: ConcentrationClass?) -> Bool {
            switch self {
            case .concentrationClass(let wanted): concentrationClass == wanted
            case .hhiAbove(let threshold): hhi > threshold
            }
        }

        /// The flag in words, e.g. `highly concentrated`, `HHI > 0.4`.
        public var label: String {
            switch self {
            case .concentrationClass(let wanted): wanted.nameEN
            case .hhiAbove(let threshold): "HHI > \(threshold)"
            }
        }
    }

    /// One year.
    public struct Point: Sendable, Hashable {
        public let year: Int
        public let hhi: Double?
        public let concentrationClass: ConcentrationClass?
        public let supplierValue: Double
        public let isFlagged: Bool
    }

    /// A change of class between two observed years.
    public struct ClassChange: Sendable, Hashable {
        public let fromYear: Int
        public let year: Int
        public let from: ConcentrationClass
        public let to: ConcentrationClass

        public init(fromYear: Int, year: Int, from: ConcentrationClass, to: ConcentrationClass) {
            self.fromYear = fromYear
            self.year = year
            self.from = from
            self.to = to
        }
    }

    /// Consecutive calendar years.
    public struct YearRun: Sendable, Hashable {
        public let first: Int
        public let last: Int
        public var length: Int { last - first + 1 }

        public init(first: Int, last: Int) {
            self.first = first
            self.last = last
        }
    }

    public let reporter: CountryCode
    public let flow: FlowKind
    public let product: ProductCode
    public let unit: ValueUnit
    /// One point per year with a row, sorted by year.
    public let points: [Point]
    public let flag: Flag
    /// The first and last years with an HHI; `nil` when no year has one.
    public let firstYear: Int?
    public let lastYear: Int?
    /// HHI_last − HHI_first; `nil` when no year has an HHI, 0 when exactly one has.
    public let change: Double?
    /// `change` / (last − first year); `nil` unless two years have an HHI.
    public let changePerYear: Double?
    public let classChanges: [ClassChange]
    /// Years with an HHI (n).
    public let observedYears: Int
    /// Flagged years (k of n), sorted.
    public let flaggedYears: [Int]
    /// The longest run of flagged consecutive calendar years; the earliest among equals.
    public let longestRun: YearRun?
    /// Calendar years between the first and last year with an HHI that have none, sorted.
    public let missingYears: [Int]

    /// The trend of rows of one (reporter, flow, product, unit); the key is taken from the first row.
    init(rows: [ImportConcentration], flag: Flag) {
        let first = rows[0]
        var byYear: [Int: ImportConcentration] = [:]
        for row in rows where byYear[row.year] == nil { byYear[row.year] = row }
        let points = byYear.keys.sorted().compactMap { year in
            byYear[year].map { row in
                Point(
                    year: year, hhi: row.hhi, concentrationClass: row.concentrationClass,
                    supplierValue: row.supplierValue,
                    isFlagged: row.hhi.map { flag.isRaised(hhi: $0, concentrationClass: row.concentrationClass) }
                        ?? false
                )
            }
        }
        let observed = points.filter { $0.hhi != nil }
        reporter = first.reporter
        flow = first.flow
        product = first.product
        unit = first.unit
        self.points = points
        self.flag = flag
        firstYear = observed.first?.year
        lastYear = observed.last?.year
        if let start = observed.first, let end = observed.last, let startHHI = start.hhi, let endHHI = end.hhi {
            change = endHHI - startHHI
            changePerYear = end.year > start.year ? (endHHI - startHHI) / Double(end.year - start.year) : nil
        } else {
            change = nil
            changePerYear = nil
        }
        let classed = observed.filter { $0.concentrationClass != nil }
        classChanges = zip(classed, classed.dropFirst()).compactMap { before, after in
            guard let from = before.concentrationClass, let to = after.concentrationClass, from != to else {
                return nil
            }
            return ClassChange(fromYear: before.year, year: after.year, from: from, to: to)
        }
        observedYears = observed.count
        flaggedYears = observed.filter(\.isFlagged).map(\.year)
        longestRun = Self.longestRun(of: flaggedYears)
        let seen = Set(observed.map(\.year))
        if let start = firstYear, let end = lastYear {
            missingYears = (start...end).filter { !seen.contains($0) }
        } else {
            missingYears = []
        }
    }

    /// One trend per (reporter, flow, product, unit), sorted by those.
    public static func trends(
        for rows: [ImportConcentration], flag: Flag = .concentrationClass(.highlyConcentrated)
    ) -> [ConcentrationTrend] {
        let sorted = rows.enumerated().sorted { lhs, rhs in
            (lhs.element.reporter, lhs.element.flow, lhs.element.product, lhs.element.unit, lhs.offset)
                < (rhs.element.reporter, rhs.element.flow, rhs.element.product, rhs.element.unit, rhs.offset)
        }.map(\.element)
        var trends: [ConcentrationTrend] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count,
                (sorted[end].reporter, sorted[end].flow, sorted[end].product, sorted[end].unit)
                    == (sorted[start].reporter, sorted[start].flow, sorted[start].product, sorted[start].unit)
            {
                end += 1
            }
            trends.append(ConcentrationTrend(rows: Array(sorted[start..<end]), flag: flag))
            start = end
        }
        return trends
    }

    /// Persistence in words, e.g. `highly concentrated in 3 of 5 years, longest run 2019–2021 (3 years)`.
    public var persistence: String {
        var text = "\(flag.label) in \(flaggedYears.count) of \(observedYears) years"
        if let run = longestRun {
            text +=
                run.length == 1
                ? ", longest run \(run.first) (1 year)" : ", longest run \(run.first)–\(run.last) (\(run.length) years)"
        }
        return text
    }

    static func longestRun(of years: [Int]) -> YearRun? {
        guard let firstYear = years.first else { return nil }
        var best = YearRun(first: firstYear, last: firstYear)
        var current = best
        for year in years.dropFirst() {
            current =
                year == current.last + 1 ? YearRun(first: current.first, last: year) : YearRun(first: year, last: year)
            if current.length > best.length { best = current }
        }
        return best
    }
}
