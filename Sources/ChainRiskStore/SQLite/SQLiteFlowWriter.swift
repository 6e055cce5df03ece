import ChainRiskCore
import ChainRiskIngest
import Foundation
import GRDB
import GRDBSQLite

/// Streams one reader's flows into the integer-coded `flows` table, keeping running totals, on two threads.
///
/// A reading thread parses the file and codes each flow (ids from the code book, the duplicate-key word, the value
/// totals) into batches; the database thread — the one holding the import's transaction — binds each batch's
/// integers straight to a prepared statement (no per-row argument arrays, no text). Parsing and SQLite's inserts,
/// about half of an import each, so overlap on two cores. At most `SQLiteFlowWriter.batchesInFlight` batches wait
/// between the threads: memory stays bounded whatever the file's size.
struct SQLiteFlowWriter {
    let db: Database
    let datasetID: Int64
    let progress: ImportProgress?
    var position = 0
    /// The codes, keys, totals and count of the flows written so far.
    private(set) var coding: FlowCoding
    var stored: Int { coding.count }
    var totals: DatasetValueTotals { coding.totals }
    /// See `FlowCoding.duplicateGroups`.
    mutating func duplicateGroups() -> [[Int]]? { coding.duplicateGroups() }

    static let batchSize = 8_192
    static let batchesInFlight = 4

    init(db: Database, datasetID: Int64, progress: ImportProgress?) throws {
        self.db = db
        self.datasetID = datasetID
        self.progress = progress
        coding = FlowCoding(codes: try FlowCodeBook(db))
    }

    /// Reads `source` and inserts every flow it yields; returns the reader's summary.
    mutating func store(_ source: ImportRequest.Source, options: ReadOptions) throws -> ReadSummary {
        let channel = BatchChannel(capacity: Self.batchesInFlight)
        let coder = FlowCoder(coding: coding)
        let thread = Thread {
            channel.finish(Result { try coder.read(source, options: options, into: channel) })
        }
        thread.name = "chainrisk.import-reader"
        thread.stackSize = 16 << 20
        thread.start()
        do {
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO flows (dataset_id, year, month, reporter, partner, product, flow, value, unit, quantity,
                                       quantity_unit, status, source_file, source_line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            while let batch = channel.take() {
                try batch.codes.write(db)
                try insert(batch, statement.sqliteStatement)
                progress?(batch.endCount, source.file)
            }
        } catch {
            channel.cancel()
            _ = try? channel.outcome()
            throw error
        }
        let (summary, state) = try channel.outcome()
        coding = state.coding
        return summary
    }

    private func insert(_ batch: CodedBatch, _ handle: OpaquePointer?) throws {
        let datasetID = datasetID
        let position = Int64(position)
        for flow in batch.flows {
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, datasetID)
            sqlite3_bind_int64(handle, 2, flow.year)
            sqlite3_bind_int64(handle, 3, flow.month)
            sqlite3_bind_int64(handle, 4, flow.reporter)
            sqlite3_bind_int64(handle, 5, flow.partner)
            sqlite3_bind_int64(handle, 6, flow.product)
            sqlite3_bind_int64(handle, 7, flow.flow)
            if flow.hasValue { sqlite3_bind_double(handle, 8, flow.value) } else { sqlite3_bind_null(handle, 8) }
            sqlite3_bind_int64(handle, 9, flow.unit)
            if flow.hasQuantity {
                sqlite3_bind_double(handle, 10, flow.quantity)
            } else {
                sqlite3_bind_null(handle, 10)
            }
            if flow.quantityUnit != 0 {
                sqlite3_bind_int64(handle, 11, flow.quantityUnit)
            } else {
                sqlite3_bind_null(handle, 11)
            }
            sqlite3_bind_int64(handle, 12, flow.status)
            sqlite3_bind_int64(handle, 13, position)
            sqlite3_bind_int64(handle, 14, flow.line)
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        sqlite3_reset(handle)
    }
}

/// Coded flows with the codes that first appeared in them, and the import's flow count after them.
struct CodedBatch: Sendable {
    var codes = PendingCodes()
    var flows: [CodedFlow] = []
    var endCount = 0
}

/// The reading thread's work: read a file, code its flows, hand them over in batches.
private struct FlowCoder: Sendable {
    var coding: FlowCoding

    func read(_ source: ImportRequest.Source, options: ReadOptions, into channel: BatchChannel) throws -> (
        ReadSummary, FlowCoder
    ) {
        var state = self
        var batch = CodedBatch()
        batch.flows.reserveCapacity(SQLiteFlowWriter.batchSize)
        let file = source.file.displayName
        let summary = try source.reader.read(source.file, options: options) { flow, line in
            batch.flows.append(try state.coding.code(flow, line: line, file: file))
            if batch.flows.count == SQLiteFlowWriter.batchSize {
                batch.codes = state.coding.codes.takePending()
                batch.endCount = state.coding.count
                try channel.put(batch)
                batch.flows.removeAll(keepingCapacity: true)
            }
        }
        batch.codes = state.coding.codes.takePending()
        batch.endCount = state.coding.count
        try channel.put(batch)
        return (summary, state)
    }
}

/// The hand-over between the reading thread and the database thread: a bounded queue of batches, then the reader's
/// outcome. Either side can stop the other: a reading error ends the queue, a database error cancels the reader.
private final class BatchChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [CodedBatch] = []
    private var outcomeValue: Result<(ReadSummary, FlowCoder), any Error>?
    private var cancelled = false

    struct Cancelled: Error {}

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room, then queues `batch`; throws when the database thread has given up.
    func put(_ batch: CodedBatch) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch, or nil once the reader has finished and every batch was taken.
    func take() -> CodedBatch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && outcomeValue == nil { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    func finish(_ outcome: Result<(ReadSummary, FlowCoder), any Error>) {
        condition.lock()
        outcomeValue = outcome
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the reader to finish and returns its summary and state, or throws its error.
    func outcome() throws -> (ReadSummary, FlowCoder) {
        condition.lock()
        while outcomeValue == nil { condition.wait() }
        let outcome = outcomeValue
        condition.unlock()
        guard let outcome else { throw Cancelled() }
        return try outcome.get()
    }
}
