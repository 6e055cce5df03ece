import ChainRiskCore
import ChainRiskIngest
import Dispatch
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Streams one reader's flows, coded as integers, into `COPY flows FROM STDIN` (text format), keeping the code book,
/// keys, totals and count (`coding`).
struct PostgresFlowCopy {
    let datasetID: Int64
    let progress: ImportProgress?
    var coding: FlowCoding
    /// The part being packed for `flow_blocks`; full parts are written between COPY statements, the last one by
    /// `finish`.
    private var block = PackedColumnBlock(part: 0)

    init(datasetID: Int64, codes: FlowCodeBook, progress: ImportProgress?) {
        self.datasetID = datasetID
        self.progress = progress
        coding = FlowCoding(codes: codes)
    }

    /// Writes the last, partly filled part of the column blocks.
    func finish(_ connection: PostgresConnection, logger: Logger) throws {
        guard block.count > 0 else { return }
        try PostgresTradeStore.execute(
            connection, block.insert(datasetID: datasetID), logger: logger, "store the column blocks")
    }

    static let columns = [
        "dataset_id", "seq", "year", "month", "reporter", "partner", "product", "flow", "value", "unit",
        "quantity", "quantity_unit", "status", "source_file", "source_line",
    ]
    static let chunkBytes = 1 << 18

    /// Reads `source` on this thread while a task sends the rows to PostgreSQL; throws the reader's error for a bad
    /// file (the transaction then rolls back) and a `StoreError` when the server refuses the data.
    mutating func copy(
        _ source: ImportRequest.Source, position: Int, options: ReadOptions, connection: PostgresConnection,
        logger: Logger
    ) throws -> ReadSummary {
        let channel = CopyChannel(capacity: 8)
        let finished = DispatchSemaphore(value: 0)
        let outcome = CopyOutcome()
        let stream = channel.stream
        // The writing task runs on a thread of its own: this thread blocks while it reads, and it may itself be one of
        // Swift's cooperative threads (a test, a server request), which a detached task would then wait for forever.
        let executor = ThreadExecutor(name: "chainrisk.postgres-copy")
        defer { executor.shutdown() }
        let datasetID = datasetID
        Task(executorPreference: executor) {
            do {
                // Rows go through COPY; a full column block ends the COPY, is inserted, and the next rows start another.
                let items = CopyItems(stream)
                try await items.advance()
                while let item = items.current {
                    switch item {
                    case .rows:
                        try await connection.copyFrom(
                            table: "flows", columns: Self.columns, format: .text(.init()), logger: logger
                        ) { writer in
                            while case .rows(let chunk)? = items.current {
                                try await writer.write(chunk)
                                channel.consumed()
                                try await items.advance()
                            }
                        }
                    case .block(let block):
                        _ = try await connection.query(block.insert(datasetID: datasetID), logger: logger)
                        channel.consumed()
                        try await items.advance()
                    }
                }
            } catch {
                outcome.fail(error)
                channel.abort()
            }
            finished.signal()
        }
        // Rows are written through a pointer into one chunk of memory (a ByteBuffer call per field cost a quarter of
        // an import); a full chunk is copied into a ByteBuffer for the channel.
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.chunkBytes + Self.longestRow)
        defer { chunk.deallocate() }
        var used = 0
        var coding = coding
        var block = block
        let progress = progress
        let file = source.file
        let summary: ReadSummary
        do {
            summary = try source.reader.read(file, options: options) { flow, line in
                let seq = coding.count
                let coded = try coding.code(flow, line: line, file: file.displayName)
                Self.write(coded, datasetID: datasetID, seq: seq, position: position, into: chunk, at: &used)
                block.add(flow, coded: coded)
                if coding.count & 0x3FFF == 0 { progress?(coding.count, file) }
                if used >= Self.chunkBytes || block.isFull {
                    try channel.send(.rows(ByteBuffer(bytes: UnsafeBufferPointer(start: chunk, count: used))))
                    used = 0
                }
                if block.isFull {
                    try channel.send(.block(block))
                    block = PackedColumnBlock(part: block.part + 1)
                }
            }
            if used > 0 { try channel.send(.rows(ByteBuffer(bytes: UnsafeBufferPointer(start: chunk, count: used)))) }
            channel.finish(throwing: nil)
        } catch {
            channel.finish(throwing: error)
            finished.wait()
            if error is CopyChannel.Aborted, let refused = outcome.error {
                throw Self.refused(refused, file: file, connection: connection)
            }
            throw error
        }
        finished.wait()
        if let refused = outcome.error { throw Self.refused(refused, file: file, connection: connection) }
        self.coding = coding
        self.block = block
        progress?(coding.count, file)
        return summary
    }

    /// The error for a COPY the server stopped; the connection is closed first, because after a failed COPY its state
    /// is uncertain (a ROLLBACK sent on it may never be answered) and closing it makes the server discard the
    /// transaction all the same.
    private static func refused(_ error: any Error, file: InputFile, connection: PostgresConnection) -> StoreError {
        _ = try? connection.close().wait()
        return refused(error, file: file)
    }

    private static func refused(_ error: any Error, file: InputFile) -> StoreError {
        if PostgresConnectionPool.isConnectionLost(error) {
            return StoreError(
                .unreachable,
                "PostgreSQL stopped taking the flows of \(file.displayName): \(PostgresConnectionPool.describe(error))")
        }
        return StoreError(
            .unavailable,
            "PostgreSQL refused the flows of \(file.displayName): \(PostgresConnectionPool.describe(error))")
    }

    /// One row of COPY's text format: tab-separated integers and doubles, `\\N` for NULL, at `offset` (moved past
    /// it); at most `longestRow` bytes.
    @inline(__always)
    static func write(
        _ flow: CodedFlow, datasetID: Int64, seq: Int, position: Int, into chunk: UnsafeMutablePointer<UInt8>,
        at offset: inout Int
    ) {
        integer(datasetID, chunk, &offset)
        integer(Int64(seq), chunk, &offset)
        integer(flow.year, chunk, &offset)
        integer(flow.month, chunk, &offset)
        integer(flow.reporter, chunk, &offset)
        integer(flow.partner, chunk, &offset)
        integer(flow.product, chunk, &offset)
        integer(flow.flow, chunk, &offset)
        number(flow.hasValue ? flow.value : nil, chunk, &offset)
        integer(flow.unit, chunk, &offset)
        number(flow.hasQuantity ? flow.quantity : nil, chunk, &offset)
        if flow.quantityUnit != 0 { integer(flow.quantityUnit, chunk, &offset) } else { null(chunk, &offset) }
        integer(flow.status, chunk, &offset)
        integer(Int64(position), chunk, &offset)
        integer(flow.line, chunk, &offset)
        chunk[offset - 1] = UInt8(ascii: "\n")
    }

    /// 15 fields of at most 24 bytes and their separators.
    static let longestRow = 15 * 25

    /// A decimal integer and a tab.
    @inline(__always)
    private static func integer(_ value: Int64, _ chunk: UnsafeMutablePointer<UInt8>, _ offset: inout Int) {
        var magnitude = value.magnitude
        if value < 0 {
            chunk[offset] = UInt8(ascii: "-")
            offset += 1
        }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var index = offset + digits - 1
        repeat {
            chunk[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
            index -= 1
        } while magnitude > 0
        offset += digits
        chunk[offset] = UInt8(ascii: "\t")
        offset += 1
    }

    /// A double in the shortest form that reads back to the same bits (Swift's description, at most 24 bytes and
    /// held inline, so no allocation) and a tab; NULL for none.
    @inline(__always)
    private static func number(_ value: Double?, _ chunk: UnsafeMutablePointer<UInt8>, _ offset: inout Int) {
        guard let value else { return null(chunk, &offset) }
        var text = value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : value.description
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            (chunk + offset).update(from: base, count: bytes.count)
            offset += bytes.count
        }
        chunk[offset] = UInt8(ascii: "\t")
        offset += 1
    }

    @inline(__always)
    private static func null(_ chunk: UnsafeMutablePointer<UInt8>, _ offset: inout Int) {
        chunk[offset] = UInt8(ascii: "\\")
        chunk[offset + 1] = UInt8(ascii: "N")
        chunk[offset + 2] = UInt8(ascii: "\t")
        offset += 3
    }
}

