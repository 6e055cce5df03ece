import ChainRiskCore

extension ColumnarConcentration.FlowIndex {
    typealias Entry = ColumnarConcentration.Entry

    /// The flows of the selected reporters, years and products grouped by block — one reporter and year — with a
    /// stable counting sort on all cores: the start of each block (plus the end), and the entries.
    ///
    /// Each file block is counted per target block, which fixes where its flows go; then the file blocks are
    /// scattered in parallel, each into its own slots, so every target block lists its flows in source order.
    /// Each file block is freed once scattered, so the flows are never held twice.
    func sortedEntries(_ flows: consuming [TradeFlowColumns]) -> (blockStart: [Int], entries: [Entry]) {
        let sources = BlockSource(flows)
        let blockCount = reporters.count * years.count
        let counts = ParallelMap.map(sources.count) { source in
            var counts = [Int](repeating: 0, count: blockCount)
            sources.withBlock(source) { block, file in
                forEachSelected(block, file: file) { target, _ in counts[target] += 1 }
            }
            return counts
        }
        var blockStart = [Int](repeating: 0, count: blockCount + 1)
        for sourceCounts in counts {
            for target in 0..<blockCount { blockStart[target + 1] += sourceCounts[target] }
        }
        for target in 0..<blockCount { blockStart[target + 1] += blockStart[target] }
        // Where each source's flows of each target block start: after the earlier sources' flows of that block.
        var next = blockStart
        let starts = counts.map { sourceCounts in
            defer { for target in 0..<blockCount { next[target] += sourceCounts[target] } }
            return Array(next.prefix(blockCount))
        }
        let total = blockStart[blockCount]
        let entries = [Entry](unsafeUninitializedCapacity: total) { buffer, initialized in
            let target = SharedEntries(buffer: buffer)
            _ = ParallelMap.map(sources.count) { source in
                var next = starts[source]
                sources.takeBlock(source) { block, file in
                    forEachSelected(block, file: file) { block, entry in
                        target.buffer.initializeElement(at: next[block], to: entry)
                        next[block] += 1
                    }
                }
            }
            initialized = total
        }
        return (blockStart, entries)
    }

    /// Calls `body(target block, entry)` for every flow of `block` whose reporter, year and product are selected.
    @inline(__always)
    private func forEachSelected(_ block: TradeFlowColumns.Block, file: Int, _ body: (Int, Entry) -> Void) {
        let reporterIndex = self.reporterIndex[file]
        let productIndex = self.productIndex[file]
        let partnerIndex = self.partnerIndex[file]
        let yearCount = years.count
        for flow in 0..<block.count {
            let reporter = reporterIndex[Int(block.reporters[flow])]
            let year = yearIndex[Int(block.years[flow])]
            let product = productIndex[Int(block.products[flow])]
            guard reporter >= 0 && year >= 0 && product >= 0 else { continue }
            let entry = Entry(
                partner: partnerIndex[Int(block.partners[flow])], product: product, value: block.values[flow])
            body(Int(reporter) * yearCount + Int(year), entry)
        }
    }
}

/// The blocks of all files in order, read by any worker while counting and then taken — and freed — by the one
/// worker that scatters each; slots live in raw memory so that workers touching different slots never contend.
private final class BlockSource: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<(file: Int, block: TradeFlowColumns.Block?)>

    init(_ flows: consuming [TradeFlowColumns]) {
        var blocks: [(file: Int, block: TradeFlowColumns.Block?)] = []
        for file in flows.indices {
            for block in flows[file].blocks { blocks.append((file, block)) }
            flows[file].blocks = []
        }
        slots = .allocate(capacity: blocks.count)
        _ = slots.initialize(fromContentsOf: blocks)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var count: Int { slots.count }

    /// Calls `body` with block `index` and its file, keeping the block.
    func withBlock(_ index: Int, _ body: (TradeFlowColumns.Block, Int) -> Void) {
        if let block = slots[index].block { body(block, slots[index].file) }
    }

    /// Calls `body` with block `index` and its file, and lets the block go; each index is taken by one worker.
    func takeBlock(_ index: Int, _ body: (TradeFlowColumns.Block, Int) -> Void) {
        guard let block = slots[index].block else { return }
        slots[index].block = nil
        body(block, slots[index].file)
    }
}

/// The sorted entries' memory, written by several workers at once, each only at its own positions.
private struct SharedEntries: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ColumnarConcentration.Entry>
}
