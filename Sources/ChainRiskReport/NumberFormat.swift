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
        var digits = scaled < 1e18 ? String(UInt64(scaled)) : String(format17: scaled)
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
}

extension String {
    /// Digits of a large non-negative integral double, without locale or exponent.
    fileprivate init(format17 value: Double) {
        var digits: [Character] = []
        var remaining = value
        while remaining >= 1 {
            let digit = remaining.truncatingRemainder(dividingBy: 10)
            digits.append(Character(String(Int(digit))))
            remaining = (remaining - digit) / 10
        }
        self = digits.isEmpty ? "0" : String(digits.reversed())
    }
}
