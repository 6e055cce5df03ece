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
        let bytes = file.progress.bytesConsumed
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(bytes) / elapsed / 1_000_000
        let fraction = fileSize > 0 ? min(1, Double(bytes) / Double(fileSize)) : 0
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let remaining = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        let name = (file.displayName as NSString).lastPathComponent
        output.write("\r\(name) [\(bar)] \(NumberFormat.fixed(fraction * 100, decimals: 0))%  \(NumberFormat.integer(flows)) rows  \(NumberFormat.fixed(rate, decimals: 1)) MB/s  ETA \(eta)\u{1B}[K")
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        output.write("\r\u{1B}[K")
    }
}
