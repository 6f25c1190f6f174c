import Foundation
import Testing

/// The mutation smoke test of issue 9: a few hundred scenarios mutated from small seeds (the
/// same ones every run), through the built `pitstop` as a user would run them. Every file is
/// validated; those that validate are also compared with their seed (both simulated, drawn,
/// reported). Any crash, hang or exit status other than 0 and 1 fails, naming the mutant,
/// the mutations and the file kept for a regression test. (Coverage-guided fuzzing of the
/// same path is `make fuzz`, docs/testing.md.)
@Suite struct MutationSmokeTests {
    /// Mutants made, validated in batches of ``batch`` files a process.
    static let mutants = 300
    static let batch = 25
    /// Of the mutants that validate, at most this many are compared with their seed.
    static let compared = 50
    /// A process still running after this long is a hang.
    static let timeout: TimeInterval = 120

    @Test func mutatedScenariosNeverCrashHangOrExitOtherThanZeroOrOne() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let files = try Self.writeMutants(in: folder)
        #expect(files.count == Self.mutants)
        var failures: [String] = []

        // validate, in batches: a batch that does not end 0 or 1 is run again file by file to name the mutant.
        var validated: [Mutant] = []
        for start in stride(from: 0, to: files.count, by: Self.batch) {
            let group = Array(files[start..<min(start + Self.batch, files.count)])
            let outcome = try BoundedRun.pitstop(["validate"] + group.map(\.path), in: folder, timeout: Self.timeout)
            if let problem = outcome.problem {
                for mutant in group {
                    let single = try BoundedRun.pitstop(["validate", mutant.path], in: folder, timeout: Self.timeout)
                    if let problem = single.problem { failures.append("validate \(mutant): \(problem)") }
                }
                if failures.isEmpty { failures.append("validate of \(group.count) files: \(problem), but none alone") }
                continue
            }
            for mutant in group where outcome.stderr.contains("\(mutant.path): ok") { validated.append(mutant) }
        }
        // Mutations that keep a scenario valid are common enough that this checks something.
        #expect(validated.count >= 40, "only \(validated.count) of \(files.count) mutants validate")

