import ChainRiskIngest
import ChainRiskReport
import Foundation

/// A one-line progress bar on standard error (rows, MB/s, ETA), drawn only when standard error is a terminal.
final class ProgressBar {
    private let output = FileOutput.standardError
    private let enabled: Bool
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var currentPath = ""
    private var fileSize = 0

    init() {
        enabled = FileOutput.standardError.isTerminal
    }

    /// Redraws at most five times a second with the flows stored so far and the file's read position.
    func update(flows: Int, file: InputFile) {
        guard enabled else { return }
        if file.path != currentPath {
            currentPath = file.path
            fileSize = file.sizeOnDisk ?? 0
            started = Date()
            lastDraw = started
        }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let line = ProgressLine.text(
            name: (file.displayName as NSString).lastPathComponent, bytes: file.progress.bytesConsumed,
            fileSize: fileSize, rows: flows, elapsed: now.timeIntervalSince(started))
        output.write("\r\(line)\u{1B}[K")
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        output.write("\r\u{1B}[K")
    }
}
