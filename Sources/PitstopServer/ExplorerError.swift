import Foundation
import HTTPTypes
import Hummingbird
import PitstopModel
import PitstopScenario

/// An API error: a status, a message and, for scenarios and what-ifs that do not load,
/// their diagnostics. Sent as `{"error": {"message": …, "diagnostics": [...]}}` (the shape
/// Hummingbird gives its own errors, so a client reads every error the same way).
public struct ExplorerError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    /// Already in their JSON form (``DiagnosticJSON``).
    public var diagnostics: [JSONText]
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, diagnostics: [JSONText] = [],
                headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.diagnostics = diagnostics
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }

    var json: JSONText {
        var error: [String: JSONText] = ["message": .string(message)]
        if !diagnostics.isEmpty { error["diagnostics"] = .array(diagnostics) }
        return .object(["error": .object(error)])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// 503 with `Retry-After`: the run queue is full.
    static func busy(retryAfter seconds: Int) -> ExplorerError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(seconds)
        return ExplorerError(
            .serviceUnavailable, "the explorer is busy: every run slot is taken; try again in \(seconds) s",
            headers: headers)
    }
}

/// Responses with a JSON body written by ``JSONText`` (the program's one JSON writer).
enum JSONResponse {
    static func make(_ json: JSONText, status: HTTPResponse.Status = .ok) -> Response {
        make(bytes: Array((json.rendered() + "\n").utf8), status: status)
    }

    static func make(bytes: [UInt8], status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Diagnostics as the API sends them.
enum DiagnosticJSON {
    /// `{"severity", "message", "notes", "location", "set", "column"}`: `set` is the 1-based
    /// index of the `--set` a problem is in (null for a problem in a file), `location` the
    /// position as the command line prints it, with file paths relative to the served folder.
    static func make(_ diagnostic: Diagnostic, folder: ScenarioFolder) -> JSONText {
        var location: JSONText = .null
        var set: JSONText = .null
        var column: JSONText = .null
        if let l = diagnostic.location {
            if l.isSetOption {
                location = .string(l.description)
                set = .integer(Int64(l.line))
            } else {
                location = .string("\(folder.shown(l.file)):\(l.line):\(l.column)")
            }
            column = .integer(Int64(l.column))
        }
        return .object([
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "notes": .array(diagnostic.notes.map { .string($0) }),
            "location": location,
            "set": set,
            "column": column,
        ])
    }

    static func make(_ diagnostics: [Diagnostic], folder: ScenarioFolder) -> [JSONText] {
        diagnostics.map { make($0, folder: folder) }
    }
}
