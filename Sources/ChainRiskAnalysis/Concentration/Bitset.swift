/// A fixed-size set of small non-negative integers, one bit each.
struct Bitset: Sendable {
    private var words: [UInt64]
    let count: Int

    init(count: Int) {
        self.count = count
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    /// Adds `member`, which must be below `count`.
    @inline(__always)
    mutating func insert(_ member: Int) {
        precondition(member < count, "value outside the code book")
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    func contains(_ member: Int) -> Bool { member < count && words[member >> 6] & (1 << UInt64(member & 63)) != 0 }

    mutating func formUnion(_ other: Bitset) {
        for index in words.indices where index < other.words.count { words[index] |= other.words[index] }
    }

    /// The members, ascending.
    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                result.append(index << 6 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return result
    }
}
