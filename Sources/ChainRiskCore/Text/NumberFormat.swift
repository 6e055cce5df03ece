import Foundation

/// Locale-free number formatting: the same bytes on every machine, whatever `LANG` says.
public enum NumberFormat {
    /// `value` with exactly `decimals` digits after the point, rounded half away from zero, optional
    /// thousands grouping with `groupSeparator` and `decimalSeparator` (Dutch reports use `.` and `,`).
    public static func fixed(
        _ value: Double, decimals: Int, grouping: Bool = false, groupSeparator: Character = ",",
        decimalSeparator: Character = "."
    ) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled > 0
        var digits: String
        if scaled < 1e18 {
            digits = String(UInt64(scaled))
        } else if scaled.isFinite {
            digits = String(format17: scaled)
        } else {
            // Scaling overflowed (a value near the largest double): the integer digits, and zeros after the point.
            digits =
                String(format17: abs(value).rounded(.toNearestOrAwayFromZero)) + String(repeating: "0", count: decimals)
        }
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        let integerPart = String(digits.prefix(digits.count - decimals))
        let fractionPart = String(digits.suffix(decimals))
        var grouped = ""
        if grouping {
            for (index, character) in integerPart.enumerated() {
                if index > 0 && (integerPart.count - index) % 3 == 0 { grouped.append(groupSeparator) }
                grouped.append(character)
            }
        } else {
            grouped = integerPart
        }
        var result = negative ? "-" + grouped : grouped
        if decimals > 0 {
            result.append(decimalSeparator)
            result += fractionPart
        }
        return result
    }

    /// An integer with thousands grouping.
    public static func integer(_ value: Int, groupSeparator: Character = ",") -> String {
        fixed(Double(value), decimals: 0, grouping: true, groupSeparator: groupSeparator)
    }

    /// `value` grouped in threes for a sentence in English (`2,494.5`) or Dutch (`2.494,5`).
    public static func sentence(_ value: Double, decimals: Int = 0, dutch: Bool) -> String {
        fixed(
            value, decimals: decimals, grouping: true, groupSeparator: dutch ? "." : ",",
            decimalSeparator: dutch ? "," : ".")
    }

    /// A threshold as a rule writes it, in the fewest digits that give the value back: `0.4`, `1`, `0.125`.
    public static func shortest(_ value: Double) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
    /// `value` rounded to `digits` significant digits, for numbers printed in full (JSON, CSV) that come out of
    /// BLAS: kernels for different CPUs differ in the last bits, rounded output is the same bytes on every machine.
    public static func stable(_ value: Double, digits: Int = 12) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = Int(log10(abs(value)).rounded(.down))
        let shift = digits - 1 - exponent
        var scale = 1.0
        for _ in 0..<abs(shift) { scale *= 10 }
        return shift >= 0
            ? (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            : (value / scale).rounded(.toNearestOrAwayFromZero) * scale
    }

}

extension String {
    /// The exact decimal digits of a non-negative integral double (from 2^53 on every double is an integer), without
    /// locale or exponent: its significand doubled `exponent` times in base-10⁹ limbs.
    fileprivate init(format17 value: Double) {
        guard value.isFinite else {
            self = "inf"
            return
        }
        guard value >= 9_007_199_254_740_992 else {
            self = String(UInt64(value))
            return
        }
        let shift = Int(value.exponent) - 52
        var significand = UInt64(value.significandBitPattern) | (1 << 52)
        var limbs: [UInt64] = []
        while significand > 0 {
            limbs.append(significand % 1_000_000_000)
            significand /= 1_000_000_000
        }
        for _ in 0..<shift {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % 1_000_000_000
                carry = doubled / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        self = text
    }
}
