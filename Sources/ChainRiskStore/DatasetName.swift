/// The rule for naming a new dataset, the same from the CLI, a fetch and the API: a letter or digit, then letters,
/// digits, `.`, `_` and `-`, at most 100 characters in all.
///
/// A name is printed in tables, file names and URLs; a newline, a terminal escape or an empty name would forge a row
/// or never be reachable. Datasets stored under other names before the rule existed are still read and removed.
public enum DatasetName {
    public static let longest = 100

    /// True when `name` follows the rule.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= longest, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// Throws `badName` unless `name` follows the rule; the message shows the name with its odd characters escaped.
    public static func require(_ name: String) throws(StoreError) {
        guard !isValid(name) else { return }
        let shown = name.unicodeScalars.prefix(60).map {
            $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? String($0) : $0.escaped(asASCII: true)
        }.joined()
        throw StoreError(
            .badName,
            "dataset name '\(shown)\(name.unicodeScalars.count > 60 ? "…" : "")' is not allowed: it must start with a letter or "
                + "digit and hold only letters, digits, '.', '_' and '-' (at most \(longest) characters)")
    }

    /// A valid name made from `text` (a file name): other characters become `_`, leading ones that may not start a
    /// name are dropped, and the result is cut at `longest`; `dataset` when nothing is left.
    public static func derived(from text: String) -> String {
        var bytes = text.utf8.map {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") ? $0 : UInt8(ascii: "_")
        }
        while let first = bytes.first, !isAlphanumeric(first) { bytes.removeFirst() }
        let name = String(decoding: bytes.prefix(longest), as: UTF8.self)
        return name.isEmpty ? "dataset" : name
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
