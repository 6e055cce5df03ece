/// Something a request names that does not exist: a product of a dataset, an event, a region.
///
/// The CLI reports it with exit code 66, the server as 404 with `code`.
public struct NotFound: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable code such as `unknown_product`.
    public let code: String
    /// What is missing and where to look, for a person.
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
