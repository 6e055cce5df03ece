import ChainRiskIngest
import ChainRiskServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Builds the application the binary runs, on a private in-memory store, and offers small request helpers.
enum TestServer {
    static let token = "test-token-5f1c9e"
    static let bearer: HTTPFields = [.authorization: "Bearer \(token)"]

    /// The shared real data beside the checkout.
    static let sharedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path
    static let comtradeNL =
        sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"

    static func configuration(
        token: String? = token, uploadLimit: Int = 200 * 1024 * 1024, bodyLimit: Int = 1024 * 1024,
        inputOutput: LoadedInputOutputTable? = nil
    ) -> ServerConfiguration {
        ServerConfiguration(
            database: nil, token: token, uploadLimit: uploadLimit, bodyLimit: bodyLimit, logLevel: .error,
            inputOutput: inputOutput)
    }

    /// The 11-region WIOD 2011 table with NLD, as `chainrisk serve --mrio …nld11_Z.csv` loads it.
    static func nld11() throws -> LoadedInputOutputTable {
        try InputOutputTableReader.read(
            InputOutputFiles.resolve(intermediatePath: sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"))
    }

    /// Runs `test` against a fresh application through HummingbirdTesting's router framework.
    static func run<Value: Sendable>(
        _ configuration: ServerConfiguration = configuration(),
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await buildApplication(configuration: configuration).test(.router, test)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            "not a JSON object: \(text.prefix(200))")
    }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get)
    }

    /// Uploads `data` as dataset `name` with the test token (or `headers`).
    func upload(_ name: String, _ data: Data, headers: HTTPFields = TestServer.bearer, extra: String = "") async throws
        -> TestResponse
    {
        try await execute(
            uri: "/api/v1/datasets?name=\(name)\(extra)", method: .post, headers: headers, body: ByteBuffer(bytes: data)
        )
    }
}
