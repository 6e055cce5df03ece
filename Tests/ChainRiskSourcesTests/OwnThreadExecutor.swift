import Foundation

/// Runs the jobs of the tasks that prefer it on one thread of its own.
///
/// The fetch tests time requests: on Swift's shared pool, which has as many threads as cores (two here), tests that
/// block a thread waiting for a process can hold an async test back for minutes, and a wall-clock bound then measures
/// the neighbours instead of the fetch. A task on this executor resumes here whatever the pool is doing.
final class OwnThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "chainrisk.test-timing"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread end once its queue is empty.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Runs `body` on a new executor of this kind; returns what it threw and the seconds it took, measured there.
    static func timed<Failure: Error>(_ body: @escaping @Sendable () async throws -> Void, as: Failure.Type) async -> (error: Failure?, seconds: Double) {
        let executor = OwnThreadExecutor()
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
