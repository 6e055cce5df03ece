import ChainRiskReport
import Foundation

/// Writes pieces computed in any order to a file handle in index order: a piece is written as soon as every piece
/// before it has been, so workers never wait for a whole batch and memory holds only the pieces that are ahead.
final class OrderedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private var next = 0
    private var pending: [Int: [UInt8]] = [:]
    private var failure: (any Error)?

    init(_ handle: FileHandle) { self.handle = handle }

    /// Hands over piece `index`: written at once when it is the next one due (with any pieces after it that are
    /// ready), else copied and kept until it is.
    func submit(_ index: Int, _ bytes: borrowing OutputBytes) {
        lock.withLock {
            if index == next {
                bytes.withBytes { write($0) }
                next += 1
            } else {
                pending[index] = bytes.withBytes { Array($0) }
            }
            while let ready = pending.removeValue(forKey: next) {
                ready.withUnsafeBytes { write($0) }
                next += 1
            }
        }
    }

    /// Writes unless an earlier write failed; called under the lock.
    private func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do { try handle.write(contentsOf: bytes) } catch { failure = error }
    }

    /// Throws the first write error, if any.
    func finish() throws {
        try lock.withLock {
            if let failure { throw failure }
        }
    }
}