        // compare SEED MUTANT: simulation, diagrams, report, JSON and CSV of a valid mutant.
        let every = max(1, validated.count / Self.compared)
        var comparedCount = 0
        for (index, mutant) in validated.enumerated() where index % every == 0 && comparedCount < Self.compared {
            comparedCount += 1
            let out = folder.appendingPathComponent("out-\(mutant.number)").path
            let outcome = try BoundedRun.pitstop(
                ["compare", mutant.seedCopy, mutant.path, "--days", "2", "--replications", "2", "--jobs", "1",
                 "--format", "json", "--out", out], in: folder, timeout: Self.timeout)
            if let problem = outcome.problem { failures.append("compare \(mutant): \(problem)") }
        }
        #expect(comparedCount >= 40)
        #expect(failures.isEmpty, "mutants kept in \(folder.path):\n\(failures.joined(separator: "\n"))")
        if failures.isEmpty { try? FileManager.default.removeItem(at: folder) }
    }

    /// The mutants of one run: the same seeds, the same generator seed, the same files.
    @Test func theMutantsAreTheSameEveryRun() throws {
        let a = try CommandRunner.temporaryDirectory(), b = try CommandRunner.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let first = try Self.writeMutants(in: a).map { try Data(contentsOf: URL(fileURLWithPath: $0.path)) }
        let second = try Self.writeMutants(in: b).map { try Data(contentsOf: URL(fileURLWithPath: $0.path)) }
        #expect(first.count == Self.mutants)
        #expect(first == second)
        // Mutated, not copied: most differ from their seed.
        #expect(Set(first).count > Self.mutants * 9 / 10)
    }

    // MARK: Mutants

    struct Mutant: CustomStringConvertible {
        var number: Int
        var path: String
        var seedCopy: String
        var mutations: [String]
        var description: String { "#\(number) (\(URL(fileURLWithPath: path).lastPathComponent): \(mutations.joined(separator: "; ")))" }
    }

    /// Small scenarios that validate, and the files each `extends` (copied beside it).
    static let seeds: [(file: String, bases: [String])] = [
        ("Tests/PitstopSimulationTests/Fixtures/mm1-t1.yaml", []),
        ("Tests/PitstopSimulationTests/Fixtures/loss-k5.yaml", []),
        ("docs/examples/two-site-library.yaml", []),
        ("docs/examples/staffing-desk.yaml", []),
        ("Tests/PitstopDiagramsTests/Fixtures/org-5.yaml", []),
        ("Tests/PitstopScenarioTests/Fixtures/docs-example.yaml", []),
        ("Tests/PitstopScenarioTests/Fixtures/whatif/base.yaml", []),
        ("Tests/PitstopScenarioTests/Fixtures/overlays/what-if.yaml", ["Tests/PitstopScenarioTests/Fixtures/overlays/base.yaml"]),
    ]

    static func writeMutants(in folder: URL) throws -> [Mutant] {
        var random = SplitMix64(seed: 0x5EED_0009)
        var mutants: [Mutant] = []
        for (s, seed) in seeds.enumerated() {
            // Each seed in a folder of its own with its bases, so `extends: base.yaml` resolves.
            let dir = folder.appendingPathComponent("seed-\(s)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for file in [seed.file] + seed.bases {
                let source = CommandRunner.packageRoot.appendingPathComponent(file)
                try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent(source.lastPathComponent))
            }
        }
        let texts = try seeds.map { try [UInt8](Data(contentsOf: CommandRunner.packageRoot.appendingPathComponent($0.file))) }
        for number in 0..<Self.mutants {
            let s = number % seeds.count
            var bytes = texts[s]
            var applied: [String] = []
            // One mutation in most mutants (so that a good share still validates), up to three.
            for _ in 0..<[1, 1, 1, 1, 1, 2, 2, 3][random.next(below: 8)] {
                let (mutated, what) = Mutator.mutate(bytes, &random)
                bytes = mutated
                applied.append(what)
            }
            let dir = folder.appendingPathComponent("seed-\(s)")
            let path = dir.appendingPathComponent("mutant-\(number).yaml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let seedCopy = dir.appendingPathComponent(URL(fileURLWithPath: seeds[s].file).lastPathComponent).path
            mutants.append(Mutant(number: number, path: path, seedCopy: seedCopy, mutations: applied))
        }
        return mutants
    }
}

/// A small deterministic generator (SplitMix64): the same mutants on every machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[next(below: items.count)] }
}

