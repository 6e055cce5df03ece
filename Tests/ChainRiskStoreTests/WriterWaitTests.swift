import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import Foundation
import GRDB
import Testing

@Suite("SQLite store: a second writer waits for the first and says why")
struct WriterWaitTests {
    @Test("an import while another connection holds the write lock for 3 s succeeds after it, announcing the wait once")
    func waitsAndAnnounces() throws {
        let folder = NSTemporaryDirectory() + "chainrisk-wait-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/store.sqlite"
        let store = try SQLiteTradeStore(path: path)
        let log = NoticeLog.shared

        let holder = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                Thread.sleep(forTimeInterval: 3)
                try db.execute(sql: "COMMIT")
            }
            released.signal()
        }
        locked.wait()
        let started = Date()
        let file = try StoreContract.temporaryFile("waiting writer")
        let outcome = try store.importDataset(
            ImportRequest(name: "waited", sources: [.init(file: file, reader: GeneratedReader(count: 50))]))
        released.wait()
        guard case .imported(let info) = outcome else {
            Issue.record("expected an import, got \(outcome)")
            return
        }
        #expect(info.rowCount == 50)
        #expect(Date().timeIntervalSince(started) >= 2.5)
        let messages = log.messages(about: path)
        #expect(messages.count == 1 && messages.first?.contains("waiting for another writer") == true, "\(messages)")
    }
}
