/// Locale-free decimal text for explanations in results: `0.52` → "0.520" with three places.
///
/// Rounds half away from zero; never inserts grouping separators; non-finite values print as Swift does ("inf").
enum DecimalText {
    static func format(_ value: Double, places: Int = 3) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + String(scaled / scale) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// A threshold as written in a rule: `0.4`, `1`, `0.5`.
    static func threshold(_ value: Double) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
