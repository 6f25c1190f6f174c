import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

@testable import PitstopServer

/// `docs/openapi.yaml` kept true: its paths and methods are the router's, and the answers of
/// every endpoint — successes and errors — match the schemas it gives them.
@Suite struct OpenAPITests {
    /// The document, read afresh (a `[String: Any]` cannot be shared across tests).
    static var document: [String: Any] {
        let url = ScenarioFixture.repository.appendingPathComponent("docs/openapi.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return ((try? Yams.load(yaml: text)) as? [String: Any]) ?? [:]
    }

    static var paths: [String: [String: Any]] { (document["paths"] as? [String: [String: Any]]) ?? [:] }

    @Test func theDocumentedOperationsAreTheRoutes() throws {
        let explorer = try ScenarioFixture().explorer()
        let routed = Set(ExplorerServer.router(explorer).routes.map { "\($0.method.rawValue) \($0.path)" })
        var documented = Set<String>()
        for (path, operations) in Self.paths {
            for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(routed == documented)
        #expect(routed.count == 9)
    }

    /// A request, and the documented path and status its answer must match.
    struct Exchange: Sendable {
        let method: HTTPRequest.Method
        let uri: String
        let body: String?
        let template: String
        let status: Int
    }

    static let exchanges: [Exchange] = [
        Exchange(method: .get, uri: "/api/health", body: nil, template: "/api/health", status: 200),
        Exchange(method: .get, uri: "/api/scenarios", body: nil, template: "/api/scenarios", status: 200),
        Exchange(method: .get, uri: "/api/scenarios/little.yaml?lang=da", body: nil, template: "/api/scenarios/{id}", status: 200),
        Exchange(method: .get, uri: "/api/scenarios/nope.yaml", body: nil, template: "/api/scenarios/{id}", status: 404),
        Exchange(method: .get, uri: "/api/scenarios/broken.yaml", body: nil, template: "/api/scenarios/{id}", status: 422),
        Exchange(method: .get, uri: "/api/scenarios/%2e%2e", body: nil, template: "/api/scenarios/{id}", status: 400),
        Exchange(method: .post, uri: "/api/check", body: #"{"scenario": "little.yaml", "sets": ["staff.anna.unit=main-team", "x=1"]}"#,
                 template: "/api/check", status: 200),
        Exchange(method: .post, uri: "/api/check", body: #"{"scenario": 1}"#, template: "/api/check", status: 400),
        Exchange(method: .post, uri: "/api/check", body: #"{"scenario": "broken.yaml"}"#, template: "/api/check", status: 422),
        Exchange(method: .post, uri: "/api/runs", body: #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=2"], "ticket": "openapi-ticket"}"#,
                 template: "/api/runs", status: 200),
        Exchange(method: .post, uri: "/api/runs", body: #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=-2"]}"#,
                 template: "/api/runs", status: 422),
        Exchange(method: .post, uri: "/api/runs", body: #"{"scenario": "gone.yaml"}"#, template: "/api/runs", status: 404),
        Exchange(method: .get, uri: "/api/progress/openapi-ticket", body: nil, template: "/api/progress/{ticket}", status: 200),
        Exchange(method: .get, uri: "/api/progress/bad", body: nil, template: "/api/progress/{ticket}", status: 400),
        Exchange(method: .post, uri: "/api/whatif/save", body: #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=2"]}"#,
                 template: "/api/whatif/save", status: 200),
        Exchange(method: .post, uri: "/api/whatif/open", body: #"{"text": "extends: little.yaml\nset: [staff.lib-main.count=2]\n"}"#,
                 template: "/api/whatif/open", status: 200),
        Exchange(method: .post, uri: "/api/whatif/open", body: #"{"text": "extends: /etc/passwd\n"}"#,
                 template: "/api/whatif/open", status: 422),
    ]

    @Test func everyAnswerMatchesItsDocumentedSchema() async throws {
        let explorer = try ScenarioFixture().explorer()
        try await application(explorer).test(.router) { client in
            let document = Self.document
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            for exchange in Self.exchanges {
                let response = try await client.execute(
                    uri: exchange.uri, method: exchange.method, body: exchange.body.map { body($0) })
                #expect(Int(response.status.code) == exchange.status, "\(exchange.uri): \(response.status)")
                let operation = try #require(paths[exchange.template]?[exchange.method.rawValue.lowercased()] as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: Any])
                let documented = try #require(responses[String(exchange.status)] as? [String: Any], "\(exchange.uri) \(exchange.status) undocumented")
                let resolved = Schema.resolve(documented, in: document)
                let content = try #require(resolved["content"] as? [String: Any])
                let schema = try #require((content["application/json"] as? [String: Any])?["schema"] as? [String: Any])
                let value = try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
                let problems = Schema.problems(value, schema, in: document, at: "$")
                #expect(problems.isEmpty, "\(exchange.method) \(exchange.uri) → \(exchange.status): \(problems.prefix(5))")
            }
        }
    }

    @Test func theValidatorCatchesWhatItIsMeantTo() throws {
        let schema: [String: Any] = [
            "type": "object", "required": ["a"], "additionalProperties": false,
            "properties": ["a": ["type": "integer"], "b": ["type": "string", "nullable": true, "enum": ["x"]]],
        ]
        func check(_ json: String) throws -> [String] {
            Schema.problems(try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), schema, in: [:], at: "$")
        }
        #expect(try check(#"{"a": 1, "b": null}"#).isEmpty)
        #expect(try check(#"{"a": 1.5}"#) == ["$.a: expected integer"])
        #expect(try check(#"{"b": "x"}"#) == ["$: missing 'a'"])
        #expect(try check(#"{"a": 1, "c": 2}"#) == ["$: unexpected 'c'"])
        #expect(try check(#"{"a": 1, "b": "y"}"#) == ["$.b: 'y' is not one of x"])
        #expect(try check(#"{"a": true}"#) == ["$.a: expected integer"])
    }
}

/// A JSON value as decoded, keeping booleans and numbers apart.
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }
}

/// The part of OpenAPI 3.0's schemas the document uses: `$ref`, `type`, `nullable`,
/// `properties`, `required`, `additionalProperties`, `items`, `enum`, `maxItems`.
enum Schema {
    static func resolve(_ node: [String: Any], in document: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String, ref.hasPrefix("#/") else { return node }
        var current: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            current = (current as? [String: Any])?[String(part)] ?? [:]
        }
        return resolve(current as? [String: Any] ?? [:], in: document)
    }

    static func problems(_ value: JSONValue, _ raw: [String: Any], in document: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw, in: document)
        if case .null = value {
            return schema["nullable"] as? Bool == true ? [] : ["\(path): null where none is allowed"]
        }
        if let type = schema["type"] as? String {
            let fits: Bool
            switch (type, value) {
            case ("string", .string), ("boolean", .bool), ("number", .number), ("array", .array), ("object", .object): fits = true
            case ("integer", .number(let n)): fits = n == n.rounded()
            default: fits = false
            }
            if !fits { return ["\(path): expected \(type)"] }
        }
        if let allowed = schema["enum"] as? [Any], case .string(let s) = value, !allowed.contains(where: { "\($0)" == s }) {
            return ["\(path): '\(s)' is not one of \(allowed.map { "\($0)" }.joined(separator: ", "))"]
        }
        var found: [String] = []
        switch value {
        case .array(let items):
            if let max = schema["maxItems"] as? Int, items.count > max { found.append("\(path): more than \(max) items") }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (i, item) in items.enumerated() { found += problems(item, itemSchema, in: document, at: "\(path)[\(i)]") }
            }
        case .object(let members):
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in (schema["required"] as? [String] ?? []) where members[key] == nil { found.append("\(path): missing '\(key)'") }
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] as? [String: Any] {
                    found += problems(member, property, in: document, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(member, extra, in: document, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected '\(key)'")
                }
            }
        default:
            break
        }
        return found
    }
}
