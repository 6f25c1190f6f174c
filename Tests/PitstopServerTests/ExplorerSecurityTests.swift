import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import PitstopServer

/// The explorer on a shared office machine: the token, paths that try to leave the folder,
/// foreign Host names, body limits, strict request bodies, the security headers.
@Suite struct ExplorerSecurityTests {
    let fixture: ScenarioFixture

    init() throws {
        fixture = try ScenarioFixture()
    }

    @Test func withATokenEveryAPICallNeedsItAndThePageDoesNot() async throws {
        let explorer = try fixture.explorer { $0.token = "s3cret-token-42" }
        try await application(explorer).test(.router) { client in
            let without = try await client.execute(uri: "/api/health", method: .get)
            #expect(without.status == .unauthorized)
            #expect(without.headers[.wwwAuthenticate] == "Bearer")
            for wrong in ["Bearer s3cret-token-4", "Bearer s3cret-token-421", "s3cret-token-42", "Basic s3cret-token-42"] {
                var headers = HTTPFields()
                headers[.authorization] = wrong
                #expect(try await client.execute(uri: "/api/scenarios", method: .get, headers: headers).status == .unauthorized, "\(wrong)")
            }
            var headers = HTTPFields()
            headers[.authorization] = "Bearer s3cret-token-42"
            #expect(try await client.execute(uri: "/api/scenarios", method: .get, headers: headers).status == .ok)
            let post = try await client.execute(uri: "/api/check", method: .post, body: body(#"{"scenario": "little.yaml"}"#))
            #expect(post.status == .unauthorized)
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/openapi.yaml", method: .get).status == .ok)
        }
    }

    @Test func aGeneratedTokenIsLongAndRandom() {
        let a = ExplorerOptions.generateToken(), b = ExplorerOptions.generateToken()
        #expect(a.count == 32 && b.count == 32 && a != b)
        #expect(a.allSatisfy { $0.isHexDigit })
    }

    @Test(arguments: [
        "/../../../../etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/.%2e/.%2e/etc/passwd", "/..%5c..%5cetc%5cpasswd", "/..%252f..%252fetc%252fpasswd", "//etc/passwd",
        "/%c0%ae%c0%ae/etc/passwd", "/index.html%00.js", "/index.html%0a", "/api/scenarios/..%2f..%2fetc%2fpasswd",
        "/api/scenarios/%2e%2e%2flittle.yaml", "/api/scenarios/%252e%252e%252flittle.yaml", "/api/scenarios/%2Fetc%2Fpasswd",
        "/api/scenarios/little.yaml%00", "/api/scenarios/.%2Flittle.yaml",
    ])
    func pathsThatTryToLeaveTheFolderReachNothing(path: String) async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect([HTTPResponse.Status.badRequest, .notFound].contains(response.status), "\(path): \(response.status)")
            #expect(!text(response).contains("root:"), "\(path) read a system file")
            #expect(!text(response).contains("Little library"), "\(path) reached a scenario by a path")
        }
    }

    @Test func rawDotDotAndBackslashPathsAreRefusedOnTheWire() async throws {
        try await application(try fixture.explorer()).test(.live) { client in
            let port = try #require(client.port)
            for path in ["/../../etc/passwd", "/api/scenarios/../little.yaml", "/\\..\\..\\etc\\passwd", "/api/scenarios/..\\little.yaml"] {
                let (status, body) = try await RawHTTP.get(port: port, path: path)
                #expect(status == 400, "\(path): \(status)")
                #expect(!body.contains("root:") && !body.contains("Little library"))
            }
        }
    }

