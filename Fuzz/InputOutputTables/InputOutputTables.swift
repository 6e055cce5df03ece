import ChainRiskCore
import ChainRiskIngest
import FuzzSupport
import Foundation

/// libFuzzer entry for the input-output table readers: the input is the intermediate flows, a line `----`, the final
/// demand, optionally another `----` and gross output; file names select the matrix layout or the long layout by the
/// first byte.
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
    let long = data[0] % 2 == 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var parts: [[UInt8]] = [[]]
    var index = 0
    let separator = Array("\n----\n".utf8)
    while index < bytes.count {
        if bytes[index...].starts(with: separator) {
            parts.append([])
            index += separator.count
        } else {
            parts[parts.count - 1].append(bytes[index])
            index += 1
        }
    }
    let suffix = long ? "_long.csv" : ".csv"
    let files = InputOutputFiles(
        intermediate: InputFile(bytes: parts[0], name: "fuzz_Z" + suffix),
        finalDemand: InputFile(bytes: parts.count > 1 ? parts[1] : [], name: "fuzz_Y" + suffix),
        grossOutput: parts.count > 2 ? InputFile(bytes: parts[2], name: "fuzz_x.csv") : nil)
    _ = try? InputOutputTableReader.read(files)
    return 0
}
