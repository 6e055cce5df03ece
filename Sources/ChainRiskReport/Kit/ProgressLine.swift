import ChainRiskCore
import Foundation

/// The one line a progress bar shows for a file being read: name, bar, percent, rows, MB/s and time left.
public enum ProgressLine {
    /// The line for `bytes` of `fileSize` read in `elapsed` seconds with `rows` stored so far.
    public static func text(name: String, bytes: Int, fileSize: Int, rows: Int, elapsed: Double) -> String {
        let rate = Double(bytes) / max(elapsed, 0.001) / 1_000_000
        let fraction = fileSize > 0 ? min(1, Double(bytes) / Double(fileSize)) : 0
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let remaining = fraction > 0 ? max(elapsed, 0.001) * (1 - fraction) / fraction : 0
        let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        return
            "\(name) [\(bar)] \(NumberFormat.fixed(fraction * 100, decimals: 0))%  \(NumberFormat.integer(rows)) rows  "
            + "\(NumberFormat.fixed(rate, decimals: 1)) MB/s  ETA \(eta)"
    }
}
