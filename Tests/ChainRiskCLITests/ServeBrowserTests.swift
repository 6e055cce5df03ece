import Foundation
import Testing

/// `chainrisk serve` started as a user would, on a free loopback port with a fresh database, then used in a real
/// headless Chromium: the overview, a click that sorts the product table, a product page and the language switch.
@Suite("chainrisk serve in a real browser", .serialized)
struct ServeBrowserTests {
    @Test(
        "overview, sorting the product table by HHI, a product page and the Dutch switch, with screenshots",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: DevToolsPipe.chromium),
            "skipped: /usr/bin/chromium is missing (apt-get install -y chromium; scripts/setup.sh installs it)"))
    func browse() throws {
        let folder = NSTemporaryDirectory() + "chainrisk-browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/profile", withIntermediateDirectories: true)
        print("browser test screenshots: \(folder)")
        let server = try ServedProcess(database: folder + "/store.sqlite")
        defer { server.stop() }
        let browser = try DevToolsPipe(profile: folder + "/profile")
        try browser.openPage()

        try browser.send("Page.navigate", ["url": server.url + "/"])
        try browser.wait(for: "document.readyState === 'complete' && location.pathname === '/'")
        #expect(
            try browser.evaluate("document.querySelector('h1').textContent") as? String
                == "Vulnerability of Dutch business to disruptions in global value chains")
        #expect(try browser.numbers("[document.querySelectorAll('svg').length]").first ?? 0 >= 2)
        try browser.screenshot(folder + "/1-overview.png")

        try browser.click("nav a[href^='/products']")
        try browser.wait(for: "document.readyState === 'complete' && location.pathname === '/products'")
        let hhiColumn =
            "Array.prototype.map.call(document.querySelectorAll('#products tbody tr'), function (r) { return Number(r.children[2].getAttribute('data-value')); })"
        let before = try browser.numbers(hhiColumn)
        #expect(before.count == 18)
        #expect(before != before.sorted(), "the letter's order (by value) is not already by HHI")
        try browser.click("#products thead th:nth-child(3) button")
        try browser.wait(
            for: "document.querySelector('#products thead th:nth-child(3)').getAttribute('aria-sort') === 'ascending'")
        let after = try browser.numbers(hhiColumn)
        #expect(after == before.sorted())
        try browser.screenshot(folder + "/2-products-sorted-by-hhi.png")

        // A second click sorts descending; the first row is then a product with the highest HHI.
        try browser.click("#products thead th:nth-child(3) button")
        try browser.wait(
            for: "document.querySelector('#products thead th:nth-child(3)').getAttribute('aria-sort') === 'descending'")
        let product = try #require(
            try browser.evaluate("document.querySelector('#products tbody tr th a').textContent") as? String)
        try browser.click("#products tbody tr th a")
        try browser.wait(for: "document.readyState === 'complete' && location.pathname.indexOf('/products/') === 0")
        #expect(try browser.evaluate("document.querySelector('h1').textContent") as? String == product)
        #expect(
            try browser.evaluate(
                "document.querySelector('#suppliers') !== null && document.querySelector('svg') !== null") as? Bool
                == true)
        try browser.screenshot(folder + "/3-product.png")

        try browser.click("#lang-switch")
        try browser.wait(for: "document.readyState === 'complete' && document.documentElement.lang === 'nl'")
        #expect(try browser.evaluate("document.querySelector('#suppliers').textContent") as? String == "Leveranciers")
        #expect(try browser.evaluate("location.search") as? String == "?lang=nl")
        try browser.screenshot(folder + "/4-product-nl.png")
        #expect(server.stop() == 0, "SIGTERM shuts the server down gracefully")
    }
}

/// The real `chainrisk serve` binary on a free loopback port (port 0, read back from its "listening on" line).
final class ServedProcess {
    let process = Process()
    let url: String

    init(database: String, arguments extra: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["serve", "--port", "0", "--db", database, "--log-level", "warning"] + extra
        let added = environment
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CHAINRISK_TOKEN")
        environment.merge(added) { _, new in new }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"listening on (http://127\.0\.0\.1:\d+)"#, options: .regularExpression) {
                url = String(text[range].dropFirst("listening on ".count))
                return
            }
        }
        process.terminate()
        throw DevToolsPipe.Failure(description: "chainrisk serve did not start: \(text)")
    }

    /// SIGTERM, as a service manager would send it; returns the exit status (0 after a graceful shutdown).
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
