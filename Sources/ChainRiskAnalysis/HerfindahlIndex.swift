import ChainRiskCore

/// The Herfindahl(-Hirschman) index of a set of market shares: HHI = Σ sᵢ², on a 0–1 scale.
///
/// One supplier gives 1; two equal suppliers 0.5; shares 50/35/15 % give 0.395 (the letter's examples).
/// Values are turned into shares of their own total, so any currency or scale gives the same index.
public enum HerfindahlIndex {
    /// The index of non-negative values (shares are value / total); nil when the total is not positive.
    /// - Complexity: O(n), compensated summation.
    public static func of(values: some Sequence<Double>) -> Double? {
        var total = CompensatedSum()
        var squares = CompensatedSum()
        for value in values where value > 0 {
            total.add(value)
            squares.add(value * value)
        }
        let sum = total.value
        guard sum > 0 else { return nil }
        return squares.value / (sum * sum)
    }

    /// The index of shares that already sum to 1.
    public static func of(shares: some Sequence<Double>) -> Double {
        var squares = CompensatedSum()
        for share in shares { squares.add(share * share) }
        return squares.value
    }
}
