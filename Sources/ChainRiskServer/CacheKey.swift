import ChainRiskCore
import ChainRiskUseCases

/// What identifies a cached response: the store's generation, the endpoint and its validated request.
///
/// The values themselves are hashed and compared, not a string built from them: the query in canonical order, and for
/// scenario runs the scenario with the run's settings, every field of which counts (a description may leave some out
/// or change with the type's printing).
struct CacheKey: Hashable, Sendable {
    /// The store's write count when the request arrived; a write makes every older key unreachable.
    var generation: Int
    /// The request's path, e.g. `/api/v1/concentration` or `/products/8542`.
    var path: String
    /// The validated query parameters in canonical order (`QueryParameters.canonical`).
    var query: String
    /// What the request carries besides its path and query.
    var body: Body = .none

    /// The part of a request that is not in its path and query.
    enum Body: Hashable, Sendable {
        case none
        /// A scenario run: its definition (a catalogue event with its settings, or the file's bytes) and the run's settings.
        case scenario(ScenarioRequest.Definition, ScenarioSettings)
    }
}
