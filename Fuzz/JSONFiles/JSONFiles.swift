import ChainRiskCore
import ChainRiskIngest
import FuzzSupport
import Foundation

/// libFuzzer entry for the JSON readers: the first byte picks UN Comtrade API JSON or CBS StatLine OData JSON; the
/// rest is the document. Refusing bytes is fine; trapping, hanging or unbounded recursion is not.
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
    let format: SourceFormat = data[0] % 2 == 0 ? .comtrade : .cbs
    let file = InputFile(bytes: Array(UnsafeBufferPointer(start: data + 1, count: size - 1)), name: "fuzz.json")
    _ = try? ReaderRegistry.reader(for: format).read(file, options: ReadOptions()) { _, _ in }
    return 0
}
