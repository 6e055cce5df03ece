import ChainRiskCore
import Testing

@Suite("NumberFormat.stable: full-precision output that BLAS kernels cannot change")
struct StableNumberTests {
    @Test("12 significant digits at any magnitude; last-bit differences vanish; zero and infinities pass")
    func rounding() {
        // Two results of the same sum from different kernels: 1 ulp apart, one value after rounding.
        #expect(NumberFormat.stable(0.5777629075129801) == NumberFormat.stable(0.5777629075129802))
        #expect(NumberFormat.stable(0.5777629075129801) == 0.577762907513)
        #expect(NumberFormat.stable(123_456_789.123456789) == 123_456_789.123)
        #expect(NumberFormat.stable(-0.000123456789012345) == -0.000123456789012)
        #expect(NumberFormat.stable(1.5e20) == 1.5e20)
        #expect(NumberFormat.stable(0) == 0)
        #expect(NumberFormat.stable(.infinity) == .infinity)
    }
}
