/// Locale-free number parsing on raw bytes, the CSV hot path.
///
/// Decimal point only (`1.5`, `-2e3`); a decimal comma or a thousands separator is a source-specific matter
/// that the reader for that source handles. Results equal `Double(String)` (correct rounding): the fast path is
/// Clinger's exact case (mantissa below 2⁵³, power of ten at most 22), anything else falls back to the
/// standard library.
public enum NumberParser {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The bytes without leading and trailing blanks.
    @inline(__always)
    public static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Parses a decimal floating-point number; nil when the bytes are not one (including `nan`, `inf`, and numbers
    /// too large for a `Double`, such as `1e400`, which would otherwise turn into infinity).
    public static func double(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var index = 0
        let count = bytes.count
        guard count > 0 else { return nil }
        var negative = false
        if bytes[0] == 0x2D || bytes[0] == 0x2B {
            negative = bytes[0] == 0x2D
            index = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var significantDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if mantissa != 0 || byte != 0x30 { significantDigits += 1 }
                if significantDigits <= 19 {
                    mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                }
                if sawPoint { fractionDigits += 1 }
            } else if byte == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        var exponent = 0
        if index < count {
            guard bytes[index] == 0x65 || bytes[index] == 0x45 else { return nil }
            index += 1
            var exponentNegative = false
            if index < count && (bytes[index] == 0x2D || bytes[index] == 0x2B) {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            var exponentDigits = 0
            while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] - 0x30) }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0, index == count else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        let decimalExponent = exponent - fractionDigits
        if significantDigits <= 15 && mantissa < (1 << 53) && decimalExponent >= -22 && decimalExponent <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 {
                value /= powersOfTen[-decimalExponent]
            } else {
                value *= powersOfTen[decimalExponent]
            }
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Parses a decimal integer with an optional sign; nil when the bytes are not one or it overflows.
    public static func int(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count > 0 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == 0x2D || bytes[0] == 0x2B {
            negative = bytes[0] == 0x2D
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// Convenience for strings (tests, small files).
    public static func double(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { double(trim(UnsafeRawBufferPointer($0))) }
    }
}
