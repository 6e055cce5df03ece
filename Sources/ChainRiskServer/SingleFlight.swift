import Foundation

/// Runs at most one computation per key at a time: callers asking for a key whose computation is in flight wait
/// for that result (or error) instead of starting their own.
///
/// The computation runs in an unstructured task, so a caller that is cancelled (a closed connection) neither cancels
/// it nor loses it for the others; the entry is removed when the computation ends, after which the next caller for
/// the key starts a new one (callers put the result in a cache first, see `AnalysisService.cached`).
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private struct Flight {
        let task: Task<Value, any Error>
        /// Callers that have asked for this computation, the first included.
        var callers: Int
    }

    private let lock = NSLock()
    private var flights: [Key: Flight] = [:]

    init() {}

    /// The result of the computation in flight for `key`, or of `work` started now when there is none.
    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await join(key, work).value
    }

    /// How many callers wait for the computation of `key`, 0 when none is in flight (for tests).
    func callers(for key: Key) -> Int {
        lock.withLock { flights[key]?.callers ?? 0 }
    }

    private func join(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) -> Task<Value, any Error> {
        lock.withLock {
            if var flight = flights[key] {
                flight.callers += 1
                flights[key] = flight
                return flight.task
            }
            // The task cannot finish before it is registered: its removal waits for this lock.
            let task = Task {
                defer { self.finish(key) }
                return try await work()
            }
            flights[key] = Flight(task: task, callers: 1)
            return task
        }
    }

    private func finish(_ key: Key) {
        lock.withLock { flights[key] = nil }
    }
}
