import ChainRiskCore
import ChainRiskIngest
import FuzzSupport
import Foundation

/// libFuzzer entry for scenario and event files: the first byte picks the reader, the rest is the file.
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
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] % 2 == 0 {
        _ = try? ScenarioFileReader().read(InputFile(bytes: bytes, name: "fuzz.json"))
    } else {
        _ = try? EventFileReader().read(InputFile(bytes: bytes, name: "fuzz.csv"))
    }
    return 0
}
