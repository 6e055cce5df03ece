public import ChainRiskCore

/// Reads a JSON scenario file; every mistake is an `InputError` at the file, line and column of the value.
///
/// ```json
/// {
///   "name": "Taiwan electronics stop",
///   "shocks": [
///     {"regions": ["TWN"], "sectors": ["c14"], "loss": 0.5, "weeks": 8,
///      "start_day": 0, "recovery": "linear", "recovery_days": 28},
///     {"regions": ["CHN"], "products": ["8542"], "loss": 0.2, "weeks": 4}
///   ]
/// }
/// ```
/// Required per shock: `regions` (countries ISO3 or table regions), `loss` (0…1) and `weeks` (≥ 0). Optional:
/// `sectors` (codes or ranges such as `c3-c16`; none and no products = every sector), `products` (HS codes),
/// `start_day`, `recovery` (step, linear, exponential; default step), `recovery_days`. Unknown keys are errors.
public struct ScenarioFileReader: Sendable {
    public init() {}

    public func read(_ file: InputFile) throws -> Scenario {
        let tree = try JSONTree.read(try file.open(), file: file.displayName)
        guard case .object(let members, let place) = tree else {
            throw error("expected a JSON object with \"shocks\"", at: tree.location)
        }
        try requireKnown(members, ["name", "shocks", "assumptions"])
        var name = file.displayName
        if let value = member(members, "name") { name = try string(value) }
        guard let shocksValue = member(members, "shocks") else { throw error("missing \"shocks\"", at: place) }
        guard case .array(let elements, let arrayPlace) = shocksValue else {
            throw error("\"shocks\" must be an array", at: shocksValue.location)
        }
        guard !elements.isEmpty else { throw error("\"shocks\" is empty", at: arrayPlace) }
        let assumptions = try member(members, "assumptions").map(strings) ?? []
        return Scenario(
            name: name, source: "file \(file.displayName)", shocks: try elements.map(shock), assumptions: assumptions)
    }

    private func shock(_ tree: JSONTree) throws -> Shock {
        guard case .object(let members, let place) = tree else {
            throw error("each shock must be an object", at: tree.location)
        }
        try requireKnown(
            members, ["regions", "sectors", "products", "loss", "weeks", "start_day", "recovery", "recovery_days"])
        guard let regionsValue = member(members, "regions") else { throw error("a shock needs \"regions\"", at: place) }
        let regions = try strings(regionsValue)
        guard !regions.isEmpty else { throw error("\"regions\" is empty", at: regionsValue.location) }
        guard let lossValue = member(members, "loss") else { throw error("a shock needs \"loss\" (0…1)", at: place) }
        let loss = try number(lossValue)
        guard (0...1).contains(loss) else {
            throw error("\"loss\" must be between 0 and 1, got \(loss)", at: lossValue.location)
        }
        guard let weeksValue = member(members, "weeks") else { throw error("a shock needs \"weeks\"", at: place) }
        let weeks = try number(weeksValue)
        guard weeks > 0, weeks <= Double(Shock.maximumWeeks) else {
            throw error(
                "\"weeks\" must be above 0 and at most \(Shock.maximumWeeks) (100 years), got \(weeks)",
                at: weeksValue.location)
        }
        var recovery = Shock.Recovery.step
        if let value = member(members, "recovery") {
            let text = try string(value)
            guard let chosen = Shock.Recovery(rawValue: text) else {
                throw error(
                    "\"recovery\" must be one of \(Shock.Recovery.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'",
                    at: value.location)
            }
            recovery = chosen
        }
        let start = try member(members, "start_day").map { try whole($0, "start_day") } ?? 0
        let recoveryDays = try member(members, "recovery_days").map { try whole($0, "recovery_days") } ?? 0
        return Shock(
            regions: regions, sectors: try member(members, "sectors").map(strings) ?? [],
            products: try member(members, "products").map(strings) ?? [], capacityLoss: loss, startDay: start,
            durationWeeks: weeks, recovery: recovery, recoveryDays: recoveryDays)
    }

    private func member(_ members: [(key: String, value: JSONTree)], _ key: String) -> JSONTree? {
        members.first { $0.key == key }?.value
    }

    private func requireKnown(_ members: [(key: String, value: JSONTree)], _ allowed: [String]) throws {
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw error(
                "unknown key \"\(unknown.key)\"; expected one of \(allowed.joined(separator: ", "))",
                at: unknown.value.location)
        }
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted {
            throw error(
                "key \"\(member.key)\" appears twice in one object; which one is meant is not clear",
                at: member.value.location)
        }
    }

    private func string(_ tree: JSONTree) throws -> String {
        guard case .scalar(.string(let text), _) = tree else { throw error("expected a string", at: tree.location) }
        return text
    }

    private func strings(_ tree: JSONTree) throws -> [String] {
        guard case .array(let elements, _) = tree else {
            throw error("expected an array of strings", at: tree.location)
        }
        return try elements.map(string)
    }

    private func number(_ tree: JSONTree) throws -> Double {
        guard case .scalar(let scalar, _) = tree, case .number(let value) = scalar else {
            throw error("expected a number", at: tree.location)
        }
        return value.double
    }

    private func whole(_ tree: JSONTree, _ key: String) throws -> Int {
        let value = try number(tree)
        guard value >= 0, value == value.rounded(), value < 100_000 else {
            throw error("\"\(key)\" must be a whole number of days ≥ 0", at: tree.location)
        }
        return Int(value)
    }

    private func error(_ message: String, at place: SourceLocation) -> InputError {
        InputError(.badValue, message, at: place)
    }
}
