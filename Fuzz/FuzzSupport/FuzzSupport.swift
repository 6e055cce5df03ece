import CFuzzerDriver
import Foundation

/// Hands the process to libFuzzer's driver with `target` run on every input, and exits with its status.
///
/// SwiftPM gives every executable its own entry point, so the targets' `main` calls this instead of relying on the
/// `main` libFuzzer ships.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
