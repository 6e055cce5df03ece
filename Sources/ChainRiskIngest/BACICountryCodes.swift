import ChainRiskCore

/// Translates the country codes sources write (CEPII numeric, ISO 3166 alpha-2) into `CountryCode`s.
///
/// The BACI, Comext, canonical and mapped CSV readers resolve codes through it, so that a caller (or a test) can
/// supply its own table. A code the resolver does not know is never dropped: the readers keep a documented special
/// code and record an `unknownCode` finding.
public struct CountryCodeResolver: Sendable {
    /// CEPII numeric code (ISO 3166 numeric with CEPII's own codes such as 251 France, 842 USA) → code.
    public var cepii: @Sendable (Int) -> CountryCode?
    /// ISO 3166 alpha-2 code, upper case → alpha-3 code.
    public var iso2: @Sendable (String) -> CountryCode?

    /// A resolver over two lookup functions (e.g. the shared country table).
    public init(cepii: @escaping @Sendable (Int) -> CountryCode?, iso2: @escaping @Sendable (String) -> CountryCode?) {
        self.cepii = cepii
        self.iso2 = iso2
    }

    /// A resolver over explicit tables, e.g. `cepii: [251: "FRA"]`, `iso2: ["FR": "FRA"]`.
    public init(cepii cepiiTable: [Int: String], iso2 iso2Table: [String: String]) {
        let cepiiCodes = cepiiTable.mapValues { CountryCode(verbatim: $0) }
        let iso2Codes = iso2Table.mapValues { CountryCode(verbatim: $0) }
        self.init(cepii: { cepiiCodes[$0] }, iso2: { iso2Codes[$0] })
    }

    /// The resolver the command line uses.
    public static let standard = CountryCodeResolver(cepii: [:], iso2: [:])

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