/// What the reading thread hands the writing task: COPY rows, or a packed column block.
enum CopyItem: Sendable {
    case rows(ByteBuffer)
    case block(PackedColumnBlock)
}

/// The writing task's place in the channel's stream, shared by the COPY statements it starts one after another.
final class CopyItems: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<CopyItem, any Error>.AsyncIterator
    /// The item to write next; nil once the stream has ended.
    private(set) var current: CopyItem?

    init(_ stream: AsyncThrowingStream<CopyItem, any Error>) {
        iterator = stream.makeAsyncIterator()
    }

    func advance() async throws {
        current = try await iterator.next()
    }
}

/// Items from the reading thread to the task that writes them, with at most `capacity` in flight.
///
/// The free slots are counted under a condition, not a `DispatchSemaphore`: a semaphore freed below its initial
/// count traps, and a writer that stops early (the server went away) leaves slots taken.
final class CopyChannel: @unchecked Sendable {
    /// The writing task stopped (the server refused the data); the reader stops too.
    struct Aborted: Error {}

    let stream: AsyncThrowingStream<CopyItem, any Error>
    private let continuation: AsyncThrowingStream<CopyItem, any Error>.Continuation
    private let condition = NSCondition()
    private var freeSlots: Int
    private var aborted = false

    init(capacity: Int) {
        (stream, continuation) = AsyncThrowingStream.makeStream(of: CopyItem.self, throwing: (any Error).self)
        freeSlots = capacity
    }

    /// Waits for a free slot and hands `item` over; throws `Aborted` once the writer has stopped.
    func send(_ item: CopyItem) throws {
        condition.lock()
        while freeSlots == 0 && !aborted { condition.wait() }
        let stop = aborted
        if !stop { freeSlots -= 1 }
        condition.unlock()
        if stop { throw Aborted() }
        continuation.yield(item)
    }

    /// A chunk was written: its slot is free.
    func consumed() {
        condition.lock()
        freeSlots += 1
        condition.signal()
        condition.unlock()
    }

    /// No more chunks (nil), or the reader failed with `error`.
    func finish(throwing error: (any Error)?) { continuation.finish(throwing: error) }

    /// The writer stopped: a waiting or later `send` throws `Aborted`.
    func abort() {
        condition.lock()
        aborted = true
        condition.broadcast()
        condition.unlock()
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
