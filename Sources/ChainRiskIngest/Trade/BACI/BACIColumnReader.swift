public import ChainRiskCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a plain (not gzipped) CEPII BACI file into `TradeFlowColumns`, parsing chunks of the file on all cores.
///
/// The file is cut into chunks of `chunkSize` bytes; each worker reads its chunk with one `pread`, moves the cut
/// to the next line boundary (a line belongs to the chunk it starts in) and scans it with `BACILineScanner`. The
/// blocks come back in file order, so the columns list the flows exactly as `BACIReader` emits them: same years,
/// codes, products and values (missing values as NaN), same reporter/partner view for `options.flow`.
///
/// Returns nil — read the file with `BACIReader` instead — when the file has anything the scanner leaves to the
/// general reader: a header other than `t,i,j,k,v,q`, quoted or padded fields, a line longer than `maxLineLength`,
/// a malformed line. The general reader then reads what is valid and reports what is not with file, line and
/// column, so this reader never decides about errors.
/// - Complexity: O(file size) split over `workers` threads; memory is the columns (18 bytes a flow) plus one
///   chunk buffer per worker.
public struct BACIColumnReader: Sendable {
    /// How CEPII country codes become `CountryCode`s.
    public var countries: CountryCodeResolver
    /// Bytes per chunk.
    public var chunkSize: Int
    /// Threads to parse on.
    public var workers: Int
    /// Longer lines are left to `BACIReader` (BACI lines have about 35 bytes).
    public static let maxLineLength = 4096

    public init(
        countries: CountryCodeResolver = .standard, chunkSize: Int = 8 << 20, workers: Int = ParallelMap.processorCount
    ) {
        self.countries = countries
        self.chunkSize = max(chunkSize, Self.maxLineLength)
        self.workers = workers
    }

    /// The flows of `file` as columns, or nil when the file must be read by `BACIReader` (see the type's notes).
    ///
    /// Reads `options.flow` (import view or not) and `options.classification` as `BACIReader` does.
    /// Throws `InputError` when the file cannot be opened or read, or for a flow kind BACI does not have.
    public func read(_ file: InputFile, options: ReadOptions = ReadOptions()) throws -> TradeFlowColumns? {
        let importView: Bool
        switch options.flow {
        case nil, .exports?: importView = false
        case .imports?: importView = true
        case let other?:
            throw InputError(
                .badOption, "BACI records total trade: read it as 'export' or 'import', not '\(other.rawValue)'",
                at: nil)
        }
        guard !file.isGzip, file.contents == nil, file.member == nil else { return nil }
        let opened = try OpenedFile(file)
        guard let dataStart = try opened.headerEnd() else { return nil }
        let size = opened.size
        let chunkCount = (size - dataStart + chunkSize - 1) / chunkSize
        let chunkSize = self.chunkSize
        let scanner = BACILineScanner(importView: importView)
        let blocks: [TradeFlowColumns.Block]
        do {
            blocks = try ParallelMap.map(
                chunkCount, workers: workers, state: ChunkBuffer(capacity: chunkSize + 2 * Self.maxLineLength + 1)
            ) { buffer, chunk in
                let start = dataStart + chunk * chunkSize
                return try opened.scanChunk(
                    from: start, to: min(start + chunkSize, size), isFirst: chunk == 0, buffer: &buffer,
                    scanner: scanner)
            }
        } catch is LeftToGeneralReader {
            return nil
        }
        let classification = options.classification ?? BACIReader.classification(fileName: file.path) ?? .hs1992
        let codeBook = (0..<BACILineScanner.codeBookSize).map {
            countries.cepii($0) ?? CountryCodeResolver.unresolvedCEPII($0)
        }
        return TradeFlowColumns(
            flow: importView ? .imports : .exports, unit: .thousandUSD, classification: classification,
            countries: codeBook,
            productDigits: 6, blocks: blocks)
    }
}

/// Thrown by a worker when its chunk has something for `BACIReader`; `read` turns it into nil.
private struct LeftToGeneralReader: Error {}

