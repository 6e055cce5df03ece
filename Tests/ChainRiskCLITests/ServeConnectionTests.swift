import Foundation
import Testing

/// Connection hygiene of the real `chainrisk serve`: what a client that breaks the protocol gets.
@Suite("serve: oversized and stalled requests")
struct ServeConnectionTests {
    /// Sends `bytes` on a new loopback connection to `port`, then reads until the server closes or `seconds` pass;
    /// returns what came back and whether the server closed the connection.
    static func exchange(port: Int, _ bytes: [UInt8], wait seconds: Double) throws -> (response: String, closed: Bool) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), false) }
            received += buffer.prefix(count)
        }
    }

    @Test(
        "a 100 KB query string gets 431 with a JSON body naming the limit; a connection stopped mid-header is closed after --idle-timeout"
    )
    func oversizedAndStalled() throws {
        let folder = NSTemporaryDirectory() + "chainrisk-serve-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let server = try ServedProcess(database: folder + "/store.sqlite", arguments: ["--idle-timeout", "1"])
        defer { server.stop() }
        let port = try #require(server.url.split(separator: ":").last.flatMap { Int($0) })

        let long = Array(
            "GET /api/v1/datasets?x=\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let oversized = try Self.exchange(port: port, long, wait: 10)
        #expect(oversized.response.hasPrefix("HTTP/1.1 431"), "\(oversized.response.prefix(200))")
        #expect(oversized.response.contains("\"error\": \"request_too_large\"") && oversized.response.contains("80 KB"))

        // 3,000 headers of 100 bytes (300 KB): the answer arrives whole although the client was still sending.
        let headers = (0..<3_000).map { "X-Header-\($0): \(String(repeating: "v", count: 100))\r\n" }.joined()
        let many = try Self.exchange(
            port: port, Array("GET /api/v1/datasets HTTP/1.1\r\nHost: x\r\n\(headers)\r\n".utf8), wait: 10)
        #expect(many.response.hasPrefix("HTTP/1.1 431") && many.closed, "\(many.response.prefix(200))")

        let started = Date()
        let stalled = try Self.exchange(
            port: port, Array("GET /api/v1/datasets HTTP/1.1\r\nHost: x\r\n".utf8), wait: 10)
        #expect(stalled.closed && stalled.response.isEmpty, "\(stalled)")
        #expect(Date().timeIntervalSince(started) < 8)

        let normal = try Self.exchange(
            port: port, Array("GET /api/v1/datasets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), wait: 10)
        #expect(normal.response.hasPrefix("HTTP/1.1 200"), "\(normal.response.prefix(200))")
    }
}
