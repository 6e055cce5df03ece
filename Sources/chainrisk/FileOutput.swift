import Foundation

/// Writes text to standard output, standard error or a file, without buffering surprises.
struct FileOutput {
    let handle: FileHandle

    static let standardOutput = FileOutput(handle: .standardOutput)
    static let standardError = FileOutput(handle: .standardError)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// True when the handle is an interactive terminal.
    var isTerminal: Bool { isatty(handle.fileDescriptor) != 0 }
}
