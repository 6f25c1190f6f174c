import Synchronization

/// A bounded least-recently-used cache of response bodies: at most `entries` bodies and
/// `bytes` bytes, the oldest dropped first. Safe to use from any thread.
public final class BodyCache<Key: Hashable & Sendable>: Sendable {
    private struct State {
        var bodies: [Key: [UInt8]] = [:]
        /// Least recently used first.
        var order: [Key] = []
        var bytes = 0
    }

    public let maxEntries: Int
    public let maxBytes: Int
    private let state = Mutex(State())

    public init(entries: Int, bytes: Int) {
        maxEntries = max(1, entries)
        maxBytes = max(1, bytes)
    }

    /// The body stored under `key`, now the most recently used.
    public func body(for key: Key) -> [UInt8]? {
        state.withLock { state in
            guard let body = state.bodies[key] else { return nil }
            if let index = state.order.firstIndex(of: key) { state.order.remove(at: index) }
            state.order.append(key)
            return body
        }
    }

    /// Stores `body` under `key` (a body larger than the whole cache is not kept).
    public func store(_ body: [UInt8], for key: Key) {
        guard body.count <= maxBytes else { return }
        state.withLock { state in
            if let old = state.bodies[key], let index = state.order.firstIndex(of: key) {
                state.bytes -= old.count
                state.order.remove(at: index)
            }
            state.bodies[key] = body
            state.order.append(key)
            state.bytes += body.count
            while state.order.count > maxEntries || state.bytes > maxBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.bodies.removeValue(forKey: oldest)?.count ?? 0
            }
        }
    }

    /// How many bodies are stored.
    public var count: Int { state.withLock { $0.bodies.count } }
}

/// Progress of runs by the ticket their page chose, so that a page can show a progress bar
/// while its run request is waiting. Keeps the most recent `limit` tickets.
public final class ProgressBoard: Sendable {
    public enum State: String, Sendable {
        case queued, running, done, failed, unknown
    }

    public struct Entry: Sendable, Hashable {
        public var state: State
        public var done: Int
        public var total: Int
    }

    private struct Board {
        var entries: [String: Entry] = [:]
        var order: [String] = []
    }

    public let limit: Int
    private let board = Mutex(Board())

    public init(limit: Int = 1_000) { self.limit = max(1, limit) }

    /// Letters, digits, `-` and `_`, 8 to 64 of them.
    public static func isValidTicket(_ ticket: String) -> Bool {
        (8...64).contains(ticket.utf8.count)
            && ticket.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    public func set(_ ticket: String?, _ entry: Entry) {
        guard let ticket, ProgressBoard.isValidTicket(ticket) else { return }
        board.withLock { board in
            if board.entries.updateValue(entry, forKey: ticket) == nil {
                board.order.append(ticket)
                while board.order.count > limit {
                    board.entries.removeValue(forKey: board.order.removeFirst())
                }
            }
        }
    }

    /// Adds to the replications done (from worker threads).
    public func advance(_ ticket: String?, done: Int, total: Int) {
        guard let ticket else { return }
        board.withLock { board in
            guard var entry = board.entries[ticket] else { return }
            entry.state = .running
            entry.done = max(entry.done, done)
            entry.total = total
            board.entries[ticket] = entry
        }
    }

    /// Sets the state of a known ticket, keeping its counts.
    public func mark(_ ticket: String?, _ state: State) {
        guard let ticket else { return }
        board.withLock { board in board.entries[ticket]?.state = state }
    }

    public func entry(_ ticket: String) -> Entry {
        board.withLock { $0.entries[ticket] } ?? Entry(state: .unknown, done: 0, total: 0)
    }
}

/// A small least-recently-used cache of values (at most `entries`). Safe from any thread.
public final class ValueCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var values: [Key: Value] = [:]
        var order: [Key] = []
    }

    public let maxEntries: Int
    private let state = Mutex(State())

    public init(entries: Int) {
        maxEntries = max(1, entries)
    }

    public func value(for key: Key) -> Value? {
        state.withLock { state in
            guard let value = state.values[key] else { return nil }
            if let index = state.order.firstIndex(of: key) { state.order.remove(at: index) }
            state.order.append(key)
            return value
        }
    }

    public func store(_ value: Value, for key: Key) {
        state.withLock { state in
            if state.values.updateValue(value, forKey: key) == nil {
                state.order.append(key)
                while state.order.count > maxEntries { state.values.removeValue(forKey: state.order.removeFirst()) }
            }
        }
    }

    public var count: Int { state.withLock { $0.values.count } }
}
