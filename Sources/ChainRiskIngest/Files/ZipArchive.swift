import CChainRiskZlib
import ChainRiskCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The members of a zip archive, as the releases of OECD ICIO and EXIOBASE 3 ship their tables.
///
/// Reads the central directory at the end of the file; members are stored or deflated (methods 0 and 8, which is
/// what every zip tool writes). A zip64 archive (over 4 GB or 65,535 members) is refused with a clear message: unzip
/// it and give the folder. Written here rather than with ZIPFoundation (which writes our xlsx files): its extraction
/// pushes chunks to a closure, while the readers pull bytes from a `ByteSource`; members are inflated with zlib
/// as gzip files are, so a 1.5 GB table is streamed, never held whole.
public struct ZipArchive: Sendable {
    /// One member: its name inside the archive and where its bytes are.
    public struct Member: Sendable, Hashable {
        public let name: String
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    public let path: String
    /// The members in the order of the central directory (folders left out).
    public let members: [Member]

    /// True when `path` names a zip file (by its `.zip` ending).
    public static func isZip(_ path: String) -> Bool { path.lowercased().hasSuffix(".zip") }

    public init(path: String) throws {
        self.path = path
        let (bytes, base) = try Self.readTail(path)
        func fail(_ message: String) -> InputError {
            InputError(.badStructure, message, at: SourceLocation(file: path, line: 0, column: 0))
        }
        // Offsets are the file's; `bytes` holds the file from `base` on.
        func u16(_ at: Int) -> Int { Int(bytes[at - base]) | Int(bytes[at - base + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        let size = base + bytes.count
        // The end-of-central-directory record: signature 0x06054b50, within the last 65,557 bytes.
        let lowest = max(base, size - 65_557)
        guard bytes.count >= 22,
            let end = stride(from: size - 22, through: lowest, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { throw fail("not a zip archive: no end-of-central-directory record") }
        let count = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryOffset = u32(end + 16)
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
            throw fail("a zip64 archive (over 4 GB or 65,535 members) is not read: unzip it and give the folder")
        }
        guard directoryOffset >= base else { throw fail("the central directory is over 16 MB: unzip the archive") }
        var members: [Member] = []
        var at = directoryOffset
        for _ in 0..<count {
            guard at + 46 <= size, u32(at) == 0x0201_4B50 else { throw fail("corrupt central directory") }
            let nameLength = u16(at + 28)
            let extraLength = u16(at + 30)
            let commentLength = u16(at + 32)
            guard at + 46 + nameLength <= size else { throw fail("corrupt central directory") }
            let name = String(decoding: bytes[(at + 46 - base)..<(at + 46 + nameLength - base)], as: UTF8.self)
            let member = Member(
                name: name, method: UInt16(u16(at + 10)), compressedSize: u32(at + 20), uncompressedSize: u32(at + 24),
                localHeaderOffset: u32(at + 42))
            if !name.hasSuffix("/") { members.append(member) }
            at += 46 + nameLength + extraLength + commentLength
        }
        self.members = members
    }

    /// The member called `name`, or whose name ends in `/name`.
    public func member(_ name: String) -> Member? {
        members.first { $0.name == name } ?? members.first { $0.name.hasSuffix("/" + name) }
    }

    /// The last 16 MB of the file (all of a smaller one) and the offset they start at: the central directory and
    /// its end record are there for any archive this reader accepts.
    private static func readTail(_ path: String) throws -> (bytes: [UInt8], base: Int) {
        let source = try FileByteSource(path: path)
        var info = stat()
        let size = stat(path, &info) == 0 ? Int(info.st_size) : 0
        let base = max(0, size - (16 << 20))
        if base > 0 { lseek(source.descriptor, off_t(base), SEEK_SET) }
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = try source.read(into: buffer)
            if count == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return (bytes, base)
    }
}

/// The bytes of one zip member, inflated on the fly (raw deflate) or passed through (stored).
final class ZipMemberByteSource: ByteSource {
    private let source: FileByteSource
    private let member: ZipArchive.Member
    private let display: String
    private var stream = z_stream()
    /// Compressed bytes read from the archive, handed to zlib.
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 17, alignment: 8)
    private var remaining: Int
    private var finished = false
    private(set) var bytesConsumed = 0

    init(archive: String, member: ZipArchive.Member, displayName: String) throws {
        source = try FileByteSource(path: archive)
        self.member = member
        display = displayName
        remaining = member.compressedSize
        // The local header: 30 bytes, then its own name and extra field, then the data.
        var header = [UInt8](repeating: 0, count: 30)
        guard pread(source.descriptor, &header, 30, off_t(member.localHeaderOffset)) == 30,
            header[0] == 0x50, header[1] == 0x4B, header[2] == 0x03, header[3] == 0x04
        else {
            throw InputError(
                .badStructure, "corrupt zip member \(member.name)",
                at: SourceLocation(file: archive, line: 0, column: 0))
        }
        let skip = 30 + (Int(header[26]) | Int(header[27]) << 8) + (Int(header[28]) | Int(header[29]) << 8)
        lseek(source.descriptor, off_t(member.localHeaderOffset + skip), SEEK_SET)
        guard member.method == 0 || member.method == 8 else {
            throw InputError(
                .badEncoding,
                "zip member \(member.name) uses compression method \(member.method); only stored and deflated are read",
                at: SourceLocation(file: archive, line: 0, column: 0))
        }
        if member.method == 8 {
            guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw InputError(.badEncoding, "zlib could not start", at: nil)
            }
        }
    }

    deinit {
        if member.method == 8 { inflateEnd(&stream) }
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        if member.method == 0 {
            let want = min(buffer.count, remaining)
            guard want > 0 else { return 0 }
            let count = try source.read(into: UnsafeMutableRawBufferPointer(start: base, count: want))
            remaining -= count
            bytesConsumed += count
            return count
        }
        guard let pending = input.baseAddress else { return 0 }
        let room = min(buffer.count, Int(UInt32.max))
        while true {
            if stream.avail_in == 0 && remaining > 0 {
                let count = try source.read(
                    into: UnsafeMutableRawBufferPointer(rebasing: input[0..<min(input.count, remaining)]))
                guard count > 0 else { break }
                remaining -= count
                bytesConsumed += count
                stream.next_in = pending.assumingMemoryBound(to: UInt8.self)
                stream.avail_in = UInt32(count)
            }
            stream.next_out = base.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(room)
            let code = inflate(&stream, Z_NO_FLUSH)
            let produced = room - Int(stream.avail_out)
            if code == Z_STREAM_END { finished = true }
            if code != Z_OK && code != Z_STREAM_END && !(code == Z_BUF_ERROR && remaining > 0) {
                throw InputError(
                    .badEncoding, "corrupt deflate data in zip member \(member.name) (zlib error \(code))",
                    at: SourceLocation(file: display, line: 0, column: 0))
            }
            if produced > 0 || finished { return produced }
            if remaining == 0 && stream.avail_in == 0 { break }
        }
        throw InputError(
            .badEncoding, "zip member \(member.name) ends before its deflate stream does: the archive is cut off",
            at: SourceLocation(file: display, line: 0, column: 0))
    }
}
