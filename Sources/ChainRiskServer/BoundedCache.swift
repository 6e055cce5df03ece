import Foundation

/// A thread-safe cache of at most `capacity` values; when full, the oldest entry goes first.
///
/// Keys carry the store's generation, so a write never serves a stale result; `removeAll()` frees memory after one.
final class BoundedCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var values: [String: Value] = [:]
    private var order: [String] = []
    private var start = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The cached value for `key`, if any.
    func value(for key: String) -> Value? {
        lock.withLock { values[key] }
    }

    /// Keeps `value` under `key`, dropping the oldest entry when the cache is full.
    func store(_ value: Value, for key: String) {
        lock.withLock {
            if values.updateValue(value, forKey: key) != nil { return }
            order.append(key)
            if values.count > capacity {
                values[order[start]] = nil
                start += 1
                if start > capacity {
                    order.removeFirst(start)
                    start = 0
                }
            }
        }
    }

    /// Forgets every entry.
    func removeAll() {
        lock.withLock {
            values.removeAll()
            order.removeAll()
            start = 0
        }
    }
}
