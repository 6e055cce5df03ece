import Foundation
import Testing

/// The promise "same inputs, same bytes" on every machine: outputs built on LAPACK solves do not change with the
/// kernels OpenBLAS picks for a CPU or with its thread count (the solves are refined to the correctly rounded
/// solution, see `LUFactorization`).
@Suite("Machine independence: the same bytes whichever OpenBLAS kernels run")
struct MachineIndependenceTests {
    /// Core types this CPU can run (a forced core type the CPU lacks would stop on an illegal instruction), and one
    /// thread; always Prescott (SSE3), which every x86-64 CPU of this century runs. Elsewhere the variable is ignored.
    static var environments: [[String: String]] {
        let flags =
            (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("flags") }.map {
                Set($0.split(separator: " ").map(String.init))
            } ?? []
        var result: [[String: String]] = [["OPENBLAS_NUM_THREADS": "1"], ["OPENBLAS_CORETYPE": "Prescott"]]
        if flags.contains("avx") { result.append(["OPENBLAS_CORETYPE": "Sandybridge"]) }
        if flags.contains("avx2") && flags.contains("fma") { result.append(["OPENBLAS_CORETYPE": "Haswell"]) }
        if flags.contains("avx512f") { result.append(["OPENBLAS_CORETYPE": "SkylakeX"]) }
        return result
    }

    static let commands: [[String]] = [
        ["report", "--format", "json"] + OriginsCommandTests.nld11,
        [
            "scenario", "--mrio", "\(CLIRunner.sharedData)/wiod2013/wiod2013_2011_nld11_Z.csv", "--shock", "CHN:0.5:8",
            "--model", "leontief", "--format", "json",
        ],
        ["io", "multipliers", "--format", "json"] + OriginsCommandTests.nld11,
    ]

    @Test(
        "report --mrio, scenario --model leontief and io multipliers give identical JSON under every OpenBLAS core type and one thread",
        arguments: commands)
    func identicalBytes(_ arguments: [String]) throws {
        let cli = CLIRunner()
        let reference = try cli.run(arguments)
        try #require(reference.status == 0, "\(reference.stderr)")
        for environment in Self.environments {
            let run = try cli.run(arguments, environment: environment)
            #expect(run.status == 0, "\(environment): \(run.stderr)")
            let diff = SnapshotDiff(expected: reference.stdout, actual: run.stdout)
            #expect(
                run.stdout == reference.stdout,
                "\(environment) changes \(diff.differences.count) line(s), e.g. \(diff.summary(limit: 3)); \(run.stdout == reference.stdout)"
            )
        }
    }
}

@Suite("Snapshot comparison: numbers within 1e-9, text exact, a short diff")
struct SnapshotDiffTests {
    @Test("a last-digit change passes; a changed figure, word or line count fails and names its line")
    func tolerance() {
        #expect(
            SnapshotDiff(expected: "a 173.3546315017332,\nb", actual: "a 173.35463150173322,\nb").differences.isEmpty)
        #expect(SnapshotDiff(expected: "x: -1.5e-3", actual: "x: -1.5000000000001e-3").differences.isEmpty)
        let changed = SnapshotDiff(expected: "a 1\nb 2.5\nc", actual: "a 1\nb 2.6\nd")
        #expect(changed.differences.map(\.line) == [2, 3])
        #expect(changed.summary(limit: 1).contains("line 2:") && changed.summary(limit: 1).contains("… and 1 more"))
        #expect(SnapshotDiff(expected: "a\nb", actual: "a").differences.map(\.line) == [2])
        #expect(!SnapshotDiff(expected: "HS 2017", actual: "HS 2022").differences.isEmpty)
    }
}
