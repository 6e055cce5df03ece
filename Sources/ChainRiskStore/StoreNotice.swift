import Foundation

/// Where the store says something a person should hear while a command runs (a writer waiting for another, a store
/// upgraded and checked): standard error by default; tests replace it.
public enum StoreNotice {
    public static var handler: @Sendable (String) -> Void {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Says `message` through the current handler.
    static func post(_ message: String) { handler(message) }

    nonisolated(unsafe) private static var current: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
    private static let lock = NSLock()
}
