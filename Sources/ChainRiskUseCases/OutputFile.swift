public import Foundation

/// Writes what a command produced to the path a user named: a new path or an existing regular file, never a device,
/// pipe, socket or folder.
///
/// An atomic write renames a new file over the path, which would replace `/dev/full` (or a named pipe) by a regular
/// file and report success; a plain write would pour the output into the device. Both are refused instead.
public enum OutputFile {
    /// Writes `data` to `path` atomically, through a symbolic link to a regular file; a `RequestError` naming the
    /// path when it is not a regular file or cannot be written.
    public static func write(_ data: Data, to path: String) throws {
        let target = try requireRegularOrNew(path)
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw RequestError("output", "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Lets `body` write to a new file beside `path`, which then replaces `path` in one rename: a failure leaves
    /// `path` as it was. The same rule as `write(_:to:)`.
    public static func write(to path: String, streaming body: (FileHandle) throws -> Void) throws {
        let target = try requireRegularOrNew(path)
        let partial = target + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw RequestError("output", "cannot write \(path)")
        }
        do {
            try body(handle)
            try handle.close()
            guard rename(partial, target) == 0 else {
                throw RequestError("output", "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// The path to write for `path` (symbolic links resolved); throws when something other than a regular file is
    /// there.
    @discardableResult
    public static func requireRegularOrNew(_ path: String) throws -> String {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        guard lstat(target, &info) == 0 else { return target }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw RequestError(
                "output",
                "\(path) is \(describe(kind)), not a regular file: chainrisk writes output only to a regular file or a new path"
            )
        }
        return target
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "not a regular file"
        }
    }
}
