import Foundation
import Testing

/// The module graph of docs/architecture.md, checked against Package.swift so that it stays true.
@Suite("Architecture: arrows one way, a thin executable")
struct ArchitectureTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Each target's declared dependencies (names in quotes after `dependencies:`), from Package.swift's text.
    static func dependencies() throws -> [String: Set<String>] {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: Set<String>] = [:]
        let targets =
            text.components(separatedBy: "Target(").dropFirst() + text.components(separatedBy: ".target(").dropFirst()
        for chunk in targets {
            guard let name = chunk.firstMatch(of: /name: "([A-Za-z]+)"/)?.1 else { continue }
            guard let list = chunk.firstMatch(of: /dependencies: \[([^\]]*)\]/)?.1 else {
                result[String(name)] = []
                continue
            }
            let names = list.matches(of: /"([A-Za-z-]+)"/).map { String($0.1) }
            // `.product(name: "GRDB", package: "GRDB.swift")` names the product first; keep product names only.
            result[String(name)] = Set(names.filter { !$0.contains("-") && $0 != "GRDB.swift" })
        }
        return result
    }

    @Test("readers, computation and rendering depend only on the layers below them")
    func arrows() throws {
        let graph = try Self.dependencies()
        #expect(graph["ChainRiskCore"] == [])
        #expect(try #require(graph["ChainRiskIngest"]).isSubset(of: ["ChainRiskCore", "CChainRiskZlib", "Crypto"]))
        #expect(graph["ChainRiskAnalysis"] == ["ChainRiskCore"])
        #expect(try #require(graph["ChainRiskIO"]).isSubset(of: ["ChainRiskCore", "CLapack"]))
        #expect(try #require(graph["ChainRiskSimulation"]).isSubset(of: ["ChainRiskCore", "ChainRiskIO"]))
        // Fetching knows the vocabulary and HTTP, nothing of the store, the analyses or the faces.
        #expect(
            try #require(graph["ChainRiskSources"]).isSubset(of: [
                "ChainRiskCore", "AsyncHTTPClient", "Crypto", "NIOCore", "NIOHTTP1",
            ]))
        let report = try #require(graph["ChainRiskReport"])
        #expect(report.isDisjoint(with: ["ChainRiskIngest", "ChainRiskStore", "ChainRiskUseCases", "ChainRiskServer"]))
        #expect(
            try #require(graph["ChainRiskStore"]).isDisjoint(with: [
                "ChainRiskAnalysis", "ChainRiskReport", "ChainRiskIO", "ChainRiskSimulation",
            ]))
        let useCases = try #require(graph["ChainRiskUseCases"])
        #expect(
            useCases.isSuperset(of: [
                "ChainRiskAnalysis", "ChainRiskSimulation", "ChainRiskStore", "ChainRiskIngest", "ChainRiskReport",
            ]))
        #expect(try #require(graph["chainrisk"]).contains("ChainRiskUseCases"))
        #expect(try #require(graph["ChainRiskServer"]).contains("ChainRiskUseCases"))
    }

    /// Lines that hold code: neither blank nor only a comment (the layout is swift-format's at 120 columns).
    static func codeLines(_ text: String) -> Int {
        text.split(separator: "\n").filter { line in
            let trimmed = line.drop { $0 == " " }
            return !trimmed.isEmpty && !trimmed.hasPrefix("//")
        }.count
    }

    @Test("the executable is thin: at most 1,450 code lines, no file over 150, no reader or engine called")
    func thinExecutable() throws {
        let folder = Self.packageRoot.appendingPathComponent("Sources/chainrisk")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            .sorted()
        var total = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let lines = Self.codeLines(text)
            total += lines
            #expect(lines <= 150, "\(file) has \(lines) code lines")
            for engine in [
                "ConcentrationAnalysis", "WorldMarketCheck(", "LeontiefModel", "ARIOModel", "InputOutputAccounts",
                "ReaderRegistry", "forEachFlow", "ScenarioRunner", "VulnerabilityAssessment(", "SupplierExposure",
            ] {
                #expect(!text.contains(engine), "\(file) calls \(engine)")
            }
        }
        // 1,400 until `exposure` came in: a command of options and one call (its help text lives in the use case).
        #expect(total <= 1_450, "Sources/chainrisk has \(total) code lines")
    }

    @Test("the code passes `swift format lint --strict` with the project's .swift-format (120 columns)")
    func formatted() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let candidates =
            path.map { "\($0)/swift-format" } + ["/usr/bin/swift-format", "/opt/swift/usr/bin/swift-format"]
        let swiftFormat = try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
            "swift-format ships with the Swift toolchain; it is needed to check the layout")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftFormat)
        process.arguments = ["lint", "--strict", "--parallel", "-r", "Sources", "Tests", "Package.swift"]
        process.currentDirectoryURL = Self.packageRoot
        // A file, not a pipe: processes other tests start meanwhile (a PostgreSQL server) would inherit a pipe's
        // write end and hold its end-of-file back until they exit.
        let findings = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: findings.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: findings) }
        process.standardError = try FileHandle(forWritingTo: findings)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOf: findings, encoding: .utf8)
        #expect(process.terminationStatus == 0, "swift format lint found:\n\(text.prefix(4_000))")
    }

    @Test("every import of a chainrisk module names a declared dependency, public or not (InternalImportsByDefault)")
    func importsFollowArrows() throws {
        let graph = try Self.dependencies()
        let sources = Self.packageRoot.appendingPathComponent("Sources")
        var checked = 0
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
        where target.hasPrefix("ChainRisk") || target == "chainrisk" {
            let declared = try #require(graph[target], "\(target) is not in Package.swift")
            let folder = sources.appendingPathComponent(target)
            for file in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift")
            {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    guard
                        let match = line.firstMatch(
                            of: /^(?:public |package |internal )?import (C?ChainRisk[A-Za-z]*|CLapack)$/)
                    else { continue }
                    checked += 1
                    #expect(declared.contains(String(match.1)), "\(target)/\(file) imports \(match.1)")
                }
            }
        }
        #expect(checked > 400)
        let manifest = try String(contentsOf: Self.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".enableUpcomingFeature(\"InternalImportsByDefault\")"))
    }

    @Test("rooms: no folder of Sources holds more than 25 Swift files flat (sub-domains get folders of their own)")
    func rooms() throws {
        let sources = Self.packageRoot.appendingPathComponent("Sources").path
        var counts: [String: Int] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: sources) where path.hasSuffix(".swift") {
            counts[(path as NSString).deletingLastPathComponent, default: 0] += 1
        }
        #expect(counts.count >= 30, "\(counts)")
        for (folder, count) in counts.sorted(by: { $0.key < $1.key }) {
            #expect(count <= 25, "Sources/\(folder) holds \(count) Swift files")
        }
    }
}
