import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PitstopServer

/// The bounded run queue: a full queue answers 503 with Retry-After, and a run whose client
/// hung up is cancelled between replications.
@Suite struct ExplorerQueueTests {
    let fixture: ScenarioFixture

    init() throws {
        fixture = try ScenarioFixture()
    }

    /// Occupies `count` places of the queue until `gate` is signalled once per place.
    func occupy(_ queue: RunQueue, _ count: Int, gate: DispatchSemaphore) async throws -> [Task<Void, any Error>] {
        var tasks: [Task<Void, any Error>] = []
        for _ in 0..<count {
            tasks.append(Task { try await queue.run { _ in gate.wait() } })
        }
        for _ in 0..<500 where queue.load < count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(queue.load == count)
        return tasks
    }

    @Test(arguments: [0, 2])
    func pastTheQueueLimitARunIs503WithRetryAfter(waiting: Int) async throws {
        let explorer = try fixture.explorer {
            $0.workers = 1
            $0.waitingRuns = waiting
        }
        let gate = DispatchSemaphore(value: 0)
        let busy = try await occupy(explorer.queue, 1 + waiting, gate: gate)
        let request = #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=2"]}"#
        try await application(explorer).test(.router) { client in
            let refused = try await client.execute(uri: "/api/runs", method: .post, body: body(request))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "2")
            #expect(try errorMessage(refused).contains("busy"))
            for _ in busy { gate.signal() }
            for task in busy { try await task.value }
            let accepted = try await client.execute(uri: "/api/runs", method: .post, body: body(request))
            #expect(accepted.status == .ok)
        }
    }

    @Test func checksAndViewsAreNotHeldUpByAFullQueue() async throws {
        let explorer = try fixture.explorer { $0.waitingRuns = 0 }
        let gate = DispatchSemaphore(value: 0)
        let busy = try await occupy(explorer.queue, 1, gate: gate)
        try await application(explorer).test(.router) { client in
            #expect(try await client.execute(uri: "/api/scenarios/little.yaml", method: .get).status == .ok)
            let check = try await client.execute(uri: "/api/check", method: .post, body: body(#"{"scenario": "little.yaml"}"#))
            #expect(check.status == .ok)
        }
        gate.signal()
        try await busy[0].value
    }

    @Test func aRunWhoseClientHangsUpIsCancelled() async throws {
        // A long run: the full length of a scenario asking for 200 replications of a year.
        try fixture.write(
            "format: 1\nextends: little.yaml\nname: Long\nsimulation: { days: 365, replications: 200 }\n", to: "long.yaml")
        let explorer = try fixture.explorer()
        try await application(explorer).test(.live) { client in
            let port = try #require(client.port)
            let json = #"{"scenario": "long.yaml", "full": true, "ticket": "hang-up-ticket"}"#
            let request = "POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(json.utf8.count)\r\n\r\n\(json)"
            let socket = try RawHTTP.send(port: port, request: request)
            // Hang up once the run is under way (however long loading takes on a busy machine).
            var entry = explorer.progress.entry("hang-up-ticket")
            for _ in 0..<3_000 where entry.state != .running || entry.done == 0 {
                try await Task.sleep(for: .milliseconds(20))
                entry = explorer.progress.entry("hang-up-ticket")
            }
            #expect(entry.state == .running)
            close(socket)
            for _ in 0..<1_500 where entry.state != .failed {
                try await Task.sleep(for: .milliseconds(20))
                entry = explorer.progress.entry("hang-up-ticket")
            }
            #expect(entry.state == .failed, "the run went on: \(entry)")
            #expect(entry.total == 400 && entry.done < 400)
            try await Task.sleep(for: .milliseconds(300))
            #expect(explorer.queue.load == 0)
            #expect(explorer.progress.entry("hang-up-ticket").done < 400)
        }
    }
}
