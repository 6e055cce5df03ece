import ChainRiskTestSupport
import Foundation
import Testing

@Suite("the test run keeps its temporary files in a folder of its own")
struct TestScratchTests {
    @Test("TMPDIR and NSTemporaryDirectory() point into the run's folder, which exists")
    func scratch() {
        let folder = TestScratch.folder
        #expect(folder.contains("chainrisk-tests-"))
        #expect(ProcessInfo.processInfo.environment["TMPDIR"] == folder)
        #expect(NSTemporaryDirectory().hasPrefix(folder))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue)
    }
}
