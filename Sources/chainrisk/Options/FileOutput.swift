import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases
import Foundation

/// Writes text to standard output, standard error or a file, without buffering surprises.
struct FileOutput {
    let handle: FileHandle

    static let standardOutput = FileOutput(handle: .standardOutput)
    static let standardError = FileOutput(handle: .standardError)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    /// Writes `text` to the file at `path` (atomically) and says so on standard error in one line, so that a
    /// command with `--output` never finishes silently.
    static func writeFile(_ text: String, to path: String) throws {
        try OutputFile.write(Data(text.utf8), to: path)
        announce(path)
    }

    /// The one line naming a file a command wrote, with its size.
    static func announce(_ path: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).flatMap { $0 } ?? 0
        standardError.write("chainrisk: wrote \(path) (\(NumberFormat.integer(size)) bytes)\n")
    }

    /// True when the handle is an interactive terminal.
    var isTerminal: Bool { isatty(handle.fileDescriptor) != 0 }

}
