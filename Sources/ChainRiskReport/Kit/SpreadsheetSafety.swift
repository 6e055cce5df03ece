import Foundation

/// Whether CSV text cells that a spreadsheet would run as a formula are neutralised, for the whole process.
///
/// A cell beginning `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice (OWASP's CSV
/// injection); chainrisk writes names from its inputs (products, sectors, events), so by default such a cell gets a
/// leading `'`, which spreadsheets show as text. `--raw-csv` keeps cells as they are, for programs that read the CSV.
public enum SpreadsheetSafety {
    private static let state = State()

    /// True (the default) when formula-like cells are neutralised.
    public static var neutralisesFormulas: Bool {
        get { state.value }
        set { state.value = newValue }
    }

    /// `text` with a leading `'` when a spreadsheet would evaluate it; a plain number (`-12.5`) and a lone `-` (a
    /// placeholder) stay as they are.
    public static func neutralised(_ text: String) -> String {
        guard neutralisesFormulas, let first = text.utf8.first, triggers.contains(first), text.utf8.count > 1,
            Double(text) == nil
        else {
            return text
        }
        return "'" + text
    }

    /// True when `text` starts with a byte that may make a spreadsheet evaluate it (the cheap test before `neutralised`).
    @inline(__always)
    static func mayTrigger(_ first: UInt8?) -> Bool {
        guard let first else { return false }
        return triggers.contains(first)
    }

    private static let triggers: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var neutralise = true

        var value: Bool {
            get { lock.withLock { neutralise } }
            set { lock.withLock { neutralise = newValue } }
        }
    }
}
