import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import PitstopServer

/// A fresh copy of the test scenarios (`Fixtures/scenarios`) in a temporary folder, so a
/// test may add files and links to it.
struct ScenarioFixture {
    static let source: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scenarios")
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    let folder: URL

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-server-\(UUID().uuidString)")
        folder = root.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.source, to: folder)
    }

    /// An explorer on this folder: short interactive runs, one worker unless told otherwise.
    func explorer(_ configure: (inout ExplorerOptions) -> Void = { _ in }) throws -> Explorer {
        var options = ExplorerOptions(folder: folder.path)
        options.interactiveReplications = 3
        options.interactiveDays = 2
        options.workers = 1
        configure(&options)
        return try Explorer(options: options)
    }

    func write(_ text: String, to name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}

/// The application of `explorer`, for `app.test(.router)` and `.live`.
func application(_ explorer: Explorer) -> some ApplicationProtocol {
    ExplorerServer.application(explorer)
}

/// A JSON body as a ByteBuffer.
func body(_ json: String) -> ByteBuffer { ByteBuffer(string: json) }

/// A response body decoded as a JSON object.
func object(_ response: TestResponse) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    return try #require(value as? [String: Any], "not a JSON object: \(String(buffer: response.body).prefix(200))")
}

/// The `error.message` of an error response.
func errorMessage(_ response: TestResponse) throws -> String {
    let error = try #require(try object(response)["error"] as? [String: Any])
    return try #require(error["message"] as? String)
}

/// The text of a response body.
func text(_ response: TestResponse) -> String { String(buffer: response.body) }

/// One HTTP/1.1 exchange over a plain socket, for what the test client refuses to send: a
/// raw path (`..`, a backslash), a foreign Host, or a request whose client hangs up.
enum RawHTTP {
    /// Connects to 127.0.0.1:`port` and sends `request`; the caller closes the socket.
    static func send(port: Int, request: String) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawError.socket }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawError.connect
        }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        return fd
    }

    static func blockingExchange(port: Int, request: String) throws -> (status: Int, text: String) {
        let fd = try send(port: port, request: request)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }

    /// `GET path` with a chosen Host, connection closed after the answer.
    static func get(port: Int, path: String, host: String? = nil) async throws -> (status: Int, text: String) {
        try await exchange(port: port, request: "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
    }

    /// One exchange on a thread of its own: the blocking socket must not hold one of the few
    /// threads the server's own tasks run on.
    static func exchange(port: Int, request: String) async throws -> (status: Int, text: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingExchange(port: port, request: request) })
            }
        }
    }

    enum RawError: Error { case socket, connect }
}
