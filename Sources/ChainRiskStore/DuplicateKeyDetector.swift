import ChainRiskCore
import ChainRiskIngest
import Foundation

/// Finds the flows of one import that share their whole key (reporter, partner, product, flow, year, month), from
/// the integer ids the import writes, without asking the database to sort the dataset.
///
/// Each flow's key is packed into one 64-bit word (product id 24 bits, reporter and partner ids 12 bits each, years
/// 1900–2155, month, flow kind); a sort of those words finds equal keys. A key that does not fit (a store with more
/// than 4,096 countries, say) marks the detector as overflowed and the caller groups in SQL instead.
struct DuplicateKeyDetector: Sendable {
    /// A flow's packed key and its position among the import's flows.
    private struct Entry: Sendable {
        var key: UInt64
        var row: UInt32
    }

    private var entries: [Entry] = []
    /// True when a key did not fit the packing (or the import has more than 2³² flows): use another method.
    private(set) var overflowed = false

    private static let flowKinds = Dictionary(
        uniqueKeysWithValues: FlowKind.allCases.enumerated().map { ($1, UInt64($0)) })

    /// Records the key of the import's `row`-th flow (0-based).
    @inline(__always)
    mutating func add(row: Int, reporter: Int64, partner: Int64, product: Int64, flow: FlowKind, year: Int, month: Int)
    {
        guard !overflowed else { return }
        let yearOffset = year - 1900
        guard (0..<(1 << 24)).contains(product), (0..<(1 << 12)).contains(reporter), (0..<(1 << 12)).contains(partner),
            (0..<256).contains(yearOffset), (0..<16).contains(month), row <= Int(UInt32.max),
            let kind = Self.flowKinds[flow]
        else {
            overflowed = true
            entries = []
            return
        }
        let key =
            UInt64(product) << 40 | UInt64(reporter) << 28 | UInt64(partner) << 16 | UInt64(yearOffset) << 8
            | UInt64(month) << 4 | kind
        entries.append(Entry(key: key, row: UInt32(row)))
    }

    /// The positions of the flows of each key held by more than one flow, each group in import order; groups in the
    /// order of their first flow.
    mutating func duplicateGroups() -> [[Int]] {
        entries.sort { ($0.key, $0.row) < ($1.key, $1.row) }
        var groups: [[Int]] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            if end - start > 1 { groups.append(entries[start..<end].map { Int($0.row) }) }
            start = end
        }
        entries = []
        return groups.sorted { $0[0] < $1[0] }
    }
}

/// Flows of one import that share their whole key: the key's ids, how many flows share it, and the first and last of
/// them (file position and line). Both backends find them; this turns them into the same findings.
struct DuplicateKeyGroup {
    let reporter: Int64
    let partner: Int64
    let product: Int64
    let flow: Int64
    let year: Int
    let month: Int
    let count: Int
    let first: (file: Int, line: Int)
    let last: (file: Int, line: Int)

    /// Findings for flows that share their whole key (period, reporter, partner, product, flow), in key order.
    static func findings(_ groups: [DuplicateKeyGroup], files: [InputFile], codes: FlowCodeBook) -> FindingLog {
        var log = FindingLog()
        // Examples in key order, as the v1 schema's index gave them: reporter, year, flow, product, partner, month.
        let described = groups.map { group -> (group: DuplicateKeyGroup, order: [String], text: String) in
            let product = codes.products[group.product]
            let reporter = codes.countries[group.reporter] ?? "?"
            let partner = codes.countries[group.partner] ?? "?"
            let flow = codes.labels[group.flow] ?? "?"
            let year = group.year
            let month = group.month
            let classification = product?.classification.token ?? "?"
            let code = product?.code ?? "?"
            let text = ImportRequest.describeKey(
                reporter: reporter, partner: partner, classification: classification, product: code, flow: flow,
                year: year, month: month)
            let order = [
                reporter, String(format: "%06d", year), flow, classification, code, partner,
                String(format: "%02d", month),
            ]
            return (group, order, text)
        }.sorted { $0.order.lexicographicallyPrecedes($1.order) }
        for (index, (group, _, description)) in described.enumerated() {
            guard index < log.examplesPerKind, files.indices.contains(group.last.file) else {
                log.record(Finding(.duplicateKey, "\(group.count) flows share the key \(description)"))
                continue
            }
            log.record(
                Finding(
                    .duplicateKey,
                    "\(group.count) flows share the key \(description); first at line \(group.first.line)",
                    at: SourceLocation(file: files[group.last.file].displayName, line: group.last.line, column: 1)
                ))
        }
        return log
    }
}
