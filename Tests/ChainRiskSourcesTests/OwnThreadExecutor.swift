import ChainRiskCore
import Foundation

/// Timing on a thread of its own (`ThreadExecutor`).
///
/// The fetch tests time requests: on Swift's shared pool, which has as many threads as cores (two here), tests that
/// block a thread waiting for a process can hold an async test back for minutes, and a wall-clock bound then measures
/// the neighbours instead of the fetch. A task on its own executor resumes there whatever the pool is doing.
enum OwnThreadExecutor {
    /// Runs `body` on a new thread executor; returns what it threw and the seconds it took, measured there.
    static func timed<Failure: Error>(_ body: @escaping @Sendable () async throws -> Void, as: Failure.Type) async -> (
        error: Failure?, seconds: Double
    ) {
        let executor = ThreadExecutor(name: "chainrisk.test-timing")
        defer { executor.shutdown() }
        return await Task(executorPreference: executor) {
            let started = Date()
            do {
                try await body()
                return (nil, Date().timeIntervalSince(started))
            } catch {
                return (error as? Failure, Date().timeIntervalSince(started))
            }
        }.value
    }
}
