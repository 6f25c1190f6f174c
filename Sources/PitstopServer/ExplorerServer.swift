import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import PitstopStudy

/// The explorer's HTTP side: the router (API, page, OpenAPI document) and the application.
///
/// ```swift
/// let explorer = try Explorer(options: ExplorerOptions(folder: "Scenarios"))
/// let app = ExplorerServer.application(explorer, onRunning: { port in print(port) })
/// try await app.runService()
/// ```
public enum ExplorerServer {
    /// Every route; the page's files are answered by ``EmbeddedFiles`` before routing.
    public static func router(_ explorer: Explorer) -> Router<ExplorerContext> {
        let router = Router(context: ExplorerContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: HostGuard(boundHost: explorer.options.host, extra: explorer.options.allowedHosts))
        router.add(middleware: PathGuard())
        router.add(middleware: EmbeddedFiles())

        router.get("/openapi.yaml") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: WebFiles.openAPI)))
        }

        let api = router.group("api")
        if let token = explorer.options.token { api.add(middleware: TokenGuard(token: token)) }

        api.get("health") { _, _ in
            JSONResponse.make(.object(["status": .string("ok"), "version": .string(PitstopVersion.current)]))
        }
        api.get("scenarios") { _, _ in
            let listing = try await light { explorer.listing() }
            return JSONResponse.make(listing)
        }
        api.get("scenarios/{id}") { request, context in
            let id = try context.parameters.require("id")
            let language = try WhatIfRequest.language(request.uri.queryParameters.get("lang"))
            let body = try await light { () throws(ExplorerError) in try explorer.view(id, language: language) }
            return JSONResponse.make(bytes: body)
        }
        api.post("check") { request, _ in
            let whatIf = try await decode(WhatIfRequest.self, request.body, limit: explorer.options.maxBodyBytes)
            return JSONResponse.make(try await light { () throws(ExplorerError) in try explorer.check(whatIf) })
        }
        api.post("runs") { request, _ in
            try await request.body.consumeWithCancellationOnInboundClose { body in
                let whatIf = try await decode(WhatIfRequest.self, body, limit: explorer.options.maxBodyBytes)
                return try await run(whatIf, explorer)
            }
        }
        api.get("progress/{ticket}") { _, context in
            let ticket = try context.parameters.require("ticket")
            guard ProgressBoard.isValidTicket(ticket) else {
                throw ExplorerError(.badRequest, "a ticket is 8 to 64 letters, digits, '-' or '_'")
            }
            let entry = explorer.progress.entry(ticket)
            return JSONResponse.make(.object([
                "state": .string(entry.state.rawValue),
                "done": .integer(Int64(entry.done)),
                "total": .integer(Int64(entry.total)),
            ]))
        }
        api.post("whatif/save") { request, _ in
            let whatIf = try await decode(WhatIfRequest.self, request.body, limit: explorer.options.maxBodyBytes)
            return JSONResponse.make(try await light { () throws(ExplorerError) in try explorer.save(whatIf) })
        }
        api.post("whatif/open") { request, _ in
            let file = try await decode(OpenRequest.self, request.body, limit: explorer.options.maxBodyBytes)
            return JSONResponse.make(try await light { () throws(ExplorerError) in try explorer.open(file.text) })
        }
        return router
    }

    /// The application serving `explorer` on its host and port; `onRunning` hears the port
    /// once the server listens (the one way to learn it for port 0).
    public static func application(
        _ explorer: Explorer, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "pitstop-serve")
        logger.logLevel = .warning  // no request lines: they would carry tokens' neighbours and bodies' sizes
        return Application(
            router: router(explorer),
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: .init(
                address: .hostname(explorer.options.host, port: explorer.options.port), serverName: "pitstop",
                availableConnectionsDelegate: MaximumAvailableConnections(128, logger: logger)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? explorer.options.port) },
            logger: logger)
    }

    /// Serves `explorer` until SIGINT or SIGTERM, then lets the runs in hand finish and
    /// returns (the command line's `pitstop serve`).
    public static func serve(_ explorer: Explorer, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(explorer, onRunning: onRunning).runService()
        await explorer.queue.shutdown()
    }

    /// A run: from the cache, or through the queue (503 when it is full). The progress of
    /// its ticket follows it.
    static func run(_ request: WhatIfRequest, _ explorer: Explorer) async throws -> Response {
        let prepared = try await light { () throws(ExplorerError) in try explorer.prepare(request) }
        var headers = HTTPFields()
        let cacheHeader = HTTPField.Name("X-Pitstop-Cache")
        if let body = explorer.cached(prepared) {
            explorer.progress.set(prepared.ticket, .init(state: .done, done: prepared.total, total: prepared.total))
            if let cacheHeader { headers[cacheHeader] = "hit" }
            return JSONResponse.make(bytes: body, headers: headers)
        }
        explorer.progress.set(prepared.ticket, .init(state: .queued, done: 0, total: prepared.total))
        do {
            let body = try await explorer.queue.run(
                started: { explorer.progress.advance(prepared.ticket, done: 0, total: prepared.total) },
                { flag in try explorer.execute(prepared, flag: flag) })
            explorer.progress.set(prepared.ticket, .init(state: .done, done: prepared.total, total: prepared.total))
            if let cacheHeader { headers[cacheHeader] = "miss" }
            return JSONResponse.make(bytes: body, headers: headers)
        } catch let error as StudyError {
            explorer.progress.mark(prepared.ticket, .failed)
            if error == .cancelled { throw CancellationError() }
            throw ExplorerError(.internalServerError, "the run failed: \(error.description)")
        } catch {
            explorer.progress.mark(prepared.ticket, .failed)
            throw error
        }
    }

    /// Short blocking work (loading YAML, drawing a scenario) on NIO's blocking pool, off
    /// the threads that run Swift tasks.
    static func light<T: Sendable>(_ work: @escaping @Sendable () throws(ExplorerError) -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive { () throws -> T in try work() }
    }

    /// A JSON body of at most `limit` bytes (413 beyond), decoded strictly: an unknown key
    /// or a wrong type is a 400 with a message that names it.
    static func decode<T: Decodable>(_ type: T.Type, _ body: RequestBody, limit: Int) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ExplorerError(.contentTooLarge, "the body is larger than \(limit) bytes")
        }
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as ExplorerError {
            throw error
        } catch let DecodingError.keyNotFound(key, _) {
            throw ExplorerError(.badRequest, "the body needs '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ExplorerError(.badRequest, "wrong type at '\(path(context))': \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw ExplorerError(.badRequest, "'\(path(context))' needs a value")
        } catch {
            throw ExplorerError(.badRequest, "the body must be a JSON object")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

/// The body of `POST /api/whatif/open`: the text of a saved what-if.
struct OpenRequest: Decodable, Sendable {
    var text: String

    private enum CodingKeys: String, CodingKey { case text }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: ["text"])
        text = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .text)
    }
}
