import ChainRiskCore
import ChainRiskIngest
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths to the shared sample data and helpers to read a file into a tally, for the Comtrade and CBS tests.
enum ComtradeTestData {
    /// The package root, derived from this file's path (`<root>/Tests/ChainRiskIngestTests/…`).
    static let packageRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `../shared/data` relative to the package root.
    static let sharedData = packageRoot + "/../shared/data"

    /// A file under `shared/data/comtrade_comtradr`.
    static func comtrade(_ name: String) -> InputFile {
        InputFile(path: sharedData + "/comtrade_comtradr/" + name, displayName: name)
    }

    /// A file under `shared/data/cbs`.
    static func cbs(_ name: String) -> InputFile {
        InputFile(path: sharedData + "/cbs/" + name, displayName: name)
    }

    /// Writes `text` to a fresh temporary file and returns it (tests run in parallel: names are unique).
    static func temporaryFile(_ text: String, name: String) throws -> InputFile {
        try temporaryFile(Array(text.utf8), name: name)
    }

    /// Writes `bytes` to a fresh temporary file and returns it.
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> InputFile {
        let path = "/tmp/chainrisk-ingest-test-\(UInt64.random(in: 0...UInt64.max))-\(name)"
        let written = path.withCString { cPath -> Bool in
            guard let handle = fopen(cPath, "wb") else { return false }
            defer { fclose(handle) }
            return bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) } == bytes.count
        }
        try #require(written, "could not write \(path)")
        return InputFile(path: path, displayName: name)
    }

    /// Deletes a temporary file.
    static func remove(_ file: InputFile) {
        unlink(file.path)
    }

    /// Reads `file` with `reader`, tallying the flows.
    static func tally(_ reader: any TradeReader, _ file: InputFile, options: ReadOptions = ReadOptions()) throws -> (
        ReadSummary, ComtradeTestData.Tally
    ) {
        var tally = ComtradeTestData.Tally()
        let summary = try reader.read(file, options: options) { flow, _ in tally.add(flow) }
        return (summary, tally)
    }

    /// Reads `file` with `reader`, keeping every flow (small files only).
    static func flows(_ reader: any TradeReader, _ file: InputFile, options: ReadOptions = ReadOptions()) throws -> (
        ReadSummary, [TradeFlow]
    ) {
        var flows: [TradeFlow] = []
        let summary = try reader.read(file, options: options) { flow, _ in flows.append(flow) }
        return (summary, flows)
    }

    /// The error `body` throws, which must be an `InputError`.
    static func inputError(_ body: () throws -> Void) -> InputError? {
        do {
            try body()
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("expected an InputError, got \(error)")
        }
        return nil
    }

    /// Counts and sums over a stream of flows; sums are compensated (`CompensatedSum`), close to Python's `math.fsum`.
    struct Tally {
        var flows = 0
        var world = 0
        var suppressed = 0
        var missing = 0
        var withQuantity = 0
        var partners: [CountryCode: Int] = [:]
        var flowKinds: [FlowKind: Int] = [:]
        private(set) var valueSum = CompensatedSum()
        private(set) var quantitySum = CompensatedSum()

        mutating func add(_ flow: TradeFlow) {
            flows += 1
            if flow.partner == .world { world += 1 }
            if flow.status == .suppressed { suppressed += 1 }
            if flow.status == .missing { missing += 1 }
            partners[flow.partner, default: 0] += 1
            flowKinds[flow.flow, default: 0] += 1
            if let value = flow.value { valueSum.add(value) }
            if let quantity = flow.quantity {
                withQuantity += 1
                quantitySum.add(quantity)
            }
        }

        var sum: Double { valueSum.value }
        var quantity: Double { quantitySum.value }
    }

    /// True when `actual` is within 1e-9 relative of `expected`.
    static func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-9) -> Bool {
        abs(actual - expected) <= tolerance * max(abs(expected), 1)
    }
}