/// One worker's read buffer and column storage, reused for every chunk it scans; freed with the worker.
private final class ChunkBuffer {
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// Room for every flow a chunk can hold: a data line has at least 10 bytes (`1,1,1,1,,` and its line feed).
    let columns: BACILineScanner.Columns

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: capacity)
        columns = BACILineScanner.Columns(capacity: capacity / 8 + 2)
    }

    deinit { bytes.deallocate() }
}

/// An open file descriptor read with `pread`, so that workers share it without a shared offset.
private final class OpenedFile: Sendable {
    let descriptor: Int32
    let size: Int
    let name: String

    init(_ file: InputFile) throws {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(
                .missingFile, "cannot open \(file.displayName): \(String(cString: strerror(errno)))", at: nil)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw InputError(
                .missingFile, "cannot read \(file.displayName): \(String(cString: strerror(errno)))", at: nil)
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
        self.name = file.displayName
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes at `offset` into `buffer`; fewer only at the end of the file.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws -> Int {
        var done = 0
        while done < count {
            let got = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError(
                    .badStructure, "read error: \(String(cString: strerror(errno)))",
                    at: SourceLocation(file: name, line: 0, column: 0))
            }
            done += got
        }
        return done
    }

    /// The offset of the first data line when the file starts with the BACI header (after an optional UTF-8 BOM);
    /// nil for anything else, including an empty file.
    func headerEnd() throws -> Int? {
        var head = [UInt8](repeating: 0, count: 64)
        let count = try head.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return try read(into: base, count: buffer.count, at: 0)
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = head.starts(with: bom) ? 3 : 0
        let header = Array("t,i,j,k,v,q".utf8)
        guard count >= start + header.count, Array(head[start..<(start + header.count)]) == header else { return nil }
        let rest = start + header.count
        if rest == count { return count == size ? count : nil }
        if head[rest] == UInt8(ascii: "\n") { return rest + 1 }
        if head[rest] == UInt8(ascii: "\r") && rest + 1 < count && head[rest + 1] == UInt8(ascii: "\n") {
            return rest + 2
        }
        return nil
    }

    /// Scans the lines that start in `start..<end` into a block; throws `LeftToGeneralReader` when the scanner leaves
    /// a line (or a line longer than `maxLineLength`) to `BACIReader`, which stops the other workers too.
    ///
    /// Reads one line length before `start` (to find where the first line starting in the chunk begins, unless the
    /// chunk is the first) and one after `end` (to finish the line running across `end`).
    func scanChunk(
        from start: Int, to end: Int, isFirst: Bool, buffer: inout ChunkBuffer, scanner: BACILineScanner
    ) throws -> TradeFlowColumns.Block {
        let margin = BACIColumnReader.maxLineLength
        let readStart = isFirst ? start : start - 1
        let wanted = min(end + margin, size) - readStart
        let bytes = buffer.bytes
        let count = try read(into: bytes, count: wanted, at: readStart)
        guard count == wanted else { throw LeftToGeneralReader() }
        let lineFeed = UInt8(ascii: "\n")
        var first = 0
        if !isFirst {
            // The byte before the chunk is included: the first line starts after the first line feed from there on.
            guard let found = Self.lineFeed(in: bytes, from: 0, limit: min(count, margin)) else {
                throw LeftToGeneralReader()
            }
            first = found + 1
        }
        var last = count
        if end < size {
            guard let found = Self.lineFeed(in: bytes, from: end - 1 - readStart, limit: count) else {
                throw LeftToGeneralReader()
            }
            last = found + 1
        }
        guard first <= last else { return TradeFlowColumns.Block() }
        bytes[last] = lineFeed
        guard buffer.columns.scan(bytes + first, bytes + last, with: scanner) else { throw LeftToGeneralReader() }
        return buffer.columns.takeBlock()
    }

    private static func lineFeed(in bytes: UnsafeMutablePointer<UInt8>, from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit {
            if bytes[index] == UInt8(ascii: "\n") { return index }
            index += 1
        }
        return nil
    }
}
