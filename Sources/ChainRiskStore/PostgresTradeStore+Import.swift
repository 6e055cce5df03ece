import ChainRiskCore
import ChainRiskIngest
import Dispatch
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresTradeStore {
    /// Imports the request's files as one dataset in one PostgreSQL transaction (see `TradeStore`); flows stream
    /// through `COPY flows FROM STDIN` in 256 KB chunks, at most eight in flight, so memory stays bounded.
    ///
    /// postgres-nio offers COPY in its text format only; values are written in the shortest form that reads back to
    /// the same double, so SQLite and PostgreSQL hold the same numbers.
    public func importDataset(_ request: ImportRequest, progress: ImportProgress?) throws -> ImportOutcome {
        let digests = try request.digests()
        let hashes = digests.map(\.hex)
        return try pool.withConnection { connection in
            let logger = pool.logger
            return try Self.transaction(connection, logger: logger) { () throws -> ImportOutcome in
                try Self.execute(connection, "SELECT pg_advisory_xact_lock(\(PostgresSchema.writerLock))", logger: logger, "lock the store for writing")
                if let existing = try Self.datasetID(connection, name: request.name, logger: logger) {
                    let stored = try Self.rows(connection, "SELECT sha256 FROM dataset_files WHERE dataset_id = \(existing) ORDER BY position", logger: logger, "read the files of '\(request.name)'")
                        .map { try $0.decode(String.self) }
                    if stored == hashes { return .alreadyImported(try Self.datasetInfo(connection, id: existing, logger: logger)) }
                    try request.checkReplaceable()
                    try Self.execute(connection, "DELETE FROM flows WHERE dataset_id = \(existing)", logger: logger, "replace '\(request.name)'")
                    try Self.execute(connection, "DELETE FROM datasets WHERE id = \(existing)", logger: logger, "replace '\(request.name)'")
                }
                let options = try StoredJSON.encode(request.storedOptions)
                guard let id = try Self.rows(connection, """
                    INSERT INTO datasets (name, source_format, imported_at, chainrisk_version, row_count, value_totals, findings, options)
                    VALUES (\(request.name), '', \(StoredJSON.timestamp()), \(ChainRiskVersion.current), 0, '{}', '{}', \(options)) RETURNING id
                    """, logger: logger, "create dataset '\(request.name)'").first.map({ try $0.decode(Int64.self) }) else {
                    throw StoreError(.unavailable, "PostgreSQL returned no id for dataset '\(request.name)'")
                }
                var copy = PostgresFlowCopy(datasetID: id, progress: progress)
                var findings = FindingLog()
                var formats: [String] = []
                for (position, source) in request.sources.enumerated() {
                    let summary = try copy.copy(source, position: position, options: request.options, connection: connection, logger: logger)
                    try request.checkFile(summary, source.file)
                    findings.merge(summary.findings)
                    formats.append(summary.format.rawValue)
                    try Self.execute(connection, """
                        INSERT INTO dataset_files VALUES (\(id), \(Int32(position)), \(source.file.displayName), \(hashes[position]),
                        \(Int64(digests[position].size)), \(summary.format.rawValue), \(Int64(summary.recordsRead)), \(Int64(summary.flowsEmitted)))
                        """, logger: logger, "record the files of '\(request.name)'")
                }
                let duplicates = try Self.duplicateKeyFindings(connection, datasetID: id, files: request.sources.map(\.file), logger: logger)
                try request.checkDuplicates(duplicates)
                findings.merge(duplicates)
                let format = ImportRequest.datasetFormat(formats)
                try Self.execute(connection, """
                    UPDATE datasets SET source_format = \(format), row_count = \(Int64(copy.stored)),
                    value_totals = \(try StoredJSON.encode(copy.totals.totals())), findings = \(try StoredJSON.encode(StoredFindings(findings)))
                    WHERE id = \(id)
                    """, logger: logger, "complete dataset '\(request.name)'")
                return .imported(try Self.datasetInfo(connection, id: id, logger: logger))
            }
        }
    }

    /// Flows that share their whole key within the dataset, as findings with the line of the last one.
    private static func duplicateKeyFindings(_ connection: PostgresConnection, datasetID: Int64, files: [InputFile], logger: Logger) throws -> FindingLog {
        var log = FindingLog()
        let keys = try rows(connection, """
            SELECT reporter, year, flow, classification, product, partner, month, count(*)
            FROM flows WHERE dataset_id = \(datasetID)
            GROUP BY reporter, year, flow, classification, product, partner, month
            HAVING count(*) > 1
            ORDER BY reporter, year, flow, classification, product, partner, month
            """, logger: logger, "look for duplicate keys")
        for (index, key) in keys.enumerated() {
            let (reporter, year, flow, classification, product, partner, month, count) = try key.decode((String, Int, String, String, String, String, Int, Int).self)
            let description = ImportRequest.describeKey(
                reporter: reporter, partner: partner, classification: classification, product: product, flow: flow, year: year, month: month)
            guard index < log.examplesPerKind else {
                log.record(Finding(.duplicateKey, "\(count) flows share the key \(description)"))
                continue
            }
            let lines = try rows(connection, """
                SELECT source_file, source_line FROM flows
                WHERE dataset_id = \(datasetID) AND reporter = \(reporter) AND year = \(Int32(year)) AND flow = \(flow)
                AND classification = \(classification) AND product = \(product) AND partner = \(partner) AND month = \(Int32(month))
                ORDER BY source_file, source_line
                """, logger: logger, "locate duplicate keys").map { try $0.decode((Int, Int).self) }
            guard let first = lines.first, let last = lines.last else { continue }
            log.record(Finding(
                .duplicateKey, "\(count) flows share the key \(description); first at line \(first.1)",
                at: SourceLocation(file: files[last.0].displayName, line: last.1, column: 1)))
        }
        return log
    }
}

