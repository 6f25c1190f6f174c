import Foundation
import PitstopScenario
import Synchronization

/// Loaded scenarios, reused while none of the files they were read from has changed: every
/// check, view and run of a page loads its scenario again, and loading is most of what a
/// cached run costs. An entry is valid while each file the loader read (``LoadResult/files``)
/// keeps its size, modification time and inode; a file changed within the second before a
/// load finished is not trusted to be stable, and that load is not kept.
public final class LoadCache: Sendable {
    struct Key: Hashable, Sendable {
        let path: String
        let sets: [String]
    }

    struct Stamp: Hashable, Sendable {
        let size: Int64
        let seconds: Int
        let nanoseconds: Int
        let inode: UInt64
    }

    struct Entry: Sendable {
        let result: LoadResult
        let stamps: [String: Stamp]
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 32) {
        self.capacity = max(1, capacity)
    }

    /// `ScenarioLoader.load(path:sets:)`, from the cache when its files are unchanged.
    public func load(path: String, sets: [String] = []) -> LoadResult {
        let key = Key(path: path, sets: sets)
        if let entry = state.withLock({ $0.entries[key] }),
            entry.stamps.allSatisfy({ LoadCache.stamp($0.key) == $0.value })
        {
            return entry.result
        }
        let result = ScenarioLoader.load(path: path, sets: sets)
        let settled = Date().timeIntervalSince1970 - 1
        var stamps: [String: Stamp] = [:]
        for file in result.files {
            guard let stamp = LoadCache.stamp(file), Double(stamp.seconds) < settled else { return result }
            stamps[file] = stamp
        }
        state.withLock { state in
            if state.entries.updateValue(Entry(result: result, stamps: stamps), forKey: key) == nil {
                state.order.append(key)
                while state.order.count > capacity { state.entries.removeValue(forKey: state.order.removeFirst()) }
            }
        }
        return result
    }

    /// How many loads are kept.
    public var count: Int { state.withLock { $0.entries.count } }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                     inode: UInt64(info.st_ino))
    }
}
