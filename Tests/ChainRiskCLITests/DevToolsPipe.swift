import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A headless Chromium driven through the DevTools protocol over `--remote-debugging-pipe` (commands on fd 3,
/// replies on fd 4, each message JSON ending in a NUL byte): real clicks and screenshots without a WebSocket.
final class DevToolsPipe {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let chromium = "/usr/bin/chromium"

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var nextID = 0
    private var pending: [UInt8] = []
    /// The page's session (flattened), once attached.
    private var session: String?

    /// Starts Chromium headless with a fresh profile in `profile` and a page of `width` × `height`.
    init(profile: String, width: Int = 1280, height: Int = 900) throws {
        var commands: [Int32] = [0, 0]
        var replies: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&replies) == 0 else { throw Failure(description: "pipe failed") }
        // Only the copies on fds 3 and 4 reach Chromium; the originals close on exec.
        for descriptor in commands + replies { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, commands[0], 3)
        posix_spawn_file_actions_adddup2(&actions, replies[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            Self.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars", "--remote-debugging-pipe", "--user-data-dir=\(profile)",
            "--window-size=\(width),\(height)", "about:blank",
        ]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, Self.chromium, &actions, nil, argv, environ)
        close(commands[0])
        close(replies[1])
        guard status == 0 else {
            throw Failure(description: "cannot start \(Self.chromium): \(String(cString: strerror(status)))")
        }
        pid = child
        toBrowser = commands[1]
        fromBrowser = replies[0]
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Opens a page and attaches to it; later commands go to that page.
    func openPage() throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], toPage: false)
        guard let targetID = target["targetId"] as? String else {
            throw Failure(description: "no targetId in \(target)")
        }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], toPage: false)
        session = attached["sessionId"] as? String
        _ = try send("Page.enable")
        _ = try send("Runtime.enable")
    }

    /// Sends one command and returns its result, skipping the events that arrive meanwhile.
    @discardableResult
    func send(_ method: String, _ parameters: [String: Any] = [:], toPage: Bool = true, timeout: TimeInterval = 30)
        throws -> [String: Any]
    {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if toPage, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(toBrowser, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw Failure(description: "cannot write to Chromium") }
                offset += written
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try readMessage(until: deadline)
            guard reply["id"] as? Int == nextID else { continue }
            if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Evaluates `expression` in the page and returns its value (JSON-compatible values only).
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// The numbers an expression returning an array of numbers gives.
    func numbers(_ expression: String) throws -> [Double] {
        guard let values = try evaluate(expression) as? [Any] else {
            throw Failure(description: "not an array: \(expression)")
        }
        return values.compactMap { ($0 as? NSNumber)?.doubleValue }
    }

    /// Polls `condition` (a JavaScript expression) until it is true.
    func wait(for condition: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? evaluate(condition)) as? Bool == true { return }
            usleep(100_000)
        }
        throw Failure(description: "timed out waiting for \(condition)")
    }

    /// A real left click at the centre of the element `selector` matches (of its first line, for a link that wraps),
    /// as a person's mouse would make it.
    func click(_ selector: String) throws {
        let escaped = selector.replacingOccurrences(of: "'", with: "\\'")
        let box = try numbers(
            "(function(){var e=document.querySelector('\(escaped)');if(!e)return [];e.scrollIntoView({block:'center'});var r=e.getClientRects()[0]||e.getBoundingClientRect();return [r.x+r.width/2,r.y+r.height/2];})()"
        )
        guard box.count == 2 else {
            throw Failure(description: "no element matches \(selector)")
        }
        for type in ["mousePressed", "mouseReleased"] {
            try send(
                "Input.dispatchMouseEvent", ["type": type, "x": box[0], "y": box[1], "button": "left", "clickCount": 1])
        }
    }

    /// Saves a PNG of the whole page to `path`.
    func screenshot(_ path: String) throws {
        let result = try send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true])
        guard let text = result["data"] as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot data")
        }
        try data.write(to: URL(fileURLWithPath: path))
    }

    private func readMessage(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = Array(pending[..<end])
                pending.removeFirst(end + 1)
                return try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] ?? [:]
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "Chromium did not answer in time") }
            var descriptor = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(remaining, 1) * 1000)) >= 0 else {
                throw Failure(description: "poll failed")
            }
            guard descriptor.revents != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(fromBrowser, &buffer, buffer.count)
            guard count > 0 else { throw Failure(description: "Chromium closed the pipe") }
            pending += buffer[..<count]
        }
    }
}
