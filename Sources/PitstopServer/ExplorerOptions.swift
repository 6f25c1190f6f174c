import Foundation

/// How the explorer is served.
public struct ExplorerOptions: Sendable {
    /// The folder of scenarios to serve.
    public var folder: String
    /// The address to bind; loopback unless the user asks otherwise.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 8080
    /// Sent by the page as `Authorization: Bearer …` with every API call; required for a
    /// host other than loopback (generated when not given).
    public var token: String?
    /// Threads that run simulations; one per core by default.
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Runs that may wait for a worker before the explorer answers 503.
    public var waitingRuns: Int = 16
    /// Replications and days of an interactive run (a full run uses the scenario's own).
    public var interactiveReplications: Int = 10
    public var interactiveDays: Int = 28
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int = ExplorerOptions.defaultMaxBodyBytes
    /// Cached run results: how many, and how many bytes in all.
    public var cachedRuns: Int = 64
    public var cachedBytes: Int = 256 * 1024 * 1024
    /// Host names a request may name besides loopback's and the bound host (DNS-rebinding guard).
    public var allowedHosts: [String] = []

    public static let defaultMaxBodyBytes = 256 * 1024

    public init(folder: String) {
        self.folder = folder
    }

    /// Whether `host` is a loopback address (or `localhost`).
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.")
    }

    /// A random access token: 32 hex digits from the system's random source.
    public static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt32
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }
}
