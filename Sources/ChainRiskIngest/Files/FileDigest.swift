import ChainRiskCore
import Crypto

/// The SHA-256 of a file's bytes on disk, read in chunks.
///
/// It identifies exactly what was imported, so a re-import of the same file is recognised and reports can name
/// their inputs.
public enum FileDigest {
    /// Hex SHA-256 of the file at `path` (the compressed bytes for a `.gz` file) and its size in bytes.
    public static func sha256(path: String) throws -> (hex: String, size: Int) {
        let source = try FileByteSource(path: path)
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { buffer.deallocate() }
        var size = 0
        while true {
            let count = try source.read(into: buffer)
            if count == 0 { break }
            size += count
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return (hex(hasher.finalize()), size)
    }

    /// Hex SHA-256 of bytes in memory.
    /// The SHA-256 and size of an input, in memory or on disk.
    public static func sha256(_ file: InputFile) throws -> (hex: String, size: Int) {
        if let contents = file.contents { return (sha256(bytes: contents), contents.count) }
        return try sha256(path: file.path)
    }

    public static func sha256(bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
