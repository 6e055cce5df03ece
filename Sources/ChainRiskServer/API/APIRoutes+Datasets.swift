import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

extension APIRoutes {
    func registerDatasets(on table: RouteTable) {
        table.get(Self.prefix + "/datasets") { request, _ in
            try QueryParameters(request.uri).allowOnly([])
            return try await cached(request, lane: .cheap) { [service] in
                try service.workspace.datasetListing().renderJSON()
            }
        }
        table.get(Self.prefix + "/datasets/{name}") { request, context in
            try QueryParameters(request.uri).allowOnly([])
            let name = context.parameters.get("name") ?? ""
            return try await cached(request, lane: .cheap) { [service] in
                if service.isBuiltIn(name) {
                    return try DatasetListing.render(
                        DatasetListing.BuiltIn(name: service.letter.name, files: service.letter.files))
                }
                guard let info = try service.workspace.datasetInfo(named: name) else {
                    throw APIError(
                        .notFound, "unknown_dataset", "no dataset named '\(name)'; GET /api/v1/datasets lists them")
                }
                return try DatasetListing.render(info)
            }
        }
        table.add(.post, Self.uploadPath) { request, _ in try await upload(request) }
        table.add(.delete, Self.prefix + "/datasets/{name}") { request, context in
            try access.authorize(request)
            try QueryParameters(request.uri).allowOnly([])
            let name = context.parameters.get("name") ?? ""
            guard !service.isBuiltIn(name) else {
                throw APIError(.conflict, "built_in_dataset", "'\(name)' is built in and cannot be removed")
            }
            try await service.writes.run { [service] in try service.workspace.removeDataset(named: name) }
            service.invalidate()
            return .json(JSONValue.object(["removed": .string(name)]).render(pretty: true) + "\n")
        }
    }

    /// `POST /api/v1/datasets?name=NAME[&format=…]`: the raw body is one file, streamed to a temporary folder and
    /// imported atomically, exactly as `chainrisk import FILE --name NAME` would; the folder is removed afterwards.
    private func upload(_ request: Request) async throws -> Response {
        try access.authorize(request)
        let parameters = QueryParameters(request.uri)
        try parameters.allowOnly(["name", "format", "replace", "strict", "filename"])
        guard let name = try parameters.string("name") else {
            throw APIError.badParameter("name", "required: the dataset's name")
        }
        do { try DatasetName.require(name) } catch { throw APIError.badParameter("name", error.message) }
        guard !service.isBuiltIn(name) else {
            throw APIError(.conflict, "built_in_dataset", "'\(name)' is a built-in dataset; choose another name")
        }
        let format = try parameters.choice("format", ["auto"] + SourceFormat.allCases.map(\.rawValue), default: "auto")
        let (replace, strict) = (try parameters.flag("replace"), try parameters.flag("strict"))
        // The file's name for the provenance: `filename=`, else the name a `Content-Disposition` header gives (as curl's
        // `-H 'Content-Disposition: attachment; filename="x.csv"'` or a browser sends it), else the dataset's name.
        let filename =
            try parameters.string("filename").map { ($0 as NSString).lastPathComponent }
            ?? Self.dispositionFilename(request.headers[.contentDisposition]).map {
                DatasetName.derived(from: ($0 as NSString).lastPathComponent)
            }
            ?? name
        guard DatasetName.isValid(filename) else {
            throw APIError.badParameter("filename", "'\(filename)' must be a plain file name")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chainrisk-upload-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try await UploadFile.receive(
            request.body, folder: folder, filename: filename, limit: service.configuration.uploadLimit)
        let outcome = try await service.writes.run { [service] in
            let request = ImportFilesRequest(
                name: name, files: [InputFile(path: path, displayName: filename)],
                reading: try ReadSettings.parse(format: format, strict: strict), replace: replace)
            return try service.workspace.importFiles(request)
        }
        service.invalidate()
        switch outcome {
        case .imported(let info):
            return .json(try Self.outcomeJSON("imported", info), status: .created)
        case .alreadyImported(let info):
            return .json(try Self.outcomeJSON("already_imported", info))
        }
    }

    /// The `filename` of a `Content-Disposition` header (`attachment; filename="nld imports.csv"`), or nil.
    static func dispositionFilename(_ header: String?) -> String? {
        guard let header, let range = header.range(of: "filename=") else { return nil }
        let value = header[range.upperBound...].prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        let name = value.hasPrefix("\"") ? String(value.dropFirst().prefix { $0 != "\"" }) : value
        return name.isEmpty ? nil : name
    }

    private static func outcomeJSON(_ outcome: String, _ info: DatasetInfo) throws -> String {
        struct Outcome: Encodable {
            let outcome: String
            let dataset: DatasetInfo
        }
        return try DatasetListing.render(Outcome(outcome: outcome, dataset: info))
    }
}

/// Writes a request body to a file as it arrives, refusing it (413) once it passes the limit.
enum UploadFile {
    /// The path of the received file: `folder/filename`, with `.gz` added when the bytes are gzip.
    static func receive(_ body: RequestBody, folder: String, filename: String, limit: Int) async throws -> String {
        let partial = folder + "/upload.part"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw APIError(.internalServerError, "internal", "cannot write a temporary file in \(folder)")
        }
        var received = 0
        var isGzip = false
        do {
            for try await buffer in body {
                if received == 0 {
                    isGzip =
                        buffer.getBytes(at: buffer.readerIndex, length: min(2, buffer.readableBytes)) == [0x1F, 0x8B]
                }
                received += buffer.readableBytes
                guard received <= limit else { throw APIError.tooLarge(limit: limit) }
                try handle.write(contentsOf: buffer.readableBytesView)
            }
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        guard received > 0 else {
            throw APIError(
                .unprocessableContent, "empty_upload", "body: the upload is empty; send the file as the request body")
        }
        let path = folder + "/" + filename + (isGzip && !filename.hasSuffix(".gz") ? ".gz" : "")
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        return path
    }
}
