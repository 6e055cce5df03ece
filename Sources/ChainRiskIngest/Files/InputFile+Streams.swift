import ChainRiskCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension InputFile {
    /// A file named by the user. A pipe or device (`import <(zcat f.gz)`, `/dev/stdin`) can be read only once, while
    /// an import reads a file twice (its SHA-256, then its rows): such an input is copied once into a temporary file
    /// that every later read opens (gzip detected from its first bytes), and keeps its name in messages.
    /// A path that does not exist or is a regular file is returned as it is (readers report a missing file).
    public static func named(_ path: String) throws -> InputFile {
        var info = stat()
        guard stat(path, &info) == 0 else { return InputFile(path: path) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFIFO || type == S_IFCHR || type == S_IFSOCK else { return InputFile(path: path) }
        return InputFile(path: try StreamSpool.shared.copy(path), displayName: path)
    }
}

/// Temporary copies of pipes and devices, removed when the process exits.
final class StreamSpool: @unchecked Sendable {
    static let shared = StreamSpool()
    private let lock = NSLock()
    private var files: [String] = []

    private init() {
        atexit { StreamSpool.shared.removeAll() }
    }

    /// Copies everything readable from `path` into a new temporary file; returns its path (ending in `.gz` when
    /// the bytes are gzip).
    func copy(_ path: String) throws -> String {
        let input = Glibc.open(path, O_RDONLY)
        guard input >= 0 else {
            throw InputError(.missingFile, "cannot open \(path): \(String(cString: strerror(errno)))", at: nil)
        }
        defer { close(input) }
        let base = NSTemporaryDirectory() + "chainrisk-stream-\(getpid())-\(UUID().uuidString)"
        let partial = base + ".part"
        let output = Glibc.open(partial, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard output >= 0 else {
            throw InputError(
                .missingFile, "cannot copy \(path) to a temporary file: \(String(cString: strerror(errno)))", at: nil)
        }
        register(partial)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var first: [UInt8] = []
        defer { close(output) }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw InputError(
                    .badStructure, "read error on \(path): \(String(cString: strerror(errno)))",
                    at: SourceLocation(file: path, line: 0, column: 0))
            }
            if count == 0 { break }
            if first.count < 2 { first += buffer.prefix(min(count, 2 - first.count)) }
            var written = 0
            while written < count {
                let result = buffer.withUnsafeBytes {
                    write(output, $0.baseAddress.map { $0 + written }, count - written)
                }
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else {
                    throw InputError(
                        .badStructure, "cannot copy \(path) to a temporary file: \(String(cString: strerror(errno)))",
                        at: nil)
                }
                written += result
            }
        }
        let final = base + (first == [0x1F, 0x8B] ? ".gz" : "")
        guard rename(partial, final) == 0 else {
            throw InputError(
                .badStructure, "cannot copy \(path) to a temporary file: \(String(cString: strerror(errno)))", at: nil)
        }
        register(final)
        return final
    }

    private func register(_ path: String) {
        lock.lock()
        files.append(path)
        lock.unlock()
    }

    private func removeAll() {
        lock.lock()
        let paths = files
        files = []
        lock.unlock()
        for path in paths { unlink(path) }
    }
}
