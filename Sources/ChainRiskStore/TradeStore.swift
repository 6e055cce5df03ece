public import ChainRiskCore
import ChainRiskIngest
import Foundation

/// The validated store of trade datasets, whatever database holds it: what the use cases, the CLI and the server ask of
/// it.
///
/// Two backends: `SQLiteTradeStore` (one file, zero set-up, the default) and `PostgresTradeStore` (one database for a
/// team, behind the dashboard and the CLI). `TradeStores.open` picks one from `--db` / `CHAINRISK_DB`. Every dataset
/// records its provenance (files, SHA-256, import time, findings); imports are atomic and idempotent on both.
public protocol TradeStore: AnyObject, Sendable {
    /// Where the store is, for messages and provenance: a file path or a URL without its password.
    var location: String { get }

    /// Imports the request's files as one dataset, atomically: a malformed line anywhere (or any finding under
    /// `strict`) leaves the store as it was. A dataset of the same name holding the same files (by SHA-256) is left
    /// alone and reported as `.alreadyImported`.
    func importDataset(_ request: ImportRequest, progress: ImportProgress?) throws -> ImportOutcome

    /// All stored datasets, sorted by name.
    func datasets() throws -> [DatasetInfo]

    /// The dataset named `name`, or nil.
    func dataset(named name: String) throws -> DatasetInfo?

    /// Removes a dataset and all its flows; throws `unknownDataset` when there is none of that name.
    func removeDataset(named name: String) throws

    /// Calls `body` with each flow of `dataset` that matches `query`, in key order (reporter, year, flow,
    /// classification, product, partner, month, then file and line), without loading them all.
    func forEachFlow(in dataset: String, matching query: FlowQuery, _ body: (TradeFlow) throws -> Void) throws

    /// Each dataset's recorded flow count against the rows the store holds and reads for it, and rows that belong to
    /// no dataset: `chainrisk datasets --check`.
    func checkConsistency() throws -> StoreConsistency

    /// Deletes rows whose dataset no longer exists (flows, and column blocks where the backend has them); returns how
    /// many went.
    func removeOrphans() throws -> Int

    /// A number every import, removal and repair bumps, by any process: a server compares it per request, so a
    /// dataset another process imported or removed is seen on the next request.
    func generation() throws -> Int64

    /// Which reporters, partners and years each flow kind of a dataset holds, for messages about an empty selection.
    func flowCoverage(in dataset: String) throws -> [FlowKind: FlowCoverage]

    /// The flows of kind `stored` of `dataset` as columns in import order (reporter and partner swapped into the
    /// partners' imports with `mirrored`), for the columnar engine; nil when the backend has no columnar read or the
    /// rows do not fit columns, and the caller reads rows instead.
    func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns?
}

extension TradeStore {
    /// No columnar read: callers read rows.
    public func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns? { nil }

    /// Imports without progress reports.
    public func importDataset(_ request: ImportRequest) throws -> ImportOutcome {
        try importDataset(request, progress: nil)
    }

    /// Every flow of `dataset` (in key order), without loading them all.
    public func forEachFlow(in dataset: String, _ body: (TradeFlow) throws -> Void) throws {
        try forEachFlow(in: dataset, matching: FlowQuery(), body)
    }

    /// All flows of `dataset` matching `query`.
    public func flows(in dataset: String, matching query: FlowQuery = FlowQuery()) throws -> [TradeFlow] {
        var result: [TradeFlow] = []
        try forEachFlow(in: dataset, matching: query) { result.append($0) }
        return result
    }
}

extension ImportRequest {
    /// SHA-256 and size of every file, in order; throws when a file is missing or given twice.
    func digests() throws -> [(hex: String, size: Int)] {
        var digests: [(hex: String, size: Int)] = []
        for source in sources {
            guard source.file.exists else {
                throw InputError(.missingFile, "no such file: \(source.file.displayName)", at: nil)
            }
            let digest = try FileDigest.sha256(source.file)
            if let earlier = digests.firstIndex(where: { $0.hex == digest.hex }) {
                throw StoreError(
                    .duplicateFile,
                    "\(source.file.displayName) is the same file as \(sources[earlier].file.displayName)")
            }
            digests.append(digest)
        }
        return digests
    }

    /// The import rules every backend applies in the same words.
    /// - A file that gave no flow is refused; under `strict`, so is a file with any finding but a note.
    func checkFile(_ summary: ReadSummary, _ file: InputFile) throws {
        try summary.requireFlows(in: file)
        if strict, let (count, first) = summary.findings.problems {
            throw InputError(
                .strictFinding,
                "--strict: \(count) finding(s); the first: \(first.kind.rawValue): \(first.message)",
                at: first.location)
        }
    }

    /// Under `strict`, flows that share their whole key refuse the import.
    func checkDuplicates(_ duplicates: FindingLog) throws {
        if strict, let first = duplicates.examples.first {
            throw InputError(
                .strictFinding, "--strict: \(duplicates.total) duplicate key(s); the first: \(first.message)",
                at: first.location)
        }
    }

    /// Refusal of a dataset name that holds other files, unless `replace` allows replacing it.
    func checkReplaceable() throws {
        guard replace else {
            throw StoreError(
                .datasetExists,
                "a dataset named '\(name)' already exists with other files; choose another --name or pass --replace")
        }
    }

    /// The dataset's format from its files' formats: the one format, or all joined with `+`.
    static func datasetFormat(_ formats: [String]) -> String {
        Set(formats).count == 1 ? formats[0] : formats.joined(separator: "+")
    }

    /// A duplicate key as findings name it (`NLD CHN HS2017:440110 import 2021-3`).
    static func describeKey(
        reporter: String, partner: String, classification: String, product: String, flow: String, year: Int, month: Int
    ) -> String {
        "\(reporter) \(partner) \(classification):\(product) \(flow) \(year)\(month > 0 ? "-\(month)" : "")"
    }

    /// The reading options as stored with the dataset (`map.*` column mappings, flow, year, classification, …).
    var storedOptions: [String: String] {
        options.columnMap.reduce(into: [:]) { $0["map." + $1.key] = $1.value }
            .merging(
                [
                    "flow": options.flow?.rawValue, "year": options.year.map(String.init),
                    "classification": options.classification?.token, "reporter": options.reporter?.rawValue,
                    "unit": options.unit?.token,
                ].compactMapValues { $0 }
            ) { first, _ in first }
    }
}

extension ReadSummary {
    /// Throws `InputError.emptyFile` when the file gave no flow at all (a header alone, or only rows that are no
    /// flows): a dataset without flows would make every later analysis of it an empty selection.
    func requireFlows(in file: InputFile) throws {
        guard flowsEmitted == 0 else { return }
        let what =
            recordsRead == 0 ? "no data rows (a header alone?)" : "\(recordsRead) records but no trade flow among them"
        throw InputError(
            .emptyFile, "\(file.displayName) holds \(what); nothing was imported",
            at: SourceLocation(file: file.displayName, line: recordsRead + 2, column: 1))
    }
}

/// Encoding and decoding of the JSON columns every backend stores alike.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// Now, as ISO 8601 UTC.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
