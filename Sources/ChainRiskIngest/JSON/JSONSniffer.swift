import ChainRiskCore

/// Tells JSON from delimited text by the first significant byte, without losing the bytes it looked at.
///
/// Readers that accept both (Comtrade, CBS) open the file once: the sniffed bytes are replayed in front of the
/// rest of the source, so gzip and other forward-only sources need no second open.
enum JSONSniffer {
    /// Opens `file` and reports whether it starts (after a byte order mark and blanks) with `{` or `[`.
    static func open(_ file: InputFile) throws -> (isJSON: Bool, source: any ByteSource) {
        var base = try file.open()
        var prefix = [UInt8](repeating: 0, count: 4096)
        var filled = 0
        while filled < prefix.count {
            let count = try prefix.withUnsafeMutableBytes { buffer in
                try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        prefix.removeSubrange(filled...)
        var index = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < prefix.count,
            prefix[index] == 0x20 || prefix[index] == 0x09 || prefix[index] == 0x0A || prefix[index] == 0x0D
        {
            index += 1
        }
        let isJSON = index < prefix.count && (prefix[index] == 0x7B || prefix[index] == 0x5B)
        return (isJSON, ReplayingByteSource(prefix: prefix, base: base))
    }
}

/// Bytes already read from a source, followed by the rest of that source.
struct ReplayingByteSource: ByteSource {
    private let prefix: [UInt8]
    private var offset = 0
    private var base: any ByteSource

    init(prefix: [UInt8], base: any ByteSource) {
        self.prefix = prefix
        self.base = base
    }

    var bytesConsumed: Int { base.bytesConsumed }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < prefix.count else { return try base.read(into: buffer) }
        let count = min(buffer.count, prefix.count - offset)
        prefix.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
