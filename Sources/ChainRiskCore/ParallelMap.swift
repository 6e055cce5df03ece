import Dispatch
import Foundation

/// Runs independent pieces of work on several threads and returns their results in order.
///
/// Workers take the next index from a shared counter, so uneven pieces (one large importer, one long file chunk)
/// balance themselves. Each worker owns one `State` (a read buffer, scratch arrays) that it reuses across indices.
public enum ParallelMap {
    /// The number of cores the process may use.
    public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(&state, index)` for every index in `0..<count`, on up to `workers` threads; the results in index order.
    ///
    /// When a piece throws, workers stop taking new pieces and the error of the lowest failed index is rethrown,
    /// so the error reported does not depend on thread timing.
    public static func map<State, Result: Sendable, Failure: Error>(
        _ count: Int, workers: Int = processorCount, state makeState: @autoclosure @Sendable () -> State,
        _ body: @Sendable (inout State, Int) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        let slots = Slots<Result, Failure>(count: count)
        let threads = max(1, min(workers, count))
        if threads == 1 {
            var state = makeState()
            while let index = slots.nextIndex() { slots.store(index) { () throws(Failure) in try body(&state, index) } }
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                var state = makeState()
                while let index = slots.nextIndex() {
                    slots.store(index) { () throws(Failure) in try body(&state, index) }
                }
            }
        }
        return try slots.results()
    }

    /// `body(index)` for every index in `0..<count`, on up to `workers` threads; the results in index order.
    public static func map<Result: Sendable, Failure: Error>(
        _ count: Int, workers: Int = processorCount, _ body: @Sendable (Int) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        try map(count, workers: workers, state: ()) { (_, index) throws(Failure) in try body(index) }
    }
}

/// The result slots of one `ParallelMap.map` call: each index is written by exactly one worker, under a lock.
private final class Slots<Result: Sendable, Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result?]
    private var next = 0
    private var firstError: (index: Int, error: Failure)?

    init(count: Int) { values = Array(repeating: nil, count: count) }

    /// The next index to work on, or nil when all are taken or a piece failed.
    func nextIndex() -> Int? {
        lock.withLock {
            guard firstError == nil, next < values.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ index: Int, _ work: () throws(Failure) -> Result) {
        do {
            let value = try work()
            lock.withLock { values[index] = value }
        } catch {
            lock.withLock {
                if firstError.map({ index < $0.index }) ?? true { firstError = (index, error) }
            }
        }
    }

    func results() throws(Failure) -> [Result] {
        let (values, firstError) = lock.withLock { (self.values, self.firstError) }
        if let firstError { throw firstError.error }
        return values.compactMap { $0 }
    }
}
