/// Why an input-output computation cannot go ahead.
public enum IOError: Error, Hashable, Sendable, CustomStringConvertible {
    case notSquare(rows: Int, columns: Int)
    /// LAPACK met an exactly zero pivot at this 1-based position: (I − A) is singular.
    case singular(pivot: Int)
    /// The spectral radius of A is not below 1: no non-negative output meets every final demand.
    /// `table` names the file of the intermediate flows when the caller knows it.
    case notProductive(spectralRadius: Double, table: String? = nil)
    case dimensionMismatch(String)
    case unknownRegion(String, known: [String])
    case unknownSector(String)
    /// A region or sector of the table that an aggregation concordance does not list.
    case missingFromConcordance(String, kind: String)
    /// A value or result is not a finite number, or too large for the arithmetic (the message says which).
    case outOfRange(String)

    /// The same error naming `table` when it says which table is not productive without a name.
    public func naming(table: String) -> IOError {
        if case .notProductive(let radius, nil) = self { return .notProductive(spectralRadius: radius, table: table) }
        return self
    }

    public var description: String {
        switch self {
        case .notSquare(let rows, let columns):
            return "expected a square matrix, got \(rows) × \(columns)"
        case .singular(let pivot):
            return
                "I − A is singular (zero pivot at position \(pivot)); the table has a sector that uses all its own output"
        case .notProductive(let radius, let table):
            return
                "the table \(table.map { "\($0) " } ?? "")is not productive: spectral radius of A is \(radius), it must be below 1"
        case .dimensionMismatch(let message):
            return message
        case .unknownRegion(let region, let known):
            return "unknown region '\(region)'; the table has \(known.joined(separator: ", "))"
        case .unknownSector(let sector):
            return "unknown sector '\(sector)'"
        case .missingFromConcordance(let code, let kind):
            return "\(kind) '\(code)' of the table has no group in the \(kind) concordance"
        case .outOfRange(let message):
            return message
        }
    }
}
