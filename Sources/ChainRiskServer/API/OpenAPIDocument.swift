import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// The OpenAPI 3.1 document of the API (`Resources/openapi.json`), served as it is written.
public struct OpenAPIDocument: Sendable {
    /// The document's bytes.
    let buffer: ByteBuffer
    /// Every `METHOD /path` the document describes, sorted.
    public let operations: [String]
    /// The paths it describes, sorted.
    public let paths: [String]

    /// The bundled document; an empty one when the resource is missing (a broken installation, caught by tests).
    public static let shared: OpenAPIDocument = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return OpenAPIDocument(data: Data("{}".utf8)) }
        return OpenAPIDocument(data: data)
    }()

    init(data: Data) {
        buffer = ByteBuffer(bytes: data)
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let paths = object?["paths"] as? [String: [String: Any]] ?? [:]
        self.paths = paths.keys.sorted()
        operations = paths.flatMap { path, item in
            item.keys.filter { ["get", "post", "put", "delete", "patch"].contains($0) }.map {
                "\($0.uppercased()) \(path)"
            }
        }.sorted()
    }
}
