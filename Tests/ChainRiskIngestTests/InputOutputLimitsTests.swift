import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("input-output table limits: a cap on sectors and a memory estimate before any matrix is allocated")
struct InputOutputLimitsTests {
    let place = SourceLocation(file: "t_Z_long.csv", line: 7, column: 1)

    @Test("GLORIA's 19,680 sectors fit on a machine with 64 GB; 20,001 sectors do not fit anywhere")
    func cap() throws {
        try InputOutputLimits.require(sectors: 19_680, at: place, memory: 64e9)
        let error = #expect(throws: InputError.self) {
            try InputOutputLimits.require(sectors: 20_001, at: place, memory: 1e15)
        }
        #expect(error?.location == place)
        #expect(error?.message.contains("more than 20,000 sectors") == true, "\(String(describing: error))")
    }

    @Test("the estimate (four n × n matrices of doubles) is compared with the machine's memory")
    func memory() throws {
        // 5,000 sectors: 4 · 5,000² · 8 bytes = 0.8 GB.
        #expect(InputOutputLimits.estimatedBytes(sectors: 5_000) == 800_000_000)
        try InputOutputLimits.require(sectors: 5_000, at: place, memory: 1e9)
        let error = #expect(throws: InputError.self) {
            try InputOutputLimits.require(sectors: 5_000, at: place, memory: 0.5e9)
        }
        #expect(error?.message.contains("5,000 sectors needs about 1 GB") == true, "\(String(describing: error))")
    }
}
