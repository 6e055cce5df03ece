import CChainRiskZlib
import ChainRiskCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A forward-only source of bytes: a file, a gzip file, or memory.
///
/// Readers pull fixed-size chunks so that a file of any size is read in bounded memory.
public protocol ByteSource {
    /// Fills `buffer` from the start with up to `buffer.count` bytes; returns 0 at the end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes of the underlying file consumed so far (compressed bytes for gzip), for progress reports.
    var bytesConsumed: Int { get }
}

/// Throws `InputError.missingFile` (exit 66) when `path` is a directory: opening one succeeds and only reading
/// fails, which would otherwise surface as a read error in the data.
func requireNotDirectory(_ path: String) throws {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        throw InputError(.missingFile, "\(path) is a directory, not a file; give the files in it", at: nil)
    }
}

/// Bytes of a plain file, read with POSIX `read`.
public final class FileByteSource: ByteSource {
    let descriptor: Int32
    public let path: String
    public private(set) var bytesConsumed = 0

    /// Opens `path` for reading; throws `InputError.missingFile` when it cannot be opened or is a directory.
    public init(path: String) throws {
        try requireNotDirectory(path)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(.missingFile, "cannot open \(path): \(String(cString: strerror(errno)))", at: nil)
        }
        self.descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, base, buffer.count)
            if count >= 0 {
                bytesConsumed += count
                return count
            }
            if errno == EINTR { continue }
            throw InputError(
                .badStructure, "read error: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: path, line: 0, column: 0))
        }
    }
}

/// Bytes of a gzip-compressed file, inflated on the fly with zlib.
///
/// A stream that ends before its end marker (a file cut off in a download) is an error, never a shorter file: zlib
/// hands out what it could inflate and then reports `Z_BUF_ERROR`, which an unchecked reader would take for the end.
/// Errors name the line and column of the inflated text where the data stops.
public final class GzipByteSource: ByteSource {
    private let file: gzFile
    public let path: String
    /// Lines and the column within the last one of the bytes inflated so far, for error locations.
    private var lines = 0
    private var column = 0

    public init(path: String) throws {
        try requireNotDirectory(path)
        guard let handle = gzopen(path, "rb") else {
            throw InputError(.missingFile, "cannot open \(path): \(String(cString: strerror(errno)))", at: nil)
        }
        gzbuffer(handle, 1 << 17)
        self.file = handle
        self.path = path
    }

    deinit { gzclose(file) }

    public var bytesConsumed: Int { Int(gzoffset(file)) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = gzread(file, base, UInt32(min(buffer.count, Int(Int32.max))))
        var code: Int32 = Z_OK
        let message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if count > 0 {
            let bytes = UnsafeRawBufferPointer(start: base, count: Int(count))
            if let last = bytes.lastIndex(of: UInt8(ascii: "\n")) {
                lines += bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                column = bytes.count - last - 1
            } else {
                column += bytes.count
            }
        }
        let location = SourceLocation(file: path, line: lines + 1, column: column + 1)
        if count < 0 || (code != Z_OK && code != Z_STREAM_END && code != Z_BUF_ERROR) {
            throw InputError(
                .badEncoding,
                "corrupt gzip data (\(message.isEmpty ? "zlib error \(code)" : message)) after \(lines) complete lines; nothing was read from this file",
                at: location)
        }
        if count == 0 && code == Z_BUF_ERROR {
            throw InputError(
                .badEncoding,
                "the gzip data ends before its end marker: the file is cut off (an interrupted download?) after \(lines) complete lines; nothing was read from this file",
                at: location)
        }
        return Int(count)
    }
}

/// Bytes held in memory, for tests and uploads.
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public var bytesConsumed: Int { offset }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}

/// How far a reader has got through its file, for progress bars: written by the reading thread, read by another.
///
/// A lock guards the count (it changes once per chunk read, so the lock costs nothing measurable).
public final class ReadProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var consumed = 0

    /// Bytes of the file on disk consumed so far (compressed bytes for gzip).
    public internal(set) var bytesConsumed: Int {
        get { lock.withLock { consumed } }
        set { lock.withLock { consumed = newValue } }
    }

    public init() {}
}

/// Passes bytes through and records how many of the underlying file were consumed.
struct ProgressReportingSource: ByteSource {
    var base: any ByteSource
    let progress: ReadProgress

    var bytesConsumed: Int { base.bytesConsumed }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = try base.read(into: buffer)
        progress.bytesConsumed = base.bytesConsumed
        return count
    }
}
