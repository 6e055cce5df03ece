/// Why a fetch failed, with the message a user reads.
public struct FetchError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// The request cannot be made as given (a missing key, an unknown country, no year): exit 64.
        case badQuery
        /// The source could not be reached or refused the request (network, 4xx, retries used up): exit 66.
        case unavailable
        /// The source answered with something that is not data, or data that cannot be complete: exit 65.
        case badResponse
        /// chainrisk itself is broken (a bundled list missing): exit 70.
        case internalError
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
