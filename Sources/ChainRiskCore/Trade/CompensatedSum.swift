/// A running sum with Neumaier's compensation, so totals over millions of values keep full precision.
///
/// Plain `+=` loses low-order digits when adding small values to a large total; the compensation term keeps them.
public struct CompensatedSum: Sendable, Hashable, Codable {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    @inlinable
    public init() {}

    @inlinable
    public mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// The compensated total.
    @inlinable
    public var value: Double { sum + compensation }
}
