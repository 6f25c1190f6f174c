import ArgumentParser
import Dispatch
import Foundation
import PitstopServer
import Synchronization

extension Pitstop {
    /// `pitstop serve [FOLDER]`: the explorer — what-ifs in a browser, on the same visitors.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the explorer: try restructurings in a browser, on the same simulated visitors.",
            discussion: """
                Example:
                  pitstop serve                  (the bundled Scenarios/ on port 8080)
                  pitstop serve my-scenarios --port 0
                  pitstop serve --host 0.0.0.0   (for other machines, with a token)
                Prints the address to open; Ctrl-C stops the server (exit status 0).
                Binds 127.0.0.1 unless --host says otherwise; any other host requires an access
                token (generated when --token is not given), sent by the page with every call.
                """)

        @Argument(help: "The folder of scenarios to serve (default: the bundled Scenarios/).")
        var folder: String?

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port (0 picks a free one).")
        var port = 8080

        @Option(help: "The access token the page sends with every call (generated for a non-loopback --host).")
        var token: String?

        func validate() throws {
            if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535, found \(port)") }
            if let token, token.count < 8 || token.unicodeScalars.contains(where: { !$0.isASCII || $0.properties.isWhitespace }) {
                throw ValidationError("--token must be at least 8 characters, ASCII, without spaces")
            }
        }

        func run() throws {
            var options = ExplorerOptions(folder: folder ?? Compare.locateBundled("Scenarios"))
            options.host = host
            options.port = port
            options.token = token ?? (ExplorerOptions.isLoopback(host) ? nil : ExplorerOptions.generateToken())
            let explorer: Explorer
            do {
                explorer = try Explorer(options: options)
            } catch {
                printError("error: \(error.message)")
                throw ExitCode.failure
            }
            // Ctrl-C and SIGTERM stop the server gracefully (the service lifecycle handles
            // them), so the command line's own handlers, which exit at once, step aside.
            Console.stopHandlingInterruptions()
            let shownHost = ["0.0.0.0", "::", "[::]"].contains(host) ? ProcessInfo.processInfo.hostName : host
            let urlHost = shownHost.contains(":") && !shownHost.hasPrefix("[") ? "[\(shownHost)]" : shownHost
            let fragment = options.token.map { "#token=\($0)" } ?? ""
            let count = explorer.folder.files().count
            let failure = Blocking.run {
                try await ExplorerServer.serve(explorer) { port in
                    Console.print("Pitstop explorer: http://\(urlHost):\(port)/\(fragment)")
                    printError("Serving \(count) scenario\(count == 1 ? "" : "s") from \(explorer.folder.display) — Ctrl-C stops it.")
                }
            }
            if let failure {
                let reason = "\(failure)".contains("Address already in use")
                    ? "the port is in use (choose another with --port, or --port 0 for a free one)" : "\(failure)"
                printError("error: cannot serve on \(host):\(port): \(reason)")
                throw ExitCode.failure
            }
            printError("Stopped.")
        }
    }
}

/// Runs async work to its end from synchronous code (the command line's `run()`).
enum Blocking {
    /// Waits for `work` and returns the error it threw, if any.
    static func run(_ work: @escaping @Sendable () async throws -> Void) -> (any Error)? {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<(any Error)?>(nil)
        Task {
            do {
                try await work()
            } catch {
                outcome.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0 }
    }
}
