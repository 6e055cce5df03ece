import ChainRiskCore
import Testing

@Suite("findings: notes are kept and counted, but --strict fails only on problems")
struct FindingLogTests {
    @Test("a mapped code is a note; a negative value is a problem, and the first problem is the one reported")
    func problems() throws {
        var log = FindingLog()
        log.record(Finding(.mappedCode, "CEPII country code 490 'Other Asia, nes' (1 row) mapped to TWN"))
        #expect(log.total == 1)
        #expect(log.problems == nil)
        log.record(Finding(.negativeValue, "value -3"))
        log.record(Finding(.negativeValue, "value -4"))
        let problems = try #require(log.problems)
        #expect(problems.count == 2)
        #expect(problems.first.message == "value -3")
        #expect(log.total == 3)
    }
}
