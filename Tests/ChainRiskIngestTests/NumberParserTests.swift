import ChainRiskIngest
import Testing

@Suite("Number parser")
struct NumberParserTests {
    func int(_ text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { NumberParser.int(UnsafeRawBufferPointer($0)) }
    }

    @Test(arguments: [
        ("0", 0), ("7", 7), ("-42", -42), ("+42", 42), ("007", 7), ("9223372036854775807", Int.max),
    ])
    func integers(text: String, value: Int) {
        #expect(int(text) == value)
    }

    @Test(arguments: ["", "-", "+", "1.0", "1e3", "12a", " 1", "9223372036854775808", "1,5", "--1"])
    func notIntegers(text: String) {
        #expect(int(text) == nil)
    }

    @Test(arguments: [
        ("0", 0.0), ("1.5", 1.5), ("-2.25", -2.25), ("+3", 3.0), (".5", 0.5), ("5.", 5.0), ("1e3", 1000.0),
        ("-2E-3", -0.002), ("1.25e+2", 125.0), ("0.434", 0.434), ("  12.5\t", 12.5), ("1250000.5", 1_250_000.5),
        ("00012", 12.0), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("4.9e-324", Double.leastNonzeroMagnitude),
    ])
    func decimals(text: String, value: Double) {
        #expect(NumberParser.double(text) == value)
    }

    @Test func negativeZeroKeepsItsSign() throws {
        let value = try #require(NumberParser.double("-0"))
        #expect(value == 0 && value.sign == .minus)
    }

    @Test(arguments: [
        "", " ", "-", ".", "e5", "1e", "1e+", "1,5", "1.000,5", "1 000", "nan", "NaN", "inf", "-inf", "Infinity",
        "0x1p3", "1.5.2", "1e5x", "12a", "--1", "1e400", "-1e400",
    ])
    func notDecimals(text: String) {
        #expect(NumberParser.double(text) == nil)
    }

    /// SplitMix64, so that a failing string can be replayed from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomDecimal(using random: inout SeededGenerator) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        var text = ["", "-", "+"][Int.random(in: 0..<3, using: &random)]
        let integerDigits = Int.random(in: 0...20, using: &random)
        let fractionDigits = Int.random(in: integerDigits == 0 ? 1...20 : 0...20, using: &random)
        text += digits(integerDigits)
        if fractionDigits > 0 || Bool.random(using: &random) { text += "." + digits(fractionDigits) }
        switch Int.random(in: 0..<4, using: &random) {
        case 0: text += "e" + String(Int.random(in: -30...30, using: &random))
        case 1: text += "E" + String(Int.random(in: -320...300, using: &random))
        default: break
        }
        return text
    }

    /// The fast path must round exactly as the standard library does, bit for bit.
    @Test func randomDecimalsMatchTheStandardLibrary() {
        var random = SeededGenerator(state: 2025)
        var checked = 0
        for _ in 0..<100_000 {
            let text = Self.randomDecimal(using: &random)
            guard let expected = Double(text), expected.isFinite else { continue }
            let parsed = NumberParser.double(text)
            if parsed?.bitPattern != expected.bitPattern {
                Issue.record("'\(text)': parsed \(String(describing: parsed)), expected \(expected)")
                return
            }
            checked += 1
        }
        #expect(checked > 95_000)
    }

    /// Numbers as BACI and Comext write them: up to 3 decimals, fast-path territory.
    @Test func shortDecimalsMatchTheStandardLibrary() {
        var random = SeededGenerator(state: 7)
        for _ in 0..<100_000 {
            let text =
                String(Int.random(in: 0...99_999_999, using: &random)) + "."
                + String(Int.random(in: 0...999, using: &random))
            #expect(NumberParser.double(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }
}
