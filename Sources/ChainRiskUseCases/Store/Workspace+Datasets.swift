import ChainRiskCore
public import ChainRiskIngest
import ChainRiskReport
public import ChainRiskStore
import Foundation

/// A request to read trade files into the store as one dataset, atomically.
public struct ImportFilesRequest: Sendable {
    /// The dataset's name; nil for the first file's name without folders and extensions.
    public var name: String?
    public var files: [InputFile]
    public var reading: ReadSettings
    /// Replace an existing dataset of the same name that holds other files.
    public var replace: Bool

    public init(name: String? = nil, files: [InputFile], reading: ReadSettings = ReadSettings(), replace: Bool = false)
    {
        self.name = name
        self.files = files
        self.reading = reading
        self.replace = replace
    }

    /// The file name without folders and without `.gz`, `.csv`, `.json`, `.dat`, `.txt`, `.tsv` extensions, made a
    /// valid dataset name (`DatasetName.derived`: `my data (2).csv` is `my_data__2_`).
    public static func defaultName(for path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".gz", ".csv", ".json", ".dat", ".txt", ".tsv"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return DatasetName.derived(from: name)
    }
}

extension Workspace {
    /// Imports the files as one dataset in one transaction (a malformed line leaves the store unchanged); the same
    /// files under the same name again import nothing. `progress` hears the flows stored so far.
    public func importFiles(_ request: ImportFilesRequest, progress: ImportProgress? = nil) throws -> ImportOutcome {
        guard let first = request.files.first else { throw RequestError("file", "give at least one file to import") }
        for file in request.files where !file.exists {
            throw InputError(.missingFile, "no such file: \(file.displayName)", at: nil)
        }
        let sources = try request.files.map {
            ImportRequest.Source(file: $0, reader: try request.reading.reader(for: $0))
        }
        let name = request.name ?? ImportFilesRequest.defaultName(for: first.path)
        guard !BuiltInDatasets.names.contains(name) else {
            throw RequestError("name", "'\(name)' is a built-in dataset")
        }
        let storeRequest = ImportRequest(
            name: name, sources: sources, options: request.reading.options, strict: request.reading.strict,
            replace: request.replace)
        defer { storeChanged() }
        return try store().importDataset(storeRequest, progress: progress)
    }

    /// Every stored dataset with its provenance, and the built-in ones.
    public func datasetListing() throws -> DatasetListing {
        let letter = try letter()
        return DatasetListing(
            datasets: try store().datasets(), builtin: [.init(name: letter.name, files: letter.files)])
    }

    /// Removes a stored dataset and all its flows; built-in datasets cannot be removed.
    public func removeDataset(named name: String) throws {
        guard !BuiltInDatasets.names.contains(name) else {
            throw RequestError("name", "'\(name)' is built in and cannot be removed")
        }
        defer { storeChanged() }
        try store().removeDataset(named: name)
    }
}

extension Workspace {
    /// Each stored dataset's recorded flow count against the rows the store holds and reads for it, and flows that
    /// belong to no dataset; with `removingOrphans`, those are deleted first.
    public func checkStore(removingOrphans: Bool = false) throws -> (check: StoreConsistency, removed: Int) {
        let store = try store()
        var removed = 0
        if removingOrphans {
            defer { storeChanged() }
            removed = try store.removeOrphans()
        }
        return (try store.checkConsistency(), removed)
    }
}

extension StoreConsistency {
    /// The check as a text table (one row per dataset, then one per orphan group) and a closing line.
    public func renderTable() -> String {
        var table = DataTable(columns: [
            DataTable.Column("name", title: "Dataset"),
            DataTable.Column("recorded", title: "Recorded flows", alignment: .right),
            DataTable.Column("stored", title: "Stored", alignment: .right),
            DataTable.Column("readable", title: "Read", alignment: .right),
            DataTable.Column("status", title: "Status"),
        ])
        for check in datasets {
            table.rows.append([
                .text(check.name), .integer(check.recordedFlows), .integer(check.storedFlows),
                .integer(check.readableFlows),
                .text(check.problem ?? "ok"),
            ])
        }
        for orphan in orphans {
            table.rows.append([
                .text("(no dataset, id \(orphan.datasetID))"), .empty, .integer(orphan.rows), .empty,
                .text("orphan \(orphan.table); `chainrisk datasets --check --remove-orphans` deletes them"),
            ])
        }
        return table.renderText() + "\n\(location): \(summary)\n"
    }
}

extension DatasetListing {
    /// The listing as a text table: name, format, flows, value totals, files' SHA-256, import time, findings; the
    /// built-in datasets last.
    public func renderTable() -> String {
        var table = DataTable(columns: [
            DataTable.Column("name", title: "Dataset"),
            DataTable.Column("format", title: "Format"),
            DataTable.Column("rows", title: "Flows", alignment: .right),
            DataTable.Column("totals", title: "Value total", alignment: .right),
            DataTable.Column("sha256", title: "SHA-256"),
            DataTable.Column("imported", title: "Imported (UTC)"),
            DataTable.Column("findings", title: "Findings", alignment: .right),
        ])
        for info in datasets {
            table.rows.append([
                .text(info.name), .text(info.sourceFormat), .integer(info.rowCount),
                .text(
                    info.valueTotals.keys.sorted().map {
                        "\(NumberFormat.fixed(info.valueTotals[$0] ?? 0, decimals: 0, grouping: true)) \($0)"
                    }.joined(separator: "; ")),
                .text(info.files.map { String($0.sha256.prefix(12)) }.joined(separator: " ")),
                .text(info.importedAt), .integer(info.findingCounts.values.reduce(0, +)),
            ])
        }
        for builtIn in builtin {
            table.rows.append([
                .text(builtIn.name), .text("built-in"), .empty, .empty, .text("(\(builtIn.files.count) tables)"),
                .empty, .empty,
            ])
        }
        return table.renderText()
    }
}
