import Foundation
import HTTPTypes
import Hummingbird

/// The request context of the explorer's router.
public struct ExplorerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Hummingbird's own decoding limit; the explorer's handlers read bodies themselves,
    /// up to ``ExplorerOptions/maxBodyBytes``.
    public var maxUploadSize: Int { ExplorerOptions.defaultMaxBodyBytes }
}

/// Security headers on every response, errors included: the content security policy
/// (`default-src 'self'`: no inline script or style, nothing from elsewhere), no sniffing,
/// no framing, no referrer.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String { "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" }
    /// Headers HTTPTypes has no name for.
    static var namedHeaders: [(HTTPField.Name?, String)] {
        [(HTTPField.Name("X-Frame-Options"), "DENY"), (HTTPField.Name("Referrer-Policy"), "no-referrer")]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        for case let (name?, value) in SecurityHeaders.namedHeaders { response.headers[name] = value }
        return response
    }
}

/// Refuses requests whose Host names anything but this machine (421): a page on another
/// site that rebinds its DNS name to 127.0.0.1 sends its own name, and is refused here.
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    /// Names allowed besides loopback's and IP literals (lowercased).
    let names: Set<String>

    init(boundHost: String, extra: [String]) {
        var names = Set(extra.map { $0.lowercased() })
        names.insert(boundHost.lowercased())
        names.insert(ProcessInfo.processInfo.hostName.lowercased())
        self.names = names
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let authority = request.head.authority, allows(authority: authority) else {
            throw ExplorerError(.misdirectedRequest, "this server answers to this machine's names only (Host)")
        }
        return try await next(request, context)
    }

    /// Whether a Host value (name and optional port) names this machine.
    func allows(authority: String) -> Bool {
        let host = HostGuard.hostName(authority).lowercased()
        if host.isEmpty { return false }
        if host == "localhost" || names.contains(host) { return true }
        return HostGuard.isIPLiteral(host)
    }

    /// `name:port` → `name`; `[::1]:8080` → `::1`.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("[") {
            guard let end = authority.firstIndex(of: "]") else { return "" }
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        if let colon = authority.lastIndex(of: ":") { return String(authority[..<colon]) }
        return authority
    }

    /// Dotted IPv4 (four numbers 0–255) or an IPv6 address: names no DNS can rebind.
    static func isIPLiteral(_ host: String) -> Bool {
        if host.contains(":") {
            return host.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }
        }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Refuses paths that try to climb or hide: a `..` segment, a backslash, an empty segment,
/// or a control character, raw or percent-encoded (once or twice) — 400 before any route.
struct PathGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let problem = PathGuard.problem(request.uri.path) {
            throw ExplorerError(.badRequest, problem)
        }
        return try await next(request, context)
    }

    /// Why `path` is refused, or `nil`.
    static func problem(_ path: String) -> String? {
        var forms = [path]
        var current = path
        for _ in 0..<3 where current.contains("%") {
            // Malformed and overlong encodings (%zz, %c0%ae) decode to nothing.
            guard let decoded = current.removingPercentEncoding else {
                return "the path holds an invalid percent-encoding"
            }
            if decoded == current { break }
            forms.append(decoded)
            current = decoded
        }
        for form in forms {
            if form.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "the path holds a control character"
            }
            if form.contains("\\") { return "the path holds a backslash" }
            let segments = form.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            if segments.contains(where: { $0 == ".." || $0 == "." }) { return "the path holds a '..' or '.' segment" }
            if segments.dropLast().contains(where: \.isEmpty) { return "the path holds an empty segment" }
        }
        return nil
    }
}

/// The access token on every API call: `Authorization: Bearer <token>`, else 401.
struct TokenGuard<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let given = request.headers[.authorization] ?? ""
        guard TokenGuard.matches(given, expected: "Bearer " + token) else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer"
            throw ExplorerError(.unauthorized, "this explorer needs its access token (Authorization: Bearer …)",
                                headers: headers)
        }
        return try await next(request, context)
    }

    /// Compares in time that does not depend on where the texts differ.
    static func matches(_ given: String, expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<b.count { difference |= (i < a.count ? a[i] : 0) ^ b[i] }
        return difference == 0
    }
}

/// The page's files, embedded in the binary: answered by exact name, so no request path
/// ever reaches the file system.
struct EmbeddedFiles<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .get || request.method == .head,
            let file = WebFiles.file(at: request.uri.path)
        else { return try await next(request, context) }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = "no-cache"
        headers[.eTag] = file.etag
        if request.headers[.ifNoneMatch] == file.etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.bytes.count)
        if request.method == .head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