    @Test func absoluteNamesAndLinksOutOfTheFolderAreNotScenarios() async throws {
        let outside = fixture.folder.deletingLastPathComponent().appendingPathComponent("outside.yaml")
        try "format: 1\nname: Outside\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            at: fixture.folder.appendingPathComponent("link-out.yaml"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: fixture.folder.appendingPathComponent("passwd.yaml"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        try FileManager.default.createSymbolicLink(
            at: fixture.folder.appendingPathComponent("link-in.yaml"), withDestinationURL: fixture.folder.appendingPathComponent("little.yaml"))
        try FileManager.default.createDirectory(at: fixture.folder.appendingPathComponent("sub.yaml"), withIntermediateDirectories: true)
        try "format: 1\n".write(to: fixture.folder.appendingPathComponent(".hidden.yaml"), atomically: true, encoding: .utf8)
        let explorer = try fixture.explorer()
        #expect(explorer.folder.files().map(\.id) == ["broken.yaml", "link-in.yaml", "little-open-longer.yaml", "little.yaml"])
        try await application(explorer).test(.router) { client in
            for id in ["link-out.yaml", "passwd.yaml", "sub.yaml", ".hidden.yaml", "outside.yaml"] {
                #expect(try await client.execute(uri: "/api/scenarios/\(id)", method: .get).status == .notFound, "\(id)")
                let run = try await client.execute(uri: "/api/check", method: .post, body: body(#"{"scenario": "\#(id)"}"#))
                #expect(run.status == .notFound, "\(id)")
            }
            for id in ["/etc/passwd", "../outside.yaml", fixture.folder.appendingPathComponent("little.yaml").path] {
                let run = try await client.execute(uri: "/api/runs", method: .post, body: body(#"{"scenario": "\#(id)"}"#))
                #expect(run.status == .notFound, "\(id)")
            }
            #expect(try await client.execute(uri: "/api/scenarios/link-in.yaml", method: .get).status == .ok)
        }
    }

    @Test func onlyThisMachinesNamesMayBeTheHost() async throws {
        try await application(try fixture.explorer()).test(.live) { client in
            let port = try #require(client.port)
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "LOCALHOST", "10.1.2.3:\(port)"] {
                #expect(try await RawHTTP.get(port: port, path: "/api/health", host: host).status == 200, "\(host)")
            }
            for host in ["evil.example:\(port)", "127.0.0.1.evil.example", "localhost.evil.example:\(port)", "1.2.3.4.5", ""] {
                let (status, text) = try await RawHTTP.get(port: port, path: "/api/health", host: host)
                #expect(status == 421 || (host.isEmpty && status == 400), "\(host): \(status)")
                #expect(!text.contains("\"ok\""))
            }
        }
        let guardian = HostGuard<ExplorerContext>(boundHost: "0.0.0.0", extra: ["explorer.office.lan"])
        #expect(guardian.allows(authority: "explorer.office.lan:8080"))
        #expect(guardian.allows(authority: "[fe80::1]:8080"))
        #expect(!guardian.allows(authority: "explorer.office.lan.evil.example"))
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        let explorer = try fixture.explorer { $0.maxBodyBytes = 2_000 }
        let big = #"{"scenario": "little.yaml", "sets": ["\#(String(repeating: "x", count: 3_000))=1"]}"#
        try await application(explorer).test(.router) { client in
            for uri in ["/api/check", "/api/runs", "/api/whatif/save", "/api/whatif/open"] {
                let response = try await client.execute(uri: uri, method: .post, body: body(big))
                #expect(response.status == .contentTooLarge, "\(uri): \(response.status)")
            }
            let small = try await client.execute(uri: "/api/check", method: .post, body: body(#"{"scenario": "little.yaml"}"#))
            #expect(small.status == .ok)
        }
    }

    @Test func requestBodiesAreReadStrictly() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let cases: [(String, String)] = [
                ("not json", "the body must be a JSON object"),
                (#"["little.yaml"]"#, "wrong type"),
                (#"{"sets": []}"#, "the body needs 'scenario'"),
                (#"{"scenario": 42}"#, "wrong type at 'scenario'"),
                (#"{"scenario": "little.yaml", "set": ["a=1"]}"#, "unknown key 'set' in the body; did you mean 'sets'?"),
                (#"{"scenario": "little.yaml", "lang": "fr"}"#, "unknown language 'fr'"),
                (#"{"scenario": "little.yaml", "ticket": "../x"}"#, "a ticket is"),
                (#"{"scenario": "little.yaml", "ticket": null}"#, "'ticket' needs a value"),
                (#"{"scenario": "little.yaml", "sets": [\#((0...WhatIfRequest.maxSets).map { _ in "\"a=1\"" }.joined(separator: ","))]}"#,
                 "at most 500 --sets"),
            ]
            for (payload, message) in cases {
                let response = try await client.execute(uri: "/api/check", method: .post, body: body(payload))
                #expect(response.status == .badRequest, "\(payload.prefix(60))")
                let said = try errorMessage(response)
                #expect(said.contains(message), "\(said)")
            }
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await application(try fixture.explorer { $0.token = "token-token" }).test(.router) { client in
            for (uri, status) in [("/", HTTPResponse.Status.ok), ("/api/health", .unauthorized), ("/nope", .notFound),
                                  ("/%2e%2e/x", .badRequest)] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'self'") == true, "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
            }
        }
    }

    @Test func loopbackIsTheOnlyHostWithoutAToken() {
        #expect(ExplorerOptions.isLoopback("127.0.0.1") && ExplorerOptions.isLoopback("localhost") && ExplorerOptions.isLoopback("::1"))
        #expect(!ExplorerOptions.isLoopback("0.0.0.0") && !ExplorerOptions.isLoopback("192.168.1.5"))
        #expect(ExplorerOptions(folder: ".").host == "127.0.0.1")
    }
}
