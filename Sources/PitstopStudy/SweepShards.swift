import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation

/// Sharding a sweep: disjoint parts balanced by expected work, one file per shard, and a
/// merge that checks the shards belong together and gives the same files as one run.
public enum SweepShards {
    /// What a shard runs: variant indices, and whether it runs the compared-with scenario.
    public struct Part: Sendable, Hashable {
        public var variants: [Int]
        public var comparesWith: Bool
        /// Its expected work (arbitrary units, comparable between parts).
        public var work: Double
    }

    /// The expected work of one replication of `scenario`: its expected visits in the
    /// horizon, plus a share for the rota and the staff.
    public static func expectedWork(_ scenario: Scenario, days: Int) -> Double {
        let demand = ExpectedDemand(scenario)
        let visitsPerDay = demand.arrivals.reduce(0) { $0 + $1.perWeek } / 7
        let positions = scenario.staff.count
        return Double(days) * (visitsPerDay + 10 * Double(positions) + 100)
    }

    /// `n` disjoint parts of the subjects (the compared-with scenario, if any, and every
    /// variant), balanced by expected work: largest first, each to the lightest part
    /// (ties by part number), so every shard computes the same partition.
    public static func partition(work: [Double], comparesWith: Double?, into n: Int) -> [Part] {
        var parts = (0..<n).map { _ in Part(variants: [], comparesWith: false, work: 0) }
        var items: [(index: Int, work: Double)] = work.enumerated().map { ($0.offset, $0.element) }
        if let comparesWith { items.append((-1, comparesWith)) }
        items.sort { ($0.work, -$0.index) > ($1.work, -$1.index) }
        for item in items {
            let lightest = parts.indices.min { (parts[$0].work, $0) < (parts[$1].work, $1) } ?? 0
            if item.index < 0 { parts[lightest].comparesWith = true } else { parts[lightest].variants.append(item.index) }
            parts[lightest].work += item.work
        }
        for i in parts.indices { parts[i].variants.sort() }
        return parts
    }

    /// The `n` parts of a set-up sweep.
    public static func parts(of setup: SweepSetup, into n: Int) -> [Part] {
        partition(work: setup.variantWork, comparesWith: setup.compareWork, into: n)
    }

    /// `shard-K-of-N.json`.
    public static func fileName(_ k: Int, of n: Int) -> String { "shard-\(k)-of-\(n).json" }

    // MARK: - The shard file

    /// The shard file: the sweep's hash and file, which shard, and every sample exactly
    /// (doubles as their IEEE-754 bit patterns in hex, so that merging loses nothing).
    public static func file(setup: SweepSetup, shard k: Int, of n: Int, samples: SweepSamples) -> OutputFile {
        func encode(_ s: VariantSamples) -> JSONText {
            .object(s.values.mapValues { values in
                .array(values.map { .string(String($0.bitPattern, radix: 16)) })
            })
        }
        var entries: [String: JSONText] = [:]
        for (index, s) in samples.variants { entries[setup.variants[index].id] = encode(s) }
        var top: [String: JSONText] = [
            "format": .integer(1),
            "kind": .string("pitstop-sweep-shard"),
            "sweep": .string(setup.sweep.name),
            "sweep_file": .string(URL(fileURLWithPath: setup.sweep.file).standardizedFileURL.path),
            "hash": .string(setup.hash),
            "shard": .integer(Int64(k)),
            "shards": .integer(Int64(n)),
            "replications": .integer(Int64(samples.replications)),
            "variants": .object(entries),
        ]
        if let c = samples.compareWith { top["compare_with"] = encode(c) }
        return OutputFile(name: fileName(k, of: n), text: JSONText.object(top).rendered() + "\n")
    }

    /// A shard file read back.
    public struct Shard: Sendable {
        public var path: String
        public var sweepFile: String
        public var hash: String
        public var shard: Int
        public var shards: Int
        public var replications: Int
        public var variants: [String: VariantSamples]
        public var compareWith: VariantSamples?
    }

    private struct ShardFile: Decodable {
        var format: Int
        var kind: String
        var sweep_file: String
        var hash: String
        var shard: Int
        var shards: Int
        var replications: Int
        var variants: [String: [String: [String]]]
        var compare_with: [String: [String]]?
    }