/// Streams one reader's flows into `COPY flows FROM STDIN` (text format), keeping the running count and totals.
struct PostgresFlowCopy {
    let datasetID: Int64
    let progress: ImportProgress?
    private(set) var stored = 0
    private(set) var totals = DatasetValueTotals()

    init(datasetID: Int64, progress: ImportProgress?) {
        self.datasetID = datasetID
        self.progress = progress
    }

    static let columns = ["dataset_id", "year", "month", "reporter", "partner", "classification", "product", "flow", "value",
                          "unit", "quantity", "quantity_unit", "status", "source_file", "source_line"]
    static let chunkBytes = 1 << 18

    /// Reads `source` on this thread while a task sends the rows to PostgreSQL; throws the reader's error for a bad
    /// file (the transaction then rolls back) and a `StoreError` when the server refuses the data.
    mutating func copy(_ source: ImportRequest.Source, position: Int, options: ReadOptions, connection: PostgresConnection, logger: Logger) throws -> ReadSummary {
        let channel = CopyChannel(capacity: 8)
        let finished = DispatchSemaphore(value: 0)
        let outcome = CopyOutcome()
        let stream = channel.stream
        // The writing task runs on a thread of its own: this thread blocks while it reads, and it may itself be one of
        // Swift's cooperative threads (a test, a server request), which a detached task would then wait for forever.
        let executor = CopyThreadExecutor()
        defer { executor.shutdown() }
        Task(executorPreference: executor) {
            do {
                try await connection.copyFrom(table: "flows", columns: Self.columns, format: .text(.init()), logger: logger) { writer in
                    for try await chunk in stream {
                        try await writer.write(chunk)
                        channel.consumed()
                    }
                }
            } catch {
                outcome.fail(error)
                channel.abort()
            }
            finished.signal()
        }
        let prefix = "\(datasetID)\t", suffix = "\t\(position)\t"
        var buffer = ByteBuffer()
        buffer.reserveCapacity(Self.chunkBytes + 4096)
        var count = stored, localTotals = totals
        let progress = progress, file = source.file
        let summary: ReadSummary
        do {
            summary = try source.reader.read(file, options: options) { flow, line in
                buffer.writeString(prefix)
                Self.write(flow, line: line, suffix: suffix, into: &buffer)
                localTotals.add(flow)
                count += 1
                if count & 0x3FFF == 0 { progress?(count, file) }
                if buffer.readableBytes >= Self.chunkBytes {
                    try channel.send(buffer)
                    buffer = ByteBuffer()
                    buffer.reserveCapacity(Self.chunkBytes + 4096)
                }
            }
            if buffer.readableBytes > 0 { try channel.send(buffer) }
            channel.finish(throwing: nil)
        } catch {
            channel.finish(throwing: error)
            finished.wait()
            if error is CopyChannel.Aborted, let refused = outcome.error { throw Self.refused(refused, file: file) }
            throw error
        }
        finished.wait()
        if let refused = outcome.error { throw Self.refused(refused, file: file) }
        stored = count
        totals = localTotals
        progress?(count, file)
        return summary
    }

