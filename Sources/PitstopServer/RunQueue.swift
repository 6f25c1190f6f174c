import Hummingbird
import NIOPosix
import Synchronization

/// A flag a running job reads between steps; set when its requester has gone away.
public final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The bounded queue the runs go through: `workers` threads of their own (off the
/// server's event loops, so a long run never holds up another request), at most
/// `waiting` runs waiting for one, and beyond that a refusal (503 with `Retry-After`)
/// rather than an ever longer queue.
public final class RunQueue: Sendable {
    public let workers: Int
    /// How many runs may wait for a worker.
    public let waiting: Int
    private let pool: NIOThreadPool
    /// Runs admitted: running and waiting.
    private let admitted = Mutex(0)

    public init(workers: Int, waiting: Int) {
        self.workers = max(1, workers)
        self.waiting = max(0, waiting)
        pool = NIOThreadPool(numberOfThreads: self.workers)
        pool.start()
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    /// Stops the threads once the runs in hand are done.
    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    /// Runs admitted now: running and waiting.
    public var load: Int { admitted.withLock { $0 } }

    /// Runs `job` on a worker and returns its result. Throws the 503 error when the queue
    /// is full. When the calling task is cancelled — its client hung up — the job's flag
    /// is set (a running job stops at its next check) and a job still waiting never starts.
    /// `started` is called on the worker as the job begins.
    public func run<T: Sendable>(
        started: @escaping @Sendable () -> Void = {},
        _ job: @escaping @Sendable (CancelFlag) throws -> T
    ) async throws -> T {
        let capacity = workers + waiting
        let admittedNow = admitted.withLock { count -> Bool in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admittedNow else { throw ExplorerError.busy(retryAfter: 2) }
        defer { admitted.withLock { $0 -= 1 } }
        let flag = CancelFlag()
        return try await withTaskCancellationHandler {
            try await pool.runIfActive {
                if flag.isCancelled { throw CancellationError() }
                started()
                return try job(flag)
            }
        } onCancel: {
            flag.cancel()
        }
    }
}
