import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API and dashboard: the same Excel downloads as the CLI")
struct WorkbookAPITests {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    @Test(
        "report?format=xlsx and concentration?format=xlsx (built-in and stored) answer workbooks as downloads; the pages link to them"
    )
    func downloads() async throws {
        try await TestServer.run { client in
            let report = try await client.get("/api/v1/report?format=xlsx")
            #expect(report.status == .ok && report.headers[.contentType] == Self.xlsx)
            #expect(report.headers[.contentDisposition] == "attachment; filename=\"chainrisk-report.xlsx\"")
            #expect(Array(report.body.readableBytesView.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            let letter = try await client.get("/api/v1/concentration?format=xlsx")
            #expect(letter.status == .ok && Array(letter.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            let data = try Data(contentsOf: URL(fileURLWithPath: TestServer.comtradeNL))
            #expect(try await client.upload("nl", data).status == .created)
            let stored = try await client.get("/api/v1/concentration?dataset=nl&year=2022&format=xlsx")
            #expect(
                stored.status == .ok && stored.headers[.contentType] == Self.xlsx && stored.body.readableBytes > 2_000)
            #expect(try await client.get("/api/v1/concentration?dataset=nl&format=pdf").status == .badRequest)
            #expect(try await client.get("/").text.contains("/api/v1/report?format=xlsx"))
            #expect(
                try await client.get("/products?dataset=nl").text.contains(
                    "/api/v1/concentration?format=xlsx&amp;dataset=nl"))
        }
    }
}
