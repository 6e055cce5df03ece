public import ChainRiskCore

/// Translates the country codes sources write (CEPII numeric, ISO 3166 alpha-2) into `CountryCode`s.
///
/// The BACI, Comext, canonical and mapped CSV readers resolve codes through it; `.standard` is the bundled
/// `CountryTable`, and a caller (or a test) can supply other lookups. A code the resolver does not know is never
/// dropped: the readers keep a documented special code and record an `unknownCode` finding.
public struct CountryCodeResolver: Sendable {
    /// CEPII numeric code (ISO 3166 numeric with CEPII's own codes such as 251 France, 842 USA) → code.
    public var cepii: @Sendable (Int) -> CountryCode?
    /// ISO 3166 alpha-2 code, upper case → alpha-3 code.
    public var iso2: @Sendable (String) -> CountryCode?
    /// True for a code the table knows: a country, or a special code such as `W00` or `S19`.
    public var isKnown: @Sendable (CountryCode) -> Bool

    /// A resolver over three lookup functions.
    public init(
        cepii: @escaping @Sendable (Int) -> CountryCode?, iso2: @escaping @Sendable (String) -> CountryCode?,
        isKnown: @escaping @Sendable (CountryCode) -> Bool
    ) {
        self.cepii = cepii
        self.iso2 = iso2
        self.isKnown = isKnown
    }

    /// The bundled country table: CEPII exceptions (251 → `FRA`, 490 → `TWN`, 711 → `ZA1` …) over ISO numeric codes.
    public static let standard = CountryCodeResolver(
        cepii: { CountryTable.shared.code(cepii: $0) },
        iso2: { CountryTable.shared.code(iso2: $0) },
        isKnown: { CountryTable.shared.isCountry($0) || CountryTable.shared.specialArea($0) != nil })

    /// The special code a reader keeps for a CEPII code the resolver does not know: `#` and the number, e.g. `#999`.
    public static func unresolvedCEPII(_ code: Int) -> CountryCode {
        CountryCode(verbatim: "#" + String(code))
    }
}

/// Counts the rows that carried each unresolved or special code and where it was first seen.
///
/// Readers record one finding per distinct code at the end of a file instead of one per row, so a file of ten
/// million rows with one unknown partner yields one finding that says how many rows it affected.
struct CodeTally<Code: Hashable & Comparable> {
    private var rows: [Code: Int] = [:]
    private var firstSeen: [Code: SourceLocation] = [:]

    /// Counts one row with `code`; `location` is evaluated only the first time the code is seen.
    mutating func note(_ code: Code, at location: @autoclosure () -> SourceLocation) {
        if let count = rows[code] {
            rows[code] = count + 1
        } else {
            rows[code] = 1
            firstSeen[code] = location()
        }
    }

    var isEmpty: Bool { rows.isEmpty }

    /// A row count for messages: `1 row`, `12 rows`.
    static func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }

    /// One finding per code, in code order, located where the code first appeared.
    func record(
        _ kind: Finding.Kind, into log: inout FindingLog, message: (_ code: Code, _ rows: Int) -> String
    ) {
        for code in rows.keys.sorted() {
            let count = rows[code] ?? 0
            log.record(Finding(kind, message(code, count), at: firstSeen[code]))
        }
    }
}
