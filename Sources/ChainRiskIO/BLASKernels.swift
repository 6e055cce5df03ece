import CLapack
import Foundation

/// Which OpenBLAS kernels run, and a better choice when the library did not recognise the CPU.
///
/// Debian's OpenBLAS 0.3.21 falls back to its generic "Prescott" kernels (SSE3) on CPUs newer than it, such as
/// Intel's Emerald Rapids: a 3,465-industry LU then takes 1.1 s instead of 0.4 s. OpenBLAS picks its kernels once,
/// when it loads, from `OPENBLAS_CORETYPE`; the command line sets that variable and starts itself again. Every result
/// is the same whichever kernels run (solves are refined, printed figures rounded; see `MachineIndependenceTests`).
public enum BLASKernels {
    /// The kernel family OpenBLAS is using.
    public static var current: String {
        guard let name = openblas_get_corename() else { return "" }
        return String(cString: name)
    }

    /// The kernel family to ask for instead of OpenBLAS's generic fallback on this machine (see below).
    public static func betterCoreType() -> String? {
        betterCoreType(
            coreTypeSet: ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil, current: current,
            cpuFlags: cpuFlags())
    }

    /// The kernel family to ask for instead of OpenBLAS's generic fallback, from the CPU's instruction-set flags:
    /// nil when OpenBLAS recognised the CPU, `OPENBLAS_CORETYPE` is already set, or the CPU has no AVX.
    public static func betterCoreType(coreTypeSet: Bool, current: String, cpuFlags: Set<String>) -> String? {
        guard !coreTypeSet, current.lowercased() == "prescott" else { return nil }
        if cpuFlags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if cpuFlags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        if cpuFlags.contains("avx") { return "Sandybridge" }
        return nil
    }

    /// The `flags` line of /proc/cpuinfo (empty where there is none).
    public static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
            let colon = line.firstIndex(of: ":")
        else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
