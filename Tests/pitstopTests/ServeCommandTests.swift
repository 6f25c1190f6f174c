import Foundation
import Testing

/// `pitstop serve` as a user starts it: the address it prints, the token off loopback, a
/// clean stop on Ctrl-C, and its usage errors.
@Suite struct ServeCommandTests {
    /// Starts `pitstop serve ARGS --port 0`, waits for its address, runs `body` with it,
    /// then sends SIGINT and returns the exit status and what it printed on stderr.
    func serving(_ arguments: [String], _ body: (String) throws -> Void) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("pitstop")
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let address = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        defer { if process.isRunning { process.terminate() } }
        try body(address)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// `curl`'s status code for a GET (no proxy).
    func status(_ url: String, token: String? = nil) throws -> String {
        let header = token.map { "-H 'Authorization: Bearer \($0)'" } ?? ""
        return try CommandRunner.shell("curl -s --noproxy '*' -o /dev/null -w '%{http_code}' \(header) '\(url)'").stdout
    }

    @Test func itPrintsItsAddressAnswersAndStopsCleanlyOnCtrlC() throws {
        let outcome = try serving([]) { address in
            #expect(address.hasPrefix("Pitstop explorer: http://127.0.0.1:"))
            #expect(!address.contains("token"))
            let url = String(address.dropFirst("Pitstop explorer: ".count))
            let health = try status(url + "api/health"), page = try status(url)
            #expect(health == "200" && page == "200")
        }
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("Serving 4 scenarios from"))
        #expect(outcome.stderr.contains("Stopped."))
    }

    @Test func offLoopbackItMakesATokenAndTheAPINeedsIt() throws {
        let outcome = try serving(["--host", "0.0.0.0"]) { address in
            let parts = address.components(separatedBy: "#token=")
            #expect(parts.count == 2)
            let token = parts.last ?? ""
            #expect(token.count == 32)
            let port = parts[0].split(separator: ":").last.map { $0.filter(\.isNumber) } ?? ""
            let local = "http://127.0.0.1:\(port)/"
            let without = try status(local + "api/scenarios"), with = try status(local + "api/scenarios", token: token)
            let page = try status(local)
            #expect(without == "401" && with == "200" && page == "200")
        }
        #expect(outcome.status == 0)
    }

    @Test func aGivenTokenIsUsedEvenOnLoopback() throws {
        _ = try serving(["--token", "my-own-token"]) { address in
            #expect(address.hasSuffix("#token=my-own-token"))
            let url = String(address.dropFirst("Pitstop explorer: ".count).prefix { $0 != "#" })
            let without = try status(url + "api/health"), with = try status(url + "api/health", token: "my-own-token")
            #expect(without == "401" && with == "200")
        }
    }

    @Test func usageErrorsAre64AndAMissingFolderIs1() throws {
        let port = try CommandRunner.run(["serve", "--port", "70000"])
        #expect(port.status == 64 && port.stderr.contains("--port must be 0 to 65535, found 70000"))
        let token = try CommandRunner.run(["serve", "--token", "short"])
        #expect(token.status == 64 && token.stderr.contains("--token must be at least 8 characters"))
        let folder = try CommandRunner.run(["serve", "no-such-folder"])
        #expect(folder.status == 1 && folder.stderr.contains("error: 'no-such-folder' is not a folder of scenarios"))
    }
}
