import ChainRiskCore
import ChainRiskIngest
import FuzzSupport
import Foundation

/// libFuzzer entry for the CSV trade readers: the first byte picks Comtrade, BACI (general and, from a temporary
/// file, the parallel column reader), Comext, canonical CSV or CBS StatLine CSV; the rest is the file. A reader may
/// refuse the bytes (a thrown `InputError`); it must never trap, hang or read out of bounds.
@main
struct FuzzTarget {
    static func main() {
        runFuzzer { data, size in data.map { run($0, size) } ?? 0 }
    }
}

/// One input; also exported as `LLVMFuzzerTestOneInput`, the name libFuzzer's own `main` would call.
@_cdecl("LLVMFuzzerTestOneInput")
public func run(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0] % 6
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let formats: [SourceFormat] = [.comtrade, .baci, .comext, .canonical, .cbs]
    if selector == 5 {
        let path = NSTemporaryDirectory() + "chainrisk-fuzz-\(getpid()).csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return 0 }
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try? BACIColumnReader(chunkSize: 4096, workers: 2).read(InputFile(path: path))
        return 0
    }
    let file = InputFile(bytes: bytes, name: "fuzz.csv")
    _ = try? ReaderRegistry.reader(for: formats[Int(selector)]).read(file, options: ReadOptions()) { _, _ in }
    if selector == 0 { _ = try? FormatDetector.detect(file) }
    return 0
}
