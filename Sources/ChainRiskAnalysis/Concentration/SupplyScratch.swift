import ChainRiskCore

/// One product's supply while its flows are summed: `SupplyAccumulator` with suppliers as dense indices.
///
/// The arithmetic is the accumulator's: a supplier's value is a compensated sum (so the order in which a file or
/// the store delivers flows does not change its last digit), supplier and unallocated totals are compensated sums, the world value a plain sum, a missing value a
/// suppressed cell. Non-copyable, so that it can own its scratch memory and the hot loop touches no array.
struct SupplyScratch: ~Copyable {
    var supplierValue = CompensatedSum()
    var unallocatedValue = CompensatedSum()
    var worldValue: Double?
    var suppressedCells = 0
    /// Value per supplier index and its compensation term (Neumaier); meaningful where `isTouched`.
    private let sums: UnsafeMutableBufferPointer<Double>
    private let compensations: UnsafeMutableBufferPointer<Double>
    private let isTouched: UnsafeMutableBufferPointer<Bool>
    /// The suppliers of the current product, in the order first seen.
    private let touched: UnsafeMutableBufferPointer<Int32>
    private var touchedCount = 0
    /// The suppliers with a positive value while they are ranked, then in rank order for the row formula.
    private let order: UnsafeMutableBufferPointer<(value: Double, supplier: Int32)>
    private let ranked: UnsafeMutableBufferPointer<RankedSupplier>

    init(suppliers: Int) {
        sums = .allocate(capacity: suppliers)
        compensations = .allocate(capacity: suppliers)
        isTouched = .allocate(capacity: suppliers)
        isTouched.initialize(repeating: false)
        touched = .allocate(capacity: suppliers)
        order = .allocate(capacity: suppliers)
        ranked = .allocate(capacity: suppliers)
    }

    deinit {
        sums.deallocate()
        compensations.deallocate()
        isTouched.deallocate()
        touched.deallocate()
        order.deallocate()
        ranked.deallocate()
    }

    /// Starts a new product.
    mutating func reset() {
        for index in 0..<touchedCount { isTouched[Int(touched[index])] = false }
        touchedCount = 0
        supplierValue = CompensatedSum()
        unallocatedValue = CompensatedSum()
        worldValue = nil
        suppressedCells = 0
    }

    /// Adds one flow: `partner` is a supplier index, `ColumnarConcentration.unallocated` or `.world`; NaN is missing.
    @inline(__always)
    mutating func add(partner: Int32, value: Double) {
        guard !value.isNaN else {
            suppressedCells += 1
            return
        }
        if partner >= 0 {
            let supplier = Int(partner)
            if !isTouched[supplier] {
                isTouched[supplier] = true
                sums[supplier] = 0
                compensations[supplier] = 0
                touched[touchedCount] = partner
                touchedCount += 1
            }
            let sum = sums[supplier]
            let total = sum + value
            compensations[supplier] += abs(sum) >= abs(value) ? (sum - total) + value : (value - total) + sum
            sums[supplier] = total
            supplierValue.add(value)
        } else if partner == ColumnarConcentration.world {
            worldValue = (worldValue ?? 0) + value
        } else {
            unallocatedValue.add(value)
        }
    }

    /// The suppliers with a positive value, largest first — ties go to the lower index, i.e. the lower code — and
    /// the index of the first. The buffer is valid until the next `reset`.
    mutating func rankSuppliers(isEU: [Bool]) -> (suppliers: UnsafeBufferPointer<RankedSupplier>, top: Int?) {
        var count = 0
        for index in 0..<touchedCount {
            let supplier = touched[index]
            let value = sums[Int(supplier)] + compensations[Int(supplier)]
            if value > 0 {
                order[count] = (value, supplier)
                count += 1
            }
        }
        var positive = UnsafeMutableBufferPointer(rebasing: order[0..<count])
        if count <= 32 {
            Self.insertionSort(positive)
        } else {
            positive.sort { Self.precedes($0, $1) }
        }
        for index in 0..<count {
            ranked[index] = RankedSupplier(value: positive[index].value, isEU: isEU[Int(positive[index].supplier)])
        }
        return (UnsafeBufferPointer(rebasing: ranked[0..<count]), count > 0 ? Int(positive[0].supplier) : nil)
    }

    /// Larger value first; on equal values the lower index.
    @inline(__always)
    private static func precedes(_ lhs: (value: Double, supplier: Int32), _ rhs: (value: Double, supplier: Int32))
        -> Bool
    {
        lhs.value > rhs.value || (lhs.value == rhs.value && lhs.supplier < rhs.supplier)
    }

    /// Sorts a few suppliers in place; faster than the standard sort for the handful most products have.
    private static func insertionSort(_ suppliers: UnsafeMutableBufferPointer<(value: Double, supplier: Int32)>) {
        for index in suppliers.indices.dropFirst() {
            let supplier = suppliers[index]
            var position = index
            while position > 0 && precedes(supplier, suppliers[position - 1]) {
                suppliers[position] = suppliers[position - 1]
                position -= 1
            }
            suppliers[position] = supplier
        }
    }
}