    /// Reads a shard file; a message naming it when it is not one.
    public static func read(_ path: String) throws(StudyError) -> Shard {
        guard let data = FileManager.default.contents(atPath: path) else { throw StudyError("cannot read shard '\(path)'") }
        let file: ShardFile
        do {
            file = try JSONDecoder().decode(ShardFile.self, from: data)
        } catch {
            throw StudyError("'\(path)' is not a Pitstop sweep shard (\(error.localizedDescription))")
        }
        guard file.kind == "pitstop-sweep-shard", file.format == 1 else {
            throw StudyError("'\(path)' is not a Pitstop sweep shard of format 1")
        }
        func decode(_ m: [String: [String]]) throws(StudyError) -> VariantSamples {
            var values: [String: [Double]] = [:]
            for (kpi, bits) in m {
                var out: [Double] = []
                for b in bits {
                    guard let pattern = UInt64(b, radix: 16) else { throw StudyError("'\(path)' holds a damaged sample ('\(b)')") }
                    out.append(Double(bitPattern: pattern))
                }
                values[kpi] = out
            }
            return VariantSamples(values: values)
        }
        var variants: [String: VariantSamples] = [:]
        for (id, m) in file.variants { variants[id] = try decode(m) }
        return Shard(path: path, sweepFile: file.sweep_file, hash: file.hash, shard: file.shard, shards: file.shards,
                     replications: file.replications, variants: variants, compareWith: try file.compare_with.map(decode))
    }

    /// The shard files in `paths` (folders are searched for `shard-*-of-*.json`), sorted.
    public static func find(_ paths: [String]) throws(StudyError) -> [String] {
        var out: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw StudyError("no such file or folder '\(path)'")
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                out += names.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") && $0.contains("-of-") }
                    .sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                out.append(path)
            }
        }
        if out.isEmpty { throw StudyError("no shard files (shard-K-of-N.json) in \(paths.joined(separator: ", "))") }
        return out
    }

    /// Checks that `shards` are every shard of `setup`'s sweep exactly once and combines
    /// their samples. Every problem is named (missing, duplicated, foreign shards).
    public static func merge(_ shards: [Shard], into setup: SweepSetup) throws(StudyError) -> SweepSamples {
        var problems: [String] = []
        let foreign = shards.filter { $0.hash != setup.hash }
        for s in foreign {
            problems.append("'\(s.path)' belongs to another sweep or settings (hash \(s.hash), this sweep's is \(setup.hash))")
        }
        let own = shards.filter { $0.hash == setup.hash }
        let counts = Set(own.map(\.shards))
        if counts.count > 1 {
            problems.append("the shards were cut in different numbers of parts: \(counts.sorted().map(String.init).joined(separator: ", "))")
        }
        if let n = own.first?.shards, counts.count == 1 {
            let byNumber = Dictionary(grouping: own, by: \.shard)
            for k in 1...n {
                switch byNumber[k]?.count ?? 0 {
                case 0: problems.append("shard \(k) of \(n) is missing (\(fileName(k, of: n)))")
                case 1: break
                default: problems.append("shard \(k) of \(n) is given more than once: " + (byNumber[k] ?? []).map { "'\($0.path)'" }.joined(separator: ", "))
                }
            }
            for s in own where s.shard < 1 || s.shard > n {
                problems.append("'\(s.path)' claims to be shard \(s.shard) of \(n)")
            }
        }
        if own.isEmpty, problems.isEmpty { problems.append("none of the shards belongs to this sweep") }
        guard problems.isEmpty else { throw StudyError(problems.joined(separator: "\n")) }
        var samples = SweepSamples(variants: [:], compareWith: nil, replications: setup.options.replications)
        let index = Dictionary(uniqueKeysWithValues: setup.variants.enumerated().map { ($0.element.id, $0.offset) })
        for s in own.sorted(by: { $0.shard < $1.shard }) {
            for (id, v) in s.variants {
                guard let i = index[id] else { throw StudyError("'\(s.path)' holds variant '\(id)', which this sweep does not have") }
                guard samples.variants[i] == nil else { throw StudyError("variant '\(id)' is in more than one shard") }
                samples.variants[i] = v
            }
            if let c = s.compareWith { samples.compareWith = c }
        }
        let missing = setup.variants.indices.filter { samples.variants[$0] == nil }.map { setup.variants[$0].id }
        if !missing.isEmpty { throw StudyError("the shards lack variants " + missing.prefix(10).joined(separator: ", ")) }
        if setup.compareWith != nil, samples.compareWith == nil { throw StudyError("no shard holds the compared-with scenario") }
        return samples
    }
}
