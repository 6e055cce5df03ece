import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import Dispatch
import Foundation
import Testing

@testable import ChainRiskUseCases

@Suite("The workspace's dataset-rows cache: one computation per key, nothing stale after a write")
struct DatasetConcentrationCacheTests {
    static let key = DatasetConcentrationKey(
        dataset: "d", thresholds: .letter, level: nil, flows: [.imports], productPrefix: nil, hsVersion: nil)
    static let rows = DatasetConcentration(rows: [], input: Provenance.Input(name: "d", kind: "dataset", files: []))

    /// A counter shared with the computing threads.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    @Test("six callers at once while the rows are computed cost one computation")
    func singleFlight() throws {
        let cache = DatasetConcentrationCache(capacity: 4)
        let computations = Counter()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<6 {
            DispatchQueue.global().async(group: group) {
                _ = try? cache.value(for: Self.key) {
                    computations.increment()
                    entered.signal()
                    _ = release.wait(timeout: .now() + 600)
                    return Self.rows
                }
            }
        }
        #expect(entered.wait(timeout: .now() + 600) == .success)
        // Give the other five callers time to reach the cache and wait; none may start a computation.
        Thread.sleep(forTimeInterval: 0.2)
        // Enough for every caller, so that a cache without single flight fails here instead of hanging.
        for _ in 0..<6 { release.signal() }
        #expect(group.wait(timeout: .now() + 600) == .success)
        #expect(computations.value == 1)
    }

    @Test("rows computed while a write happens are returned but not kept")
    func writeDuringComputation() throws {
        let cache = DatasetConcentrationCache(capacity: 4)
        let computations = Counter()
        _ = try cache.value(for: Self.key) {
            computations.increment()
            cache.removeAll()
            return Self.rows
        }
        _ = try cache.value(for: Self.key) {
            computations.increment()
            return Self.rows
        }
        _ = try cache.value(for: Self.key) {
            computations.increment()
            return Self.rows
        }
        #expect(
            computations.value == 2, "the first result spanned a write; the second is kept and serves the third call")
    }
}
