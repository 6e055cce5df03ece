import ChainRiskCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input: a file on disk, or bytes held in memory (a request body, a pipe read whole); what to call it in
/// messages; and how to open it.
public struct InputFile: Sendable, Hashable {
    /// The path used to open the file; for bytes in memory, their name.
    public let path: String
    /// The name used in findings and errors (the path as the user gave it).
    public let displayName: String
    /// The bytes themselves when the input is held in memory; nil for a file on disk.
    public let contents: [UInt8]?
    /// The member of the zip archive at `path` this input is (`IOT_2020_ixi/A.txt`); nil for a plain file.
    public let member: String?
    /// Progress of the current read, updated as the opened source is consumed.
    public let progress = ReadProgress()

    /// A file on disk.
    public init(path: String, displayName: String? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        self.contents = nil
        self.member = nil
    }

    /// A member of a zip archive on disk, named `archive.zip:member` in messages.
    public init(zip path: String, member: String) {
        self.path = path
        self.displayName = path + ":" + member
        self.contents = nil
        self.member = member
    }

    /// Bytes in memory, named `name` in messages (and read as a file of that name, e.g. for BACI's HS vintage).
    public init(bytes: [UInt8], name: String) {
        self.path = name
        self.displayName = name
        self.contents = bytes
        self.member = nil
    }

    public static func == (lhs: InputFile, rhs: InputFile) -> Bool {
        lhs.path == rhs.path && lhs.displayName == rhs.displayName && lhs.contents == rhs.contents
            && lhs.member == rhs.member
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(displayName)
        hasher.combine(contents?.count)
        hasher.combine(member)
    }

    /// The file called `name` beside this one: in the same folder of the same zip archive for a member, else in
    /// the same folder on disk (EXIOBASE's `unit.txt`, Eora's `labels_T.txt`).
    public func sibling(_ name: String) -> InputFile {
        if let member {
            let folder = member.lastIndex(of: "/").map { String(member[...$0]) } ?? ""
            return InputFile(zip: path, member: folder + name)
        }
        return InputFile(path: (path.lastIndex(of: "/").map { String(path[...$0]) } ?? "") + name)
    }

    /// True for a file on disk whose name ends in `.gz`, or bytes in memory that start with the gzip magic number.
    public var isGzip: Bool {
        if member != nil { return false }
        if let contents { return contents.starts(with: [0x1F, 0x8B]) }
        return path.hasSuffix(".gz")
    }

    /// True when the bytes are in memory or the file exists.
    public var exists: Bool {
        if contents != nil { return true }
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Opens a fresh byte source at the start of the input, inflating gzip files.
    public func open() throws -> any ByteSource {
        let source: any ByteSource
        if let contents {
            guard !isGzip else {
                throw InputError(
                    .badEncoding, "gzip bytes in memory are not read; send the file uncompressed or save it to disk",
                    at: SourceLocation(file: displayName, line: 0, column: 0))
            }
            source = MemoryByteSource(contents)
        } else if let member {
            let archive = try ZipArchive(path: path)
            guard let found = archive.member(member) else {
                throw InputError(.missingFile, "\(path) has no member \(member)", at: nil)
            }
            source = try ZipMemberByteSource(archive: path, member: found, displayName: displayName)
        } else {
            source = isGzip ? try GzipByteSource(path: path) : try FileByteSource(path: path)
        }
        progress.bytesConsumed = 0
        return ProgressReportingSource(base: source, progress: progress)
    }

    /// The size of the input in bytes (on disk for a file), or `nil` when it cannot be read.
    public var sizeOnDisk: Int? {
        if let contents { return contents.count }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}
