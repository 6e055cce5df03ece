import Dispatch

/// Runs blocking computations (SQLite reads, LAPACK, ARIO, report rendering) off Swift's cooperative threads, in
/// two lanes of fixed width, so that cheap requests never wait behind long ones.
///
/// - `long`: `workers` slots (`ServerConfiguration.workers`, default max(2, active processors)) for scenario runs,
///   origins and the analyses, reports and pages of stored datasets. At most `workers` of them run at once; more wait
///   in arrival order, on no thread.
/// - `cheap`: `cheapWorkers` slots of its own (default 1) for work known to take milliseconds: the built-in
///   letter's pages and JSON, sectors, events, options, dataset listings. It never waits for a long slot.
///
/// A separate cheap lane rather than long work limited to workers − 1 slots of one shared pool: on 2 cores that
/// would leave long work a single slot, and two scenario runs would again run one after the other. The price is that
/// up to `workers + cheapWorkers` threads compute at once, the cheap ones briefly.
///
/// Each slot is a serial dispatch queue of its own, which libdispatch runs on a thread of its own when it has work
/// (serial queues overcommit). A concurrent queue would draw on the global pool sized to the cores, where a cheap
/// job could wait for a thread behind CPU-bound long jobs although its lane had a free slot.
final class WorkPool: Sendable {
    /// Which slots a computation takes.
    enum Lane: Sendable {
        /// Seconds of work: scenario runs, origins, analyses of stored datasets.
        case long
        /// Milliseconds of work on data held in memory or small SQLite reads.
        case cheap
    }

    private let long: WorkLane
    private let cheap: WorkLane

    init(workers: Int, cheapWorkers: Int, label: String = "chainrisk.work") {
        long = WorkLane(width: workers, label: label + ".long")
        cheap = WorkLane(width: cheapWorkers, label: label + ".cheap")
    }

    /// Most computations of the long lane at once.
    var workers: Int { long.gate.count }

    /// Most computations of the cheap lane at once.
    var cheapWorkers: Int { cheap.gate.count }

    /// The result of `work`, computed on a thread of `lane` once one of its slots is free.
    func run<T: Sendable>(_ lane: Lane, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await (lane == .long ? long : cheap).run(work)
    }
}

/// A fixed number of slots, each a serial queue, behind a gate that admits one computation per slot.
private final class WorkLane: Sendable {
    let gate: SlotGate
    private let queues: [DispatchQueue]

    init(width: Int, label: String) {
        gate = SlotGate(count: width)
        queues = (0..<gate.count).map { DispatchQueue(label: "\(label).\($0)") }
    }

    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let slot = await gate.acquire()
        defer { gate.release(slot) }
        return try await withCheckedThrowingContinuation { continuation in
            queues[slot].async { continuation.resume(with: Result { try work() }) }
        }
    }
}
