public import Foundation

/// The names of HS 1992–2017 codes that HS 2022 lacks or names differently, by edition.
///
/// BACI reports in HS 1992 and UN Comtrade in the edition a country used: 1,111 HS 1992 subheadings, headings and
/// chapters no longer exist in HS 2022 and 1,479 more changed scope, so HS 2022's text would be missing or wrong.
/// Derived by `scripts/derive_hs_edition_names.py`; sources in `Resources/hs_editions/SOURCES.md`.
public struct HSEditionNames: Sendable {
    private let names: [String: [String: String]]

    /// The editions with their own names, e.g. `["1992", "1996", …, "2017"]`.
    public var editions: [String] { names.keys.sorted() }

    /// The bundled table, read once on first use; stops the program if the bundled file is corrupt.
    public static let bundled = loadBundled("HS edition names") {
        try HSEditionNames(reading: ReferenceTable(named: "hs_edition_descriptions", in: nil, subdirectory: folder))
    }

    static let folder = "Resources/hs_editions"

    /// Reads a file in the bundled format (`edition,code,description`) from `directory`.
    public init(directory: URL) throws(ReferenceDataError) {
        try self.init(reading: ReferenceTable(named: "hs_edition_descriptions", in: directory))
    }

    private init(reading table: ReferenceTable) throws(ReferenceDataError) {
        let column = try table.columns("edition", "code", "description")
        var names: [String: [String: String]] = [:]
        for record in table.records {
            let edition = record.fields[column[0]]
            let code = record.fields[column[1]]
            guard [2, 4, 6].contains(code.count), code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw table.badValue("'\(code)' is not an HS chapter, heading or subheading", at: record)
            }
            guard names[edition, default: [:]].updateValue(record.fields[column[2]], forKey: code) == nil else {
                throw table.duplicate("\(edition) \(code)", at: record)
            }
        }
        self.names = names
    }

    /// Every code of HS `edition` this table names, with its description.
    public func names(in edition: String) -> [String: String] { names[edition] ?? [:] }

    /// The description of `code` in HS `edition` (e.g. `"1992"`) where it differs from HS 2022's; `nil` otherwise.
    public func description(of code: String, edition: String) -> String? { names[edition]?[code] }
}
