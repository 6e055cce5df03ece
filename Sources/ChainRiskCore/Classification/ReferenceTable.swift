import Foundation

/// One bundled reference CSV file read into memory: its header and rows, each row as wide as the header.
struct ReferenceTable: Sendable {
    /// The file name, e.g. `countries.csv`, for error messages.
    let resource: String
    let header: [String]
    let records: [ReferenceCSV.Record]

    /// The bundle folder that `scripts/derive_reference_data.py` writes to.
    static let bundleSubdirectory = "Resources/reference"

    /// Reads `name.csv` from `directory`, or from this module's bundle folder `subdirectory` when `directory` is `nil`.
    init(
        named name: String, in directory: URL?, subdirectory: String = ReferenceTable.bundleSubdirectory
    ) throws(ReferenceDataError) {
        let resource = name + ".csv"
        let url: URL
        if let directory {
            url = directory.appendingPathComponent(resource)
        } else if let found = Bundle.module.url(
            forResource: name, withExtension: "csv", subdirectory: subdirectory
        ) {
            url = found
        } else {
            throw ReferenceDataError(.missingResource, resource: resource, "not found in the ChainRiskCore bundle")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReferenceDataError(.missingResource, resource: resource, "no file at \(url.path)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReferenceDataError(.unreadable, resource: resource, "cannot read \(url.path): \(error)")
        }
        try self.init(resource: resource, bytes: Array(data))
    }

    /// Parses CSV bytes and checks that every row has as many fields as the header.
    init(resource: String, bytes: [UInt8]) throws(ReferenceDataError) {
        var records = try ReferenceCSV.parse(bytes, resource: resource)
        guard !records.isEmpty else {
            throw ReferenceDataError(.emptyResource, resource: resource, "no header row")
        }
        let header = records.removeFirst().fields
        for record in records where record.fields.count != header.count {
            throw ReferenceDataError(
                .wrongColumnCount, resource: resource, line: record.line,
                "expected \(header.count) fields, found \(record.fields.count)"
            )
        }
        self.resource = resource
        self.header = header
        self.records = records
    }

    /// The index of each named column, in the order given.
    func columns(_ names: String...) throws(ReferenceDataError) -> [Int] {
        var indices: [Int] = []
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw ReferenceDataError(.missingColumn, resource: resource, "no column '\(name)'")
            }
            indices.append(index)
        }
        return indices
    }

    /// An error about one row's value.
    func badValue(_ message: String, at record: ReferenceCSV.Record) -> ReferenceDataError {
        ReferenceDataError(.badValue, resource: resource, line: record.line, message)
    }

    /// An error about a key seen before.
    func duplicate(_ key: String, at record: ReferenceCSV.Record) -> ReferenceDataError {
        ReferenceDataError(.duplicateKey, resource: resource, line: record.line, "'\(key)' occurs twice")
    }

    /// The field as an integer.
    func integer(_ text: String, column: String, at record: ReferenceCSV.Record) throws(ReferenceDataError) -> Int {
        guard let value = Int(text) else {
            throw badValue("expected a number in '\(column)', found '\(text)'", at: record)
        }
        return value
    }

    /// The field as a country or special code.
    func countryCode(_ text: String, column: String, at record: ReferenceCSV.Record) throws(ReferenceDataError)
        -> CountryCode
    {
        guard let code = CountryCode(rawValue: text) else { throw badValue("empty code in '\(column)'", at: record) }
        return code
    }
}

/// Runs a loader of bundled data for a `shared`-style singleton.
///
/// The bundled files are generated and tested with the package, so a failure here means a broken build, not bad
/// user input: stop with a message that names the file and line.
func loadBundled<Value>(_ what: String, _ load: () throws -> Value) -> Value {
    do {
        return try load()
    } catch {
        fatalError("ChainRiskCore bundled reference data is corrupt (\(what)): \(error)")
    }
}
