import HTTPTypes
public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore

/// The application `chainrisk serve` runs: the same one the tests build, from the same configuration.
///
/// `onListening` is called with the bound port once the server accepts connections (useful with port 0).
public func buildApplication(
    configuration: ServerConfiguration, onListening: @escaping @Sendable (Int) -> Void = { _ in }
) throws -> some ApplicationProtocol {
    var logger = Logger(label: "chainrisk.server")
    logger.logLevel = configuration.logLevel
    let (router, _) = try buildRouter(configuration: configuration, logger: logger)
    return Application(
        router: router,
        server: .http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [ProtocolErrorResponder()],
                idleTimeout: .milliseconds(Int64((configuration.idleTimeout * 1000).rounded())))),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "chainrisk"),
        onServerRunning: { channel in onListening(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// The router with every route of the API and the dashboard, and the list of what it registered.
public func buildRouter(configuration: ServerConfiguration, logger: Logger = Logger(label: "chainrisk.server")) throws
    -> (router: Router<BasicRequestContext>, routes: [RegisteredRoute])
{
    let service = try AnalysisService(configuration: configuration)
    let router = Router(context: BasicRequestContext.self)
    // Middleware wraps the routes registered after it, so it goes in first.
    router.add(middleware: AccessLogMiddleware(logger: logger))
    let routes = RouteIndex()
    router.add(middleware: HTTPSemanticsMiddleware(routes: routes))
    router.add(middleware: ErrorMiddleware(logger: logger))
    router.add(
        middleware: BodyLimitMiddleware(
            uploadPath: APIRoutes.uploadPath, uploadLimit: configuration.uploadLimit, bodyLimit: configuration.bodyLimit
        ))
    router.add(middleware: StoreGenerationMiddleware(service: service))
    let table = RouteTable(router: router)
    APIRoutes(service: service, access: WriteAccess(token: configuration.token)).register(on: table)
    DashboardRoutes(service: service).register(on: table)
    routes.load(table.routes)
    return (router, table.routes)
}

/// Runs the server until SIGINT or SIGTERM, then lets requests in flight finish.
public func runServer(configuration: ServerConfiguration, onListening: @escaping @Sendable (Int) -> Void = { _ in })
    async throws
{
    try await buildApplication(configuration: configuration, onListening: onListening).runService()
}
