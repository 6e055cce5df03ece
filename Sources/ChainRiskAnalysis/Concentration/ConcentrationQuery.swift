public import ChainRiskCore

/// The filters of a concentration query — flow, reporters, years, product prefix, level, thresholds, class, value
/// floor and top N — as `chainrisk concentration` and the server's `/api/v1/concentration` both take them.
///
/// One type so that both interfaces select the same rows and name the same settings in the provenance.
public struct ConcentrationQuery: Sendable, Hashable {
    /// A parameter whose value cannot be used; `parameter` is its name without dashes (`flow`, `class`, …).
    public struct InvalidParameter: Error, Sendable, Hashable, CustomStringConvertible {
        public let parameter: String
        public let message: String

        public init(parameter: String, message: String) {
            self.parameter = parameter
            self.message = message
        }

        public var description: String { message }
    }

    public var thresholds: ConcentrationThresholds
    /// `import` (imports and imports for own use), `all`, or one flow token.
    public var flow: String
    public var level: Int?
    public var reporters: [CountryCode]
    public var years: [Int]
    public var productPrefix: String?
    /// The HS edition every product code is moved into before the analysis (`--hs-version`), so that years reported
    /// in different editions compare like with like; nil leaves codes as reported.
    public var hsVersion: HSEditionBridge.Edition?
    /// The class filter as given: `not`, `somewhat`, `high`, `concentrated` (or the long tokens).
    public var concentrationClass: String?
    /// Only rows whose total value, in base units of the currency, is above this.
    public var minimumValue: Double?
    /// The N largest products by total value per reporter, year and flow.
    public var top: Int?
    /// Drop products not relevant to business (the letter's BEC rule).
    public var relevantOnly: Bool
    /// With no `years`: every year (true) or each reporter's latest year with data (false, the default).
    public var allYears = false

    public init(
        thresholds: ConcentrationThresholds = .letter, flow: String = "import", level: Int? = nil,
        reporters: [CountryCode] = [],
        years: [Int] = [], productPrefix: String? = nil, concentrationClass: String? = nil, minimumValue: Double? = nil,
        top: Int? = nil, relevantOnly: Bool = false
    ) {
        self.thresholds = thresholds
        self.flow = flow
        self.level = level
        self.reporters = reporters
        self.years = years
        self.productPrefix = productPrefix
        self.concentrationClass = concentrationClass
        self.minimumValue = minimumValue
        self.top = top
        self.relevantOnly = relevantOnly
    }

    /// The flow kinds `flow` selects.
    public func flowKinds() throws(InvalidParameter) -> [FlowKind] {
        switch flow.lowercased() {
        case "all": return FlowKind.allCases
        case "import", "imports": return [.imports, .importsForOwnUse]
        default:
            guard let kind = FlowKind(token: flow) else {
                throw InvalidParameter(
                    parameter: "flow",
                    message:
                        "unknown flow '\(flow)'; use import, export, import_own_use, export_own_make, re_export or all")
            }
            return [kind]
        }
    }

    /// The class `concentrationClass` names, nil when it is not set.
    public func wantedClass() throws(InvalidParameter) -> ConcentrationClass? {
        guard let concentrationClass else { return nil }
        switch concentrationClass.lowercased() {
        case "not", "not_concentrated": return .notConcentrated
        case "somewhat", "somewhat_concentrated": return .somewhatConcentrated
        case "high", "highly", "highly_concentrated": return .highlyConcentrated
        case "concentrated": return .concentrated
        default:
            throw InvalidParameter(
                parameter: "class",
                message: "unknown class '\(concentrationClass)'; use not, somewhat, high or concentrated")
        }
    }

    /// The class, value and top-N filters, in that order.
    public func select(_ rows: [ImportConcentration]) throws(InvalidParameter) -> [ImportConcentration] {
        var rows = rows
        if let wanted = try wantedClass() {
            rows = rows.filter { $0.concentrationClass == wanted }
        }
        if let minimumValue {
            rows = rows.filter { $0.unit.baseValue($0.totalValue) > minimumValue }
        }
        if let top {
            let groups = Dictionary(grouping: rows) { GroupKey(reporter: $0.reporter, year: $0.year, flow: $0.flow) }
            rows = groups.keys.sorted().flatMap { key in
                NestedCodes.top(groups[key] ?? [], limit: top)
            }
        }
        return rows
    }

    /// The settings named in the provenance block.
    public var settings: [String: String] {
        var settings = ["thresholds": thresholds.name, "thresholds_rule": thresholds.rule, "flow": flow]
        if let level { settings["level"] = String(level) }
        if !reporters.isEmpty { settings["reporter"] = reporters.map(\.rawValue).joined(separator: ",") }
        if !years.isEmpty {
            settings["year"] = years.map(String.init).joined(separator: ",")
        } else {
            settings["year"] = allYears ? "all" : "each reporter's latest year in the data"
        }
        if let productPrefix { settings["product"] = productPrefix }
        if let hsVersion {
            settings["hs_version"] = hsVersion.rawValue
            settings["hs_version_rule"] = HSBridgingRule.text(hsVersion)
        }
        if let concentrationClass { settings["class"] = concentrationClass }
        if let minimumValue { settings["min_value"] = String(minimumValue) }
        if let top {
            settings["top"] = String(top)
            settings["top_rule"] = NestedCodes.rule
        }
        if relevantOnly { settings["relevant_only"] = ProductRelevance.rule }
        return settings
    }

    /// The rows of the years asked for: with no `years` and not `allYears`, each reporter's latest year (rows per
    /// flow follow their reporter's latest year of that flow).
    public func latestYearRows(_ rows: [ImportConcentration]) -> [ImportConcentration] {
        guard years.isEmpty, !allYears else { return rows }
        var latest: [LatestKey: Int] = [:]
        for row in rows {
            latest[LatestKey(reporter: row.reporter, flow: row.flow), default: row.year] = max(
                latest[LatestKey(reporter: row.reporter, flow: row.flow)] ?? row.year, row.year)
        }
        return rows.filter { latest[LatestKey(reporter: $0.reporter, flow: $0.flow)] == $0.year }
    }

    private struct LatestKey: Hashable {
        let reporter: CountryCode
        let flow: FlowKind
    }

    private struct GroupKey: Hashable, Comparable {
        let reporter: CountryCode
        let year: Int
        let flow: FlowKind

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            (lhs.reporter, lhs.year, lhs.flow) < (rhs.reporter, rhs.year, rhs.flow)
        }
    }
}
