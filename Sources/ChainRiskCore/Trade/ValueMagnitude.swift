/// The sum of the magnitudes of trade values as they are read: while it is finite, no total, share or HHI of those
/// values can overflow.
///
/// Each value may be a valid double (1e308) while two of them sum to infinity and every share to NaN; the reader
/// that meets the value that tips the sum over stops there, naming its file and line.
public struct ValueMagnitude: Sendable {
    public private(set) var sum = 0.0

    public init() {}

    /// Adds `value` (nil adds nothing); throws `badNumber` at `file`:`line` when the sum stops being finite.
    @inline(__always)
    public mutating func add(_ value: Double?, file: String, line: Int) throws(InputError) {
        guard let value else { return }
        sum += value.magnitude
        if !sum.isFinite { throw Self.overflow(value, file: file, line: line) }
    }

    /// True when the magnitudes of the values of all `runs` (NaN standing for none) sum to a finite number.
    public static func isFinite(_ runs: some Sequence<[Double]>) -> Bool {
        var sum = 0.0
        for values in runs {
            for value in values where !value.isNaN { sum += value.magnitude }
        }
        return sum.isFinite
    }

    static func overflow(_ value: Double, file: String, line: Int) -> InputError {
        InputError(
            .badNumber,
            "the value \(value) takes the sum of the data's values past the largest number a double holds "
                + "(about 1.8e308): no total, share or HHI of these values could be computed",
            at: SourceLocation(file: file, line: line, column: 1))
    }
}
