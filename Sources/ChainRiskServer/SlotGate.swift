import Foundation

/// An asynchronous counting semaphore that hands out numbered slots: at most `count` holders at a time, each with a
/// slot in `0..<count` no other holder has; later callers wait, without blocking a thread, in the order they came.
final class SlotGate: @unchecked Sendable {
    let count: Int
    private let lock = NSLock()
    private var free: [Int]
    private var waiters: [CheckedContinuation<Int, Never>] = []
    /// The first waiter still waiting in `waiters` (served ones are dropped in batches).
    private var head = 0

    init(count: Int) {
        self.count = max(1, count)
        free = Array((0..<self.count).reversed())
    }

    /// A free slot, waiting for one to be released when all are taken. Pair every call with `release(_:)`.
    func acquire() async -> Int {
        await withCheckedContinuation { continuation in
            let slot: Int? = lock.withLock {
                if let slot = free.popLast() { return slot }
                waiters.append(continuation)
                return nil
            }
            if let slot { continuation.resume(returning: slot) }
        }
    }

    /// Gives `slot` to the longest waiting caller, or back to the free slots when nobody waits.
    func release(_ slot: Int) {
        let next: CheckedContinuation<Int, Never>? = lock.withLock {
            guard head < waiters.count else {
                free.append(slot)
                return nil
            }
            let waiter = waiters[head]
            head += 1
            if head == waiters.count {
                waiters.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 64 && head * 2 >= waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
            return waiter
        }
        next?.resume(returning: slot)
    }
}
