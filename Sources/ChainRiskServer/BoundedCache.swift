import Foundation

/// A thread-safe cache of at most `capacity` values that forgets the least recently used entry first (LRU).
///
/// A lookup that finds its key makes the entry the most recently used; storing a new key into a full cache evicts
/// the entry used longest ago. Keys carry the store's generation, so a write never serves a stale result;
/// `removeAll()` frees memory after one.
///
/// Entries live in an array of at most `capacity` slots linked from most to least recently used by slot index, so a
/// slot is reused when its entry is evicted and no node is allocated per entry.
/// - Complexity: O(1) (amortized, hashing the key) for `value(for:)` and `store(_:for:)`.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        var key: Key
        var value: Value
        /// The slot of the next more recently used entry, or -1 for the most recent.
        var newer: Int
        /// The slot of the next less recently used entry, or -1 for the least recent.
        var older: Int
    }

    private let lock = NSLock()
    let capacity: Int
    private var entries: [Entry] = []
    private var slots: [Key: Int] = [:]
    private var newest = -1
    private var oldest = -1

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The cached value for `key`, if any; a hit makes the entry the most recently used.
    func value(for key: Key) -> Value? {
        lock.withLock {
            guard let slot = slots[key] else { return nil }
            moveToFront(slot)
            return entries[slot].value
        }
    }

    /// Keeps `value` under `key` as the most recently used entry, evicting the least recently used one when full.
    func store(_ value: Value, for key: Key) {
        lock.withLock {
            if let slot = slots[key] {
                entries[slot].value = value
                moveToFront(slot)
                return
            }
            let slot: Int
            if entries.count < capacity {
                slot = entries.count
                entries.append(Entry(key: key, value: value, newer: -1, older: -1))
            } else {
                slot = oldest
                unlink(slot)
                slots[entries[slot].key] = nil
                entries[slot] = Entry(key: key, value: value, newer: -1, older: -1)
            }
            slots[key] = slot
            linkAtFront(slot)
        }
    }

    /// Forgets every entry.
    func removeAll() {
        lock.withLock {
            entries.removeAll()
            slots.removeAll()
            newest = -1
            oldest = -1
        }
    }

    /// Number of entries held.
    var count: Int { lock.withLock { slots.count } }

    /// The keys from the most to the least recently used (for tests), without changing the order.
    var keysByRecency: [Key] {
        lock.withLock {
            var keys: [Key] = []
            var slot = newest
            while slot >= 0 {
                keys.append(entries[slot].key)
                slot = entries[slot].older
            }
            return keys
        }
    }

    // MARK: The recency list (called with the lock held)

    private func moveToFront(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private func unlink(_ slot: Int) {
        let (newer, older) = (entries[slot].newer, entries[slot].older)
        if newer >= 0 { entries[newer].older = older } else { newest = older }
        if older >= 0 { entries[older].newer = newer } else { oldest = newer }
        entries[slot].newer = -1
        entries[slot].older = -1
    }

    private func linkAtFront(_ slot: Int) {
        entries[slot].older = newest
        entries[slot].newer = -1
        if newest >= 0 { entries[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}
