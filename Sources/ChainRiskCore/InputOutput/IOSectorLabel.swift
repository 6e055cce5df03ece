/// One row (and column) of a multi-regional input-output table: a sector in a region.
public struct IOSectorLabel: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var region: String
    public var sector: String

    public init(region: String, sector: String) {
        self.region = region
        self.sector = sector
    }

    /// Splits a combined label at its last underscore: `EU_OTH_c14` → region `EU_OTH`, sector `c14`.
    ///
    /// A label without an underscore is a sector of a single-region (national) table, region `""`.
    public init(combined label: String) {
        if let underscore = label.lastIndex(of: "_") {
            region = String(label[..<underscore])
            sector = String(label[label.index(after: underscore)...])
        } else {
            region = ""
            sector = label
        }
    }

    /// The label as the matrix layouts write it (`REGION_sector`, or the sector alone for a national table).
    public var combined: String { region.isEmpty ? sector : "\(region)_\(sector)" }
    public var description: String { combined }

    public static func < (lhs: IOSectorLabel, rhs: IOSectorLabel) -> Bool {
        (lhs.region, lhs.sector) < (rhs.region, rhs.sector)
    }
}

/// A final-demand column: a category (households, government, investment …) of a region.
public struct FinalDemandLabel: Hashable, Sendable, CustomStringConvertible {
    public var region: String
    public var category: String

    public init(region: String, category: String) {
        self.region = region
        self.category = category
    }

    public var description: String { region.isEmpty ? category : "\(region)_\(category)" }
}

extension Array where Element == IOSectorLabel {
    /// The sector codes of these industries, each once, in first-seen order (`c1, c2, …` of a multi-regional table).
    public var sectorCodes: [String] {
        var seen = Set<String>()
        return compactMap { seen.insert($0.sector).inserted ? $0.sector : nil }
    }

    /// `value(input, user)` for every using industry and input sector code, at [user * inputs.count + input]: the
    /// layout of per-input, per-user model parameters (stock days, input criticality).
    public func perUserAndInput(_ inputs: [String], _ value: (String, IOSectorLabel) -> Double) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(inputs.count * count)
        for user in self {
            for input in inputs { values.append(value(input, user)) }
        }
        return values
    }
}
