import Dispatch
import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation

extension SweepKPIs {
    /// One replication's overall KPIs.
    static func sample(_ simulator: Simulator, replication: Int, options: RunOptions) -> [String: Double] {
        simulator.replicationKPIs(replication, options: options)
    }
}

/// Checks every variant of a sweep before anything runs.
enum SweepValidation {
    /// The scenario of a variant: the sweep's scenario with the variant's `--set`s.
    static func load(_ variant: SweepVariant, in sweep: SweepDefinition) -> LoadResult {
        ScenarioLoader.load(path: sweep.scenario, sets: variant.sets)
    }

    static func scenario(of variant: SweepVariant, in sweep: SweepDefinition) -> Scenario? {
        load(variant, in: sweep).scenario
    }

    /// Diagnostics of the variants, each problem of a `--set` reported at the parameter's
    /// value (or path) in the sweep file, once however many variants share it; and each
    /// variant's expected work per replication (for balancing shards).
    static func check(_ variants: [SweepVariant], of sweep: SweepDefinition, days: Int) -> ([Diagnostic], [Double]) {
        // Every variant is loaded once, on every core; the results are read in variant order.
        let loaded = ParallelMap.map(variants.count) { i -> (errors: [Diagnostic], work: Double) in
            let result = load(variants[i], in: sweep)
            return (result.diagnostics.filter { $0.severity == .error },
                    result.scenario.map { SweepShards.expectedWork($0, days: days) } ?? 0)
        }
        var out: [Diagnostic] = []
        let work = loaded.map(\.work)
        var seen = Set<String>()
        for (variant, result) in zip(variants, loaded) {
            // Warnings are the base scenario's (reported once, when it is loaded) or a value
            // equal to the base's ("changes nothing"), which a sweep may well include.
            for d in result.errors {
                var mapped = d
                if let location = d.location, location.isSetOption, case let n = location.line,
                    n >= 1, n <= variant.assignments.count
                {
                    let assignment = variant.assignments[n - 1]
                    let parameter = sweep.parameters[assignment.parameter]
                    // A problem in the path is reported at the parameter's `set:`, one in the value at
                    // the listed value (a range's values are made here, so at its `set:` too).
                    let column = d.location?.column ?? 1
                    var location = parameter.pathLocation
                    if column <= assignment.path.unicodeScalars.count {
                        location.column += column - 1
                    } else if case .listed(let values) = parameter.values,
                        let value = values.first(where: { $0.text == assignment.value })
                    {
                        location = value.location
                    }
                    mapped.location = location
                }
                // Once however many variants share it: keyed before the variant is named.
                let key = mapped.rendered
                if mapped.location != d.location, let n = d.location?.line, n >= 1, n <= variant.assignments.count {
                    let assignment = variant.assignments[n - 1]
                    mapped.message += " (first in variant \(variant.id): \(assignment.path)=\(assignment.value))"
                }
                if seen.insert(key).inserted { out.append(mapped) }
            }
        }
        let sorted = out.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        return (sorted, work)
    }
}

/// A stable hash of what a sweep's results depend on: the sweep file, the scenario files it
/// reaches (with everything they `extend`) and the run settings. FNV-1a, 64 bits, as hex.
enum SweepHash {
    static func of(sweep: SweepDefinition, options: RunOptions) -> String {
        var hasher = FNV1a()
        var files = [sweep.file, sweep.scenario] + (sweep.compareWith.map { [$0] } ?? [])
        var seen = Set<String>()
        while let file = files.first {
            files.removeFirst()
            guard seen.insert(file).inserted else { continue }
            let bytes = FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
            hasher.add(Array(URL(fileURLWithPath: file).lastPathComponent.utf8))
            hasher.add(bytes)
            // Follow `extends:` lines so a change in a base file changes the hash.
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("extends:") {
                let target = line.dropFirst("extends:".count).trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if !target.isEmpty, !target.hasPrefix("/") {
                    let directory = (file as NSString).deletingLastPathComponent
                    files.append(directory.isEmpty ? target : directory + "/" + target)
                }
            }
        }
        hasher.add(Array("days=\(options.days);warmup=\(options.warmupDays);replications=\(options.replications);seed=\(options.seed)".utf8))
        return hasher.hex
    }
}

/// FNV-1a, 64 bits.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x0000_0100_0000_01B3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        value ^= 0xFF
        value &*= 0x0000_0100_0000_01B3
    }
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// `transform` of 0..<count on every core, the results in index order.
enum ParallelMap {
    static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        let box = Results<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in box.set(i, transform(i)) }
        return box.values()
    }

    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
        func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
    }
}
