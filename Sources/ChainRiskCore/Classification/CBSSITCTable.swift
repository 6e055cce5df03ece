public import Foundation

/// The `SITC` dimension keys of CBS StatLine table 85427NED and the SITC rev. 4 section each stands for.
///
/// CBS files carry keys (`A018524`), not codes; the CBS reader turns them into `ProductCode`s in SITC rev. 4.
/// `T001082` is `TOTAL`; `A051811` "Niet fysiek in Nederland" (goods that never cross the Dutch border) is `NPNL`,
/// a code of this project.
public struct CBSSITCTable: Sendable {
    /// One dimension key.
    public struct Entry: Hashable, Sendable {
        /// The dimension key, e.g. `A018524`.
        public let key: String
        /// The Dutch title as StatLine shows it (CBS truncates long titles with `...`).
        public let titleNL: String
        /// The SITC section digit, `TOTAL` or `NPNL`.
        public let sitcCode: String
    }

    /// All keys, sorted.
    public let entries: [Entry]
    private let byKey: [String: Entry]
    private let byCode: [String: Entry]

    /// The table bundled with ChainRiskCore, read once on first use; stops the program if it is corrupt.
    public static let shared = loadBundled("CBS SITC keys") { try CBSSITCTable(reading: nil) }

    /// Reads the bundled `cbs_sitc.csv`.
    public static func bundled() throws(ReferenceDataError) -> CBSSITCTable { try CBSSITCTable(reading: nil) }

    /// Reads `cbs_sitc.csv` from a directory.
    public init(directory: URL) throws(ReferenceDataError) { try self.init(reading: directory) }

    private init(reading directory: URL?) throws(ReferenceDataError) {
        let table = try ReferenceTable(named: "cbs_sitc", in: directory)
        let column = try table.columns("key", "title_nl", "sitc_code")
        var byKey: [String: Entry] = [:]
        var byCode: [String: Entry] = [:]
        for record in table.records {
            let entry = Entry(
                key: record.fields[column[0]], titleNL: record.fields[column[1]], sitcCode: record.fields[column[2]])
            guard byKey.updateValue(entry, forKey: entry.key) == nil else {
                throw table.duplicate(entry.key, at: record)
            }
            guard byCode.updateValue(entry, forKey: entry.sitcCode) == nil else {
                throw table.duplicate(entry.sitcCode, at: record)
            }
        }
        self.byKey = byKey
        self.byCode = byCode
        entries = byKey.values.sorted { $0.key < $1.key }
    }

    /// The SITC code for a dimension key (`A018524` → `0`, `T001082` → `TOTAL`).
    public func sitcCode(key: String) -> String? { byKey[key.trimmingASCIIWhitespace()]?.sitcCode }

    /// The dimension key for an SITC section digit, `TOTAL` or `NPNL` (`3` → `A018591`).
    public func key(sitcCode: String) -> String? { byCode[sitcCode.trimmingASCIIWhitespace()]?.key }
}
