import Dispatch
import Foundation
import Testing

@testable import ChainRiskServer

/// Values shared between test code and work running on the pool's threads.
private final class Shared<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    @discardableResult
    func update<Result>(_ change: (inout Value) -> Result) -> Result { lock.withLock { change(&stored) } }
}

/// Blocks the calling thread until `condition` holds or `seconds` have passed; true when it held. The generous
/// limits below only stop a broken pool from hanging the suite: a correct one meets the condition as soon as the
/// test gets a thread — which, on 2 cores with the CLI suites blocking Swift's cooperative threads on subprocesses,
/// was once more than 30 seconds later.
private let patience = 600.0

private func waitUntil(seconds: Double = patience, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() > deadline { return false }
        usleep(1_000)
    }
    return true
}

/// The same, without blocking a thread, for test code on Swift's cooperative pool.
private func waitUntilAsync(seconds: Double = patience, _ condition: () -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() > deadline { return false }
        try await Task.sleep(for: .milliseconds(1))
    }
    return true
}

@Suite("Work pool: bounded parallel lanes, cheap work apart, one computation per key")
struct WorkPoolTests {
    @Test func neverRunsMoreThanItsWorkers() async throws {
        let pool = WorkPool(workers: 3, cheapWorkers: 1)
        let counts = Shared((running: 0, most: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.run(.long) {
                        counts.update {
                            $0.running += 1
                            $0.most = max($0.most, $0.running)
                        }
                        usleep(5_000)
                        counts.update { $0.running -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(counts.value.most <= 3)
        #expect(counts.value.running == 0)
    }

    /// Two long jobs run at the same time: each waits until the other has started before it ends, which a pool
    /// running them one after the other could not do (the first would give up after its time limit).
    @Test func twoLongJobsOverlap() async throws {
        let pool = WorkPool(workers: 2, cheapWorkers: 1)
        let started = Shared(0)
        func job() async throws -> (start: Date, end: Date, sawOther: Bool) {
            try await pool.run(.long) {
                let start = Date()
                started.update { $0 += 1 }
                let sawOther = waitUntil { started.value == 2 }
                return (start, Date(), sawOther)
            }
        }
        async let first = job()
        async let second = job()
        let (a, b) = try await (first, second)
        #expect(a.sawOther && b.sawOther, "both jobs were running at once")
        #expect(a.start < b.end && b.start < a.end, "their start-to-end intervals overlap")
    }

    /// While long jobs hold every long slot (and one more waits for a slot), a cheap job runs to completion.
    @Test func cheapWorkIsNotBlockedByLongWork() async throws {
        let pool = WorkPool(workers: 2, cheapWorkers: 1)
        let state = Shared((started: 0, released: false))
        let release = DispatchSemaphore(value: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try await pool.run(.long) {
                        state.update { $0.started += 1 }
                        _ = release.wait(timeout: .now() + patience)
                    }
                }
            }
            #expect(try await waitUntilAsync { state.value.started == 2 })
            let seen = try await pool.run(.cheap) { state.value }
            #expect(seen.started == 2, "two long jobs held the long lane, the third waited")
            #expect(!seen.released, "the cheap job ran while the long ones were still blocked")
            state.update { $0.released = true }
            for _ in 0..<3 { release.signal() }
            try await group.waitForAll()
        }
        #expect(state.value.started == 3)
    }

    @Test func errorsReachTheCaller() async throws {
        struct Failure: Error {}
        let pool = WorkPool(workers: 1, cheapWorkers: 1)
        await #expect(throws: Failure.self) { try await pool.run(.long) { throw Failure() } }
        #expect(try await pool.run(.long) { 7 } == 7, "a failed job gives its slot back")
    }

    /// Eight callers of one key while its computation is held: one computation, eight equal results; after it
    /// ends, the next caller computes again (the cache, not the flight, keeps results).
    @Test func singleFlightComputesOncePerKey() async throws {
        let flight = SingleFlight<String, Int>()
        let calls = Shared(0)
        let released = Shared(false)
        let work: @Sendable () async throws -> Int = {
            calls.update { $0 += 1 }
            while !released.value { try await Task.sleep(for: .milliseconds(1)) }
            return 42
        }
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await flight.run("key", work) } }
            #expect(try await waitUntilAsync { flight.callers(for: "key") == 8 })
            released.update { $0 = true }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: 42, count: 8))
        #expect(calls.value == 1)
        #expect(flight.callers(for: "key") == 0)
        #expect(try await flight.run("key", work) == 42)
        #expect(calls.value == 2)
    }

    @Test func singleFlightSharesErrorsAndKeepsKeysApart() async throws {
        struct Failure: Error {}
        let flight = SingleFlight<String, Int>()
        let calls = Shared(0)
        await #expect(throws: Failure.self) {
            try await flight.run("bad") {
                calls.update { $0 += 1 }
                throw Failure()
            }
        }
        #expect(
            try await flight.run("bad") {
                calls.update { $0 += 1 }
                return 1
            } == 1, "a failure is not remembered")
        async let a = flight.run("a") {
            calls.update { $0 += 1 }
            return 1
        }
        async let b = flight.run("b") {
            calls.update { $0 += 1 }
            return 2
        }
        #expect(try await (a, b) == (1, 2))
        #expect(calls.value == 4)
    }

    /// The service's cache: six identical requests while the response is computed cost one computation; later
    /// ones are cache hits; a write (`invalidate`) makes the next one compute again.
    @Test func serviceComputesEachResponseOnce() async throws {
        let service = try AnalysisService(configuration: TestServer.configuration())
        let renders = Shared(0)
        let release = DispatchSemaphore(value: 0)
        @Sendable func request() async throws {
            _ = try await service.cached(path: "/test", query: "a=1", lane: .long, contentType: "text/plain") {
                renders.update { $0 += 1 }
                _ = release.wait(timeout: .now() + patience)
                return "computed"
            }
        }
        let key = CacheKey(generation: service.generation, path: "/test", query: "a=1")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { try await request() } }
            #expect(try await waitUntilAsync { service.inFlight.callers(for: key) == 6 })
            release.signal()
            try await group.waitForAll()
        }
        #expect(renders.value == 1)
        #expect(service.computations.value == 1)
        try await request()
        #expect(renders.value == 1, "answered from the cache")
        service.invalidate()
        release.signal()
        try await request()
        #expect(renders.value == 2, "a write invalidates every cached response")
    }
}