    private static func refused(_ error: any Error, file: InputFile) -> StoreError {
        StoreError(.unavailable, "PostgreSQL refused the flows of \(file.displayName): \(PostgresConnectionPool.describe(error))")
    }

    /// One row of COPY's text format after the dataset id: tab-separated, `\N` for NULL, backslash escapes in text.
    @inline(__always)
    static func write(_ flow: TradeFlow, line: Int, suffix: String, into buffer: inout ByteBuffer) {
        buffer.writeString(String(flow.year))
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(String(flow.month))
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.reporter.rawValue, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.partner.rawValue, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.product.classification.token, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.product.code, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.flow.rawValue, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        number(flow.value, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.unit.token, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        number(flow.quantity, &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        if let unit = flow.quantityUnit { text(unit, &buffer) } else { buffer.writeStaticString("\\N") }
        buffer.writeInteger(UInt8(ascii: "\t"))
        text(flow.status.rawValue, &buffer)
        buffer.writeString(suffix)
        buffer.writeString(String(line))
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// A double in the shortest form that reads back to the same bits (Swift's description), NULL for none.
    @inline(__always)
    private static func number(_ value: Double?, _ buffer: inout ByteBuffer) {
        guard let value else { buffer.writeStaticString("\\N"); return }
        if value.isNaN { buffer.writeStaticString("NaN") }
        else if value.isInfinite { buffer.writeStaticString(value < 0 ? "-Infinity" : "Infinity") }
        else { buffer.writeString(value.description) }
    }

    @inline(__always)
    private static func text(_ value: String, _ buffer: inout ByteBuffer) {
        var value = value
        value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}

/// Chunks from the reading thread to the task that writes them, with at most `capacity` in flight.
final class CopyChannel: @unchecked Sendable {
    /// The writing task stopped (the server refused the data); the reader stops too.
    struct Aborted: Error {}

    let stream: AsyncThrowingStream<ByteBuffer, any Error>
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var aborted = false

    init(capacity: Int) {
        (stream, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self, throwing: (any Error).self)
        slots = DispatchSemaphore(value: capacity)
    }

    /// Waits for a free slot and hands `chunk` over; throws `Aborted` once the writer has stopped.
    func send(_ chunk: ByteBuffer) throws {
        while slots.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if isAborted { throw Aborted() }
        }
        if isAborted { throw Aborted() }
        continuation.yield(chunk)
    }

    /// A chunk was written: its slot is free.
    func consumed() { slots.signal() }

    /// No more chunks (nil), or the reader failed with `error`.
    func finish(throwing error: (any Error)?) { continuation.finish(throwing: error) }

    func abort() {
        lock.lock()
        aborted = true
        lock.unlock()
    }

    private var isAborted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return aborted
    }
}

/// One thread that runs the jobs of the tasks that prefer it, in order, until it is shut down.
final class CopyThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "chainrisk.postgres-copy"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once its queue is empty.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// The COPY task's error, read by the importing thread after the task ended.
final class CopyOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: (any Error)?

    func fail(_ error: any Error) {
        lock.lock()
        failure = error
        lock.unlock()
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
