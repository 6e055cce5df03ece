import ChainRiskIO
import Testing

/// OpenBLAS's generic fallback on a CPU it does not know is replaced by the newest kernels the CPU's flags support.
@Suite("BLAS kernels: a better choice than OpenBLAS's generic fallback")
struct BLASKernelsTests {
    static let emeraldRapids: Set<String> = [
        "sse3", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq",
    ]

    @Test("Prescott on an AVX-512 CPU → SkylakeX; on AVX2 → Haswell; on AVX → Sandybridge; older → none")
    func fallbackReplaced() {
        #expect(
            BLASKernels.betterCoreType(coreTypeSet: false, current: "Prescott", cpuFlags: Self.emeraldRapids)
                == "SkylakeX")
        #expect(
            BLASKernels.betterCoreType(coreTypeSet: false, current: "Prescott", cpuFlags: ["avx", "avx2", "fma"])
                == "Haswell")
        #expect(BLASKernels.betterCoreType(coreTypeSet: false, current: "Prescott", cpuFlags: ["avx"]) == "Sandybridge")
        #expect(BLASKernels.betterCoreType(coreTypeSet: false, current: "Prescott", cpuFlags: ["sse3"]) == nil)
    }

    @Test("a recognised CPU, or OPENBLAS_CORETYPE already set, is left alone (no loop of restarts)")
    func leftAlone() {
        #expect(
            BLASKernels.betterCoreType(coreTypeSet: false, current: "SkylakeX", cpuFlags: Self.emeraldRapids) == nil)
        #expect(BLASKernels.betterCoreType(coreTypeSet: false, current: "Haswell", cpuFlags: Self.emeraldRapids) == nil)
        #expect(BLASKernels.betterCoreType(coreTypeSet: true, current: "Prescott", cpuFlags: Self.emeraldRapids) == nil)
    }

    @Test("the running process names the kernel family OpenBLAS chose")
    func running() {
        #expect(!BLASKernels.current.isEmpty)
    }
}
