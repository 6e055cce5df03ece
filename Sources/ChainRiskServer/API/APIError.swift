import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases
import Foundation
public import HTTPTypes
public import Hummingbird
public import HummingbirdCore
import NIOCore

/// An error answered as JSON `{"error": code, "detail": message}` with its HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    /// A stable, machine-readable code such as `bad_parameter` or `unauthorized`.
    public let code: String
    /// What went wrong, for a person.
    public let detail: String
    /// Extra response headers (e.g. `WWW-Authenticate` on a 401).
    public var headers: HTTPFields

    /// An error with its status, code and explanation.
    public init(_ status: HTTPResponse.Status, _ code: String, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers
    }

    /// 400 for a parameter whose value cannot be used.
    public static func badParameter(_ name: String, _ detail: String) -> APIError {
        // "days must be …" already names its parameter; "days: days must be …" would say it twice.
        APIError(.badRequest, "bad_parameter", detail.hasPrefix("\(name) ") ? detail : "\(name): \(detail)")
    }

    /// The JSON body.
    public var json: String {
        JSONValue.object(["error": .string(code), "detail": .string(detail)]).render(pretty: true) + "\n"
    }

    /// The JSON response Hummingbird sends for this error.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// The API form of any error: store, data and analysis errors get their status; anything else is a 500.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as ConcentrationQuery.InvalidParameter: return .badParameter(error.parameter, error.message)
        case let error as HTTPError:
            return APIError(
                error.status, error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                error.body ?? error.status.reasonPhrase)
        default:
            // Domain errors take their class's status from the one table the CLI's exit codes come from too.
            guard let failure = ClassifiedFailure.classify(error, on: .http) else {
                return APIError(.internalServerError, "internal", "internal error: \(error)")
            }
            if failure.failureClass == .usage, failure.code == "bad_parameter" {
                return .badParameter(failure.parameter ?? "request", failure.message)
            }
            return APIError(Self.status(failure.failureClass), failure.code, failure.message)
        }
    }

    /// The status of `failureClass` (`FailureClass.httpStatus`) with its reason phrase.
    static func status(_ failureClass: FailureClass) -> HTTPResponse.Status {
        switch failureClass {
        case .usage: .badRequest
        case .badData: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .unavailable: .serviceUnavailable
        case .internal: .internalServerError
        }
    }
}

extension Response {
    /// A JSON response from rendered text.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A response of `bytes` with `contentType`, for cached bodies.
    static func bytes(_ buffer: ByteBuffer, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }
}