/// One-step mutations of a scenario file, each described for the failure message.
enum Mutator {
    /// Values that sit on or beyond the edges of what the loader, the engine and the diagrams hold.
    static let numbers = [
        "0", "-0", "-1", "1e308", "1e-308", "1e160", "1e-20", "99999999999999999999", "9223372036854775808",
        "2147483648", "4294967296", "0.0000001", "100000", "3660", "10000", "1000000", ".nan", ".inf", "-.inf", "1.5",
        "0.5", "2", "7", "24", "60", "1000",
    ]
    static let distributions = [
        "triangular(0, 0, 1e160)", "exp(1e-300)", "lognormal(1, 1e9)", "uniform(0, 1e300)", "exp(100000)", "const(0)",
        "normal(5, 1e200)", "uniform(0, 0)", "triangular(5, 5, 5)", "lognormal(1e-9, 1e-9)", "exp(0)",
    ]
    static let timeRanges = ["00:00-24:00", "23:59-24:00", "10:00-10:00", "25:00-26:00", "00:00-00:01", "12:00-11:00", "09:00-9:30"]
    static let insertions: [[UInt8]] = [
        [0], [7], [0x1B], [0x7F], [UInt8(ascii: "\t")], [UInt8(ascii: "\r")], [0xC2, 0x85], [0xFF], [0xC3],
        Array("æ".utf8), Array("👩‍👩‍👧".utf8), Array("e\u{301}".utf8), Array("\u{FEFF}".utf8), Array("{".utf8),
        Array("[".utf8), Array("&a ".utf8), Array("*a".utf8), Array(": ".utf8), Array(" #".utf8), Array("'".utf8),
        Array("\"".utf8), Array("\n".utf8), Array("\n- ".utf8), Array("=HYPERLINK(\"x\")".utf8), Array("<b>&amp;".utf8),
    ]

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> ([UInt8], String) {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func joined() -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }
        guard lines.count > 2, !bytes.isEmpty else { return (bytes + [UInt8(ascii: "x")], "append x") }
        let line = random.next(below: lines.count)
        switch random.next(below: 11) {
        case 0, 1:
            if let (text, what) = replaceMatch(of: /-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/, in: lines, with: numbers, &random) {
                return (Array(text.utf8), "number → \(what)")
            }
            fallthrough
        case 2:
            let removed = lines.remove(at: line)
            return (joined(), "delete line \(line + 1) '\(removed.prefix(40))'")
        case 3:
            lines.insert(lines[line], at: line)
            return (joined(), "duplicate line \(line + 1)")
        case 4:
            let other = min(lines.count - 1, line + 1)
            lines.swapAt(line, other)
            return (joined(), "swap lines \(line + 1) and \(other + 1)")
        case 5:
            // A value written elsewhere in the file (ids cross-wired, a list where a number was …).
            let source = lines.compactMap { l -> String? in
                guard let r = l.firstRange(of: ": ") else { return nil }
                let value = String(l[r.upperBound...])
                return value.isEmpty ? nil : value
            }
            guard !source.isEmpty, let r = lines[line].firstRange(of: ": ") else { fallthrough }
            let value = random.pick(source)
            lines[line] = String(lines[line][..<r.upperBound]) + value
            return (joined(), "line \(line + 1) value → '\(value.prefix(40))'")
        case 6:
            let at = random.next(below: bytes.count + 1)
            let insertion = random.pick(insertions)
            return (Array(bytes[..<at]) + insertion + Array(bytes[at...]), "insert \(insertion) at byte \(at)")
        case 7:
            let at = random.next(below: bytes.count)
            return (Array(bytes[..<at]), "truncate at byte \(at)")
        case 8:
            lines[line] = random.next(below: 2) == 0 ? "  " + lines[line] : String(lines[line].drop { $0 == " " })
            return (joined(), "indentation of line \(line + 1)")
        case 9:
            if let (text, what) = replaceMatch(of: /(exp|uniform|triangular|lognormal|normal|const)\([^)]*\)/, in: lines, with: distributions, &random) {
                return (Array(text.utf8), "distribution → \(what)")
            }
            fallthrough
        default:
            if let (text, what) = replaceMatch(of: /[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}/, in: lines, with: timeRanges, &random) {
                return (Array(text.utf8), "time range → \(what)")
            }
            lines[line] += " " + random.pick(numbers)
            return (joined(), "append a number to line \(line + 1)")
        }
    }

    /// One match of `pattern` somewhere in the file replaced by one of `replacements`.
    static func replaceMatch<Output>(
        of pattern: Regex<Output>, in lines: [String], with replacements: [String], _ random: inout SplitMix64
    ) -> (String, String)? {
        let text = lines.joined(separator: "\n")
        let matches = text.matches(of: pattern)
        guard !matches.isEmpty else { return nil }
        let match = matches[random.next(below: matches.count)]
        let replacement = random.pick(replacements)
        var result = text
        result.replaceSubrange(match.range, with: replacement)
        return (result, "'\(text[match.range])' → '\(replacement)'")
    }
}

/// Runs the built `pitstop` with a time limit; output goes to files, never to a pipe that
/// could fill while nobody reads it.
enum BoundedRun {
    struct Outcome {
        var status: Int32
        var signalled: Bool
        var timedOut: Bool
        var stderr: String

        /// What is wrong with how the command ended, or nil when it ended 0 or 1 by itself.
        var problem: String? {
            let tail = stderr.split(separator: "\n").suffix(6).joined(separator: "\n")
            if timedOut { return "still running after \(Int(MutationSmokeTests.timeout)) s (a hang)" }
            if signalled { return "killed by signal \(status) (a crash)\n\(tail)" }
            if status != 0 && status != 1 { return "exit status \(status)\n\(tail)" }
            if stderr.contains("Fatal error") || stderr.contains("AddressSanitizer") { return "a crash report\n\(tail)" }
            return nil
        }
    }

    static func pitstop(_ arguments: [String], in directory: URL, timeout: TimeInterval) throws -> Outcome {
        let errors = directory.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = Process()
        process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("pitstop")
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = try FileHandle(forWritingTo: errors)
        process.standardError = errorHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        try? errorHandle.close()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return Outcome(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, stderr: stderr)
    }
}
