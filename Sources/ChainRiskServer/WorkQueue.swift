import Dispatch

/// Runs blocking work (SQLite reads, analyses, imports) on a serial queue of its own, off Swift's cooperative
/// threads, so a long computation never holds up requests that are answered from the cache.
struct WorkQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    /// The result of `work`, computed on the queue.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
