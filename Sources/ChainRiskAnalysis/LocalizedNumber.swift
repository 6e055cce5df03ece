/// Locale-free numbers for English and Dutch sentences: `2,494` and `0.83` in English, `2.494` and `0,83` in Dutch.
///
/// Rounds half away from zero (as `DecimalText`); groups thousands in threes; never depends on the machine's locale.
enum LocalizedNumber {
    static func en(_ value: Double, places: Int = 0) -> String { text(value, places: places, group: ",", decimal: ".") }

    static func nl(_ value: Double, places: Int = 0) -> String { text(value, places: places, group: ".", decimal: ",") }

    private static func text(_ value: Double, places: Int, group: String, decimal: String) -> String {
        let plain = DecimalText.format(value, places: places)
        guard value.isFinite, abs(value) < 1e15 else { return plain }
        var sign = ""
        var digits = Substring(plain)
        if digits.hasPrefix("-") {
            sign = "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped += group }
            grouped.append(character)
        }
        return sign + grouped + (parts.count > 1 ? decimal + parts[1] : "")
    }
}
