import Foundation
import Testing

@Suite("chainrisk serve: options checked before the server starts")
struct ServeOptionsTests {
    @Test("--workers outside 1…256 is a usage error (exit 64) naming the range")
    func workers() throws {
        let result = try CLIRunner().run(["serve", "--workers", "0", "--port", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--workers must be between 1 and 256"))
    }
}
