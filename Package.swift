// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chainrisk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chainrisk", targets: ["chainrisk"]),
        .library(name: "ChainRiskCore", targets: ["ChainRiskCore"]),
        .library(name: "ChainRiskIngest", targets: ["ChainRiskIngest"]),
        .library(name: "ChainRiskStore", targets: ["ChainRiskStore"]),
        .library(name: "ChainRiskAnalysis", targets: ["ChainRiskAnalysis"]),
        .library(name: "ChainRiskReport", targets: ["ChainRiskReport"]),
        .library(name: "ChainRiskIO", targets: ["ChainRiskIO"]),
        .library(name: "ChainRiskSimulation", targets: ["ChainRiskSimulation"]),
        .library(name: "ChainRiskUseCases", targets: ["ChainRiskUseCases"]),
        .library(name: "ChainRiskServer", targets: ["ChainRiskServer"]),
        .library(name: "ChainRiskSources", targets: ["ChainRiskSources"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own dependencies, named so that its types' members are visible (MemberImportVisibility).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(
            name: "ChainRiskCore",
            resources: [.copy("Resources")]
        ),
        .systemLibrary(
            name: "CChainRiskZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLapack",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(
            name: "ChainRiskIO",
            dependencies: ["ChainRiskCore", "CLapack"]
        ),
        .target(
            name: "ChainRiskSimulation",
            dependencies: ["ChainRiskCore", "ChainRiskIO"],
            // Every ARIO result carries its band (six runs); unoptimised, the daily loops take some 20 times longer,
            // and the tests simulate hundreds of years. Optimised in debug builds too, so `swift test` stays quick.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "ChainRiskIngest",
            dependencies: [
                "ChainRiskCore",
                "CChainRiskZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("BuiltIn")]
        ),
        .target(
            name: "ChainRiskStore",
            dependencies: [
                "ChainRiskCore",
                "ChainRiskIngest",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ChainRiskAnalysis",
            dependencies: ["ChainRiskCore"],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ChainRiskReport",
            dependencies: [
                "ChainRiskCore", "ChainRiskAnalysis", "ChainRiskIO", "ChainRiskSimulation",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "ChainRiskSources",
            dependencies: [
                "ChainRiskCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ChainRiskUseCases",
            dependencies: [
                "ChainRiskCore",
                "ChainRiskIngest",
                "ChainRiskStore",
                "ChainRiskSources",
                "ChainRiskAnalysis",
                "ChainRiskIO",
                "ChainRiskSimulation",
                "ChainRiskReport",
            ]
        ),
        .target(
            name: "ChainRiskServer",
            dependencies: [
                "ChainRiskCore",
                "ChainRiskIngest",
                "ChainRiskStore",
                "ChainRiskAnalysis",
                "ChainRiskReport",
                "ChainRiskIO",
                "ChainRiskSimulation",
                "ChainRiskUseCases",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "chainrisk",
            dependencies: [
                "ChainRiskCore",
                "ChainRiskIngest",
                "ChainRiskStore",
                "ChainRiskAnalysis",
                "ChainRiskReport",
                "ChainRiskIO",
                "ChainRiskSimulation",
                "ChainRiskUseCases",
                "ChainRiskServer",
                "ChainRiskSources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ChainRiskCoreTests", dependencies: ["ChainRiskCore"]),
        .testTarget(name: "ChainRiskIngestTests", dependencies: ["ChainRiskIngest"], exclude: ["Fixtures"]),
        // Test helpers shared by the test targets (a throwaway PostgreSQL server); not a product.
        .target(
            name: "ChainRiskTestSupport",
            dependencies: [
                "CTestScratch",
                // A loopback HTTP server for the fetch tests (LoopbackServer).
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/ChainRiskTestSupport"),
        // The test run's own TMPDIR, removed when the run ends (a C constructor: set before any test starts).
        .target(name: "CTestScratch", path: "Tests/CTestScratch"),
        .testTarget(
            name: "ChainRiskStoreTests",
            dependencies: ["ChainRiskStore", "ChainRiskTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "ChainRiskAnalysisTests", dependencies: ["ChainRiskAnalysis", "ChainRiskIngest"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ChainRiskReportTests", dependencies: ["ChainRiskReport"]),
        .testTarget(name: "ChainRiskUseCasesTests", dependencies: ["ChainRiskUseCases", "ChainRiskIngest"]),
        .testTarget(name: "ChainRiskIOTests", dependencies: ["ChainRiskIO", "ChainRiskIngest"]),
        .testTarget(
            name: "ChainRiskSourcesTests",
            dependencies: [
                "ChainRiskSources", "ChainRiskTestSupport",
                // Loopback servers that redirect, drip and link pages on (the fetch-safety tests).
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ChainRiskSimulationTests", dependencies: ["ChainRiskSimulation", "ChainRiskIngest"]),
        .testTarget(
            name: "ChainRiskCLITests",
            dependencies: [
                "chainrisk", "ChainRiskTestSupport",
                // A loopback stand-in for UN Comtrade and CBS StatLine (`chainrisk fetch`).
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Snapshots", "BadInput", "Fixtures"]
        ),
        .testTarget(
            name: "ChainRiskServerTests",
            dependencies: [
                "ChainRiskServer", "ChainRiskCore", "ChainRiskTestSupport",
                "ChainRiskIngest",
                "ChainRiskUseCases",
                "ChainRiskStore",
                "ChainRiskSources",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

// libFuzzer targets, one per reader family, only when asked for: their `main` hands over to libFuzzer's driver,
// which links only with `-sanitize=fuzzer`. `scripts/fuzz.sh` builds them into .build-fuzz and runs them.
if Context.environment["CHAINRISK_FUZZ"] == "1" {
    package.targets.append(.target(name: "CFuzzerDriver", path: "Fuzz/CFuzzerDriver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"], path: "Fuzz/FuzzSupport"))
    for (name, folder) in [
        ("fuzz-trade-files", "TradeFiles"), ("fuzz-json-files", "JSONFiles"),
        ("fuzz-input-output-tables", "InputOutputTables"), ("fuzz-scenario-files", "ScenarioFiles"),
    ] {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: ["ChainRiskIngest", "ChainRiskCore", "FuzzSupport"], path: "Fuzz/\(folder)"))
    }
}

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // Imports are internal unless a file says `public import`: the compiler then checks that a module's public API
    // exposes only what its declared layer below provides (docs/architecture.md).
    if target.type == .regular { settings.append(.enableUpcomingFeature("InternalImportsByDefault")) }
    target.swiftSettings = settings
}
