import Dispatch

/// Runs blocking work one job at a time on a serial queue of its own, off Swift's cooperative threads: the store's
/// writes (imports, removals). Analyses run in the `WorkPool`.
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
