public import ChainRiskCore

/// Reads user disruption events from a CSV file shaped like the letter's Table 1
/// (`letter_table1_events.csv`).
///
/// Columns, by name in any order: `id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks`.
/// `event_nl` is optional (missing or blank: the English name is used, with a `missing_value` finding); other
/// columns are ignored. `category` is one of `natural`, `macro_political`, `malicious_non_state`, `idiosyncratic`;
/// `start` is `YYYY-MM`; `regions` lists ISO 3166 alpha-2 or alpha-3 country codes separated by `;` (stored as
/// alpha-3, a country named twice counts once); sites are a whole number ≥ 0, duration in weeks a number ≥ 0.
/// Ids are whole numbers ≥ 1, unique within the file and not used by `existing` events (the built-in Table 1):
/// a clash is an error naming the line, never a silent renumbering, so an id keeps meaning what the user wrote.
/// Errors are `InputError`s with file:line:column.
public struct EventFileReader {
    /// The events read, in file order, and the recoverable problems met.
    public struct Result: Sendable, Hashable {
        public let events: [DisruptionEvent]
        public let findings: [Finding]
    }

    /// Events the file's ids must not clash with, usually `LetterDataset.events`.
    public var existing: [DisruptionEvent]
    public var countries: CountryTable

    public init(existing: [DisruptionEvent] = [], countries: CountryTable = .shared) {
        self.existing = existing
        self.countries = countries
    }

    /// Reads an events file.
    public func read(_ file: InputFile) throws -> Result {
        try read(source: try file.open(), file: file.displayName)
    }

    /// Reads events from any byte source; `file` names it in errors.
    public func read(source: any ByteSource, file: String) throws -> Result {
        let csv = CSVReader(source: source, file: file, separator: UInt8(ascii: ","))
        let header = try csv.readHeader().map { $0.lowercased() }
        let required = ["id", "event", "category", "start", "regions", "production_sites_affected", "duration_weeks"]
        var column: [String: Int] = [:]
        for name in required + ["event_nl"] { column[name] = header.firstIndex(of: name) }
        if let missing = required.first(where: { column[$0] == nil }) {
            throw InputError(
                .missingColumn,
                "missing column '\(missing)'; expected \(required.joined(separator: ",")) and optionally event_nl",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        let index = { (name: String) in column[name] ?? 0 }
        var events: [DisruptionEvent] = []
        var findings: [Finding] = []
        var firstLine: [Int: Int] = [:]
        let existingByID = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let nextFree = (existing.map(\.id).max() ?? 0) + 1
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            guard let id = try csv.int(index("id"), name: "id"), id >= 1 else {
                throw InputError(
                    .badValue, "expected an event id, a whole number of at least 1", at: csv.location(index("id")))
            }
            if let clash = existingByID[id] {
                throw InputError(
                    .badValue,
                    "event id \(id) is already used by built-in event '\(clash.nameEN)'; give user events ids from \(nextFree) on",
                    at: csv.location(index("id")))
            }
            if let line = firstLine[id] {
                throw InputError(
                    .badValue, "event id \(id) is used twice (first on line \(line))", at: csv.location(index("id")))
            }
            firstLine[id] = csv.line
            let name = csv.string(index("event")).trimmingASCIIWhitespace()
            guard !name.isEmpty else {
                throw InputError(.badValue, "expected an event name", at: csv.location(index("event")))
            }
            var nameNL = column["event_nl"].map { csv.string($0).trimmingASCIIWhitespace() } ?? ""
            if nameNL.isEmpty {
                findings.append(
                    Finding(
                        .missingValue, "event \(id) has no Dutch name; the English name is used",
                        at: csv.location(column["event_nl"] ?? index("event"))))
                nameNL = name
            }
            let categoryText = csv.string(index("category")).trimmingASCIIWhitespace().lowercased()
            guard let category = CauseCategory(rawValue: categoryText) else {
                throw InputError(
                    .badValue,
                    "unknown cause category '\(categoryText)'; expected \(CauseCategory.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: csv.location(index("category")))
            }
            let (year, month) = try start(csv.string(index("start")), at: csv.location(index("start")))
            let regions = try regions(csv.string(index("regions")), at: csv.location(index("regions")))
            guard let sites = try csv.int(index("production_sites_affected"), name: "production_sites_affected"),
                sites >= 0
            else {
                throw InputError(
                    .badValue, "expected the number of production sites affected, a whole number of at least 0",
                    at: csv.location(index("production_sites_affected")))
            }
            guard let weeks = try csv.double(index("duration_weeks"), name: "duration_weeks"), weeks >= 0,
                weeks.isFinite
            else {
                throw InputError(
                    .badValue, "expected the duration in weeks, a number of at least 0",
                    at: csv.location(index("duration_weeks")))
            }
            events.append(
                DisruptionEvent(
                    id: id, nameEN: name, nameNL: nameNL, category: category, startYear: year, startMonth: month,
                    regions: regions, productionSitesAffected: sites, durationWeeks: weeks
                ))
        }
        return Result(events: events, findings: findings)
    }

    /// `YYYY-MM` as year and month (1–12).
    private func start(_ text: String, at location: SourceLocation) throws -> (Int, Int) {
        let parts = text.trimmingASCIIWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else {
            throw InputError(.badValue, "expected a start month as YYYY-MM, found '\(text.prefix(20))'", at: location)
        }
        return (year, month)
    }

    /// Country codes separated by `;`, as alpha-3, first occurrence kept.
    private func regions(_ text: String, at location: SourceLocation) throws -> [CountryCode] {
        var codes: [CountryCode] = []
        for token in text.split(separator: ";") {
            let trimmed = String(token).trimmingASCIIWhitespace()
            if trimmed.isEmpty { continue }
            let code: CountryCode?
            switch trimmed.utf8.count {
            case 2: code = countries.code(iso2: trimmed)
            case 3: code = CountryCode(rawValue: trimmed).flatMap { countries.isCountry($0) ? $0 : nil }
            default: code = nil
            }
            guard let code else {
                throw InputError(
                    .badValue,
                    "unknown country code '\(trimmed)' in regions; expected ISO 3166 alpha-2 or alpha-3 codes separated by ';'",
                    at: location)
            }
            if !codes.contains(code) { codes.append(code) }
        }
        guard !codes.isEmpty else {
            throw InputError(.badValue, "expected at least one country code in regions", at: location)
        }
        return codes
    }
}
