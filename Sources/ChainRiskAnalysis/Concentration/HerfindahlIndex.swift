import ChainRiskCore

/// The Herfindahl(-Hirschman) index of a set of market shares: HHI = Σ sᵢ², on a 0–1 scale.
///
/// One supplier gives 1; two equal suppliers 0.5; shares 50/35/15 % give 0.395 (the letter's examples).
/// Values are turned into shares of their own total, so any currency or scale gives the same index.
public enum HerfindahlIndex {
    /// The index of non-negative values (shares are value / total); nil when the total is not positive.
    ///
    /// Values so large that their squares or their total's square overflow (above about 1e154) are scaled by a power
    /// of two first, which changes no share: one supplier of 1e200 still gives 1.
    /// - Complexity: O(n), compensated summation.
    public static func of(values: some Collection<Double>) -> Double? {
        var total = CompensatedSum()
        var squares = CompensatedSum()
        var largest = 0.0
        for value in values where value > 0 {
            total.add(value)
            squares.add(value * value)
            largest = max(largest, value)
        }
        let sum = total.value
        guard sum > 0 else { return nil }
        let index = squares.value / (sum * sum)
        if index.isFinite && squares.value.isFinite && (sum * sum).isFinite { return index }
        guard largest.isFinite else { return nil }
        // Scaled so the largest value is in [1, 2): exact, since only the exponent changes.
        let scale = Double(sign: .plus, exponent: -largest.exponent, significand: 1)
        total = CompensatedSum()
        squares = CompensatedSum()
        for value in values where value > 0 {
            let scaled = value * scale
            total.add(scaled)
            squares.add(scaled * scaled)
        }
        let scaledSum = total.value
        return scaledSum > 0 ? squares.value / (scaledSum * scaledSum) : nil
    }

    /// The index of shares that already sum to 1.
    public static func of(shares: some Sequence<Double>) -> Double {
        var squares = CompensatedSum()
        for share in shares { squares.add(share * share) }
        return squares.value
    }
}
