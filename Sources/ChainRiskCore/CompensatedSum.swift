/// A running sum with Neumaier's compensation, so totals over millions of values keep full precision.
///
/// Plain `+=` loses low-order digits when adding small values to a large total; the compensation term keeps them.
public struct CompensatedSum: Sendable, Hashable, Codable {
    private var sum = 0.0
    private var compensation = 0.0

    public init() {}

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
    public var value: Double { sum + compensation }
}
