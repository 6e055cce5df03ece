/// A growable byte buffer for writing large outputs field by field.
///
/// Appending to an `Array` checks uniqueness and capacity for every byte; this buffer owns its memory (it is
/// non-copyable), so a write is a capacity check and a store.
public struct OutputBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes written.
    public private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Forgets the bytes written, keeping the memory for the next ones.
    public mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written so far.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends bytes.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// Appends the bytes of an array.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends a string's UTF-8 bytes.
    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Appends `value` as `"\(value)"` writes it (Swift's shortest round-trip form), without building a `String`.
    public mutating func appendDescription(of value: Double) {
        var text = ShortASCII()
        value.write(to: &text)
        if let overflow = text.overflow {
            append(overflow)
        } else {
            withUnsafeBytes(of: text.storage) {
                append(
                    UnsafeBufferPointer(start: $0.baseAddress?.assumingMemoryBound(to: UInt8.self), count: text.count))
            }
        }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}

/// Up to 32 bytes of text written by a `TextOutputStreamable` value, held inline.
///
/// `Double.write(to:)` hands its digits to `_writeASCII` (24 bytes at most), so they are copied here instead of
/// into a new `String`; anything else it is given goes to `overflow`, so the text is right whatever the caller writes.
private struct ShortASCII: TextOutputStream {
    var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var count = 0
    var overflow: String?

    mutating func write(_ string: String) {
        var text = overflow ?? withUnsafeBytes(of: storage) { String(decoding: $0.prefix(count), as: UTF8.self) }
        text += string
        overflow = text
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard overflow == nil, count + buffer.count <= MemoryLayout.size(ofValue: storage) else {
            write(String(decoding: buffer, as: UTF8.self))
            return
        }
        let start = count
        withUnsafeMutableBytes(of: &storage) { bytes in
            for (offset, byte) in buffer.enumerated() { bytes[start + offset] = byte }
        }
        count += buffer.count
    }
}
