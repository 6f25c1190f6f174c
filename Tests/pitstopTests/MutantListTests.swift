import Foundation
import Testing

/// `make mutate`'s list (Tests/Mutation/mutants.txt) stays true to the sources: every
/// mutant's original text occurs exactly once in its file, so a refactoring that moves a
/// mutated line is noticed here, in every test run, and not months later when the slow
/// mutation check runs.
@Suite struct MutantListTests {
    struct Mutant {
        var name = "", file = "", find = "", replace = "", suites = "", line = 0
    }

    static func mutants() throws -> [Mutant] {
        let text = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Tests/Mutation/mutants.txt"), encoding: .utf8)
        var mutants: [Mutant] = []
        var current: Mutant?
        for (index, line) in (text.components(separatedBy: "\n") + [""]).enumerated() where !line.hasPrefix("#") {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if let done = current { mutants.append(done) }
                current = nil
                continue
            }
            var mutant = current ?? Mutant(line: index + 1)
            guard let separator = line.range(of: ": ") else {
                Issue.record("mutants.txt:\(index + 1): not 'key: value': \(line)")
                continue
            }
            let value = String(line[separator.upperBound...])
            switch line[..<separator.lowerBound] {
            case "mutant": mutant.name = value
            case "file": mutant.file = value
            case "find": mutant.find = value
            case "replace": mutant.replace = value
            case "suites": mutant.suites = value
            case "about": break
            default: Issue.record("mutants.txt:\(index + 1): unknown key in \(line)")
            }
            current = mutant
        }
        return mutants
    }

    @Test func everyMutantsOriginalTextOccursOnceInItsFile() throws {
        let mutants = try Self.mutants()
        #expect(mutants.count >= 15)
        #expect(Set(mutants.map(\.name)).count == mutants.count, "a mutant name is listed twice")
        for m in mutants {
            #expect(!m.name.isEmpty && !m.suites.isEmpty && m.find != m.replace, "mutants.txt:\(m.line)")
            let source = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(m.file), encoding: .utf8)
            let occurrences = source.components(separatedBy: m.find).count - 1
            #expect(occurrences == 1, "mutants.txt:\(m.line): '\(m.name)': its original text occurs \(occurrences) times in \(m.file); update Tests/Mutation/mutants.txt")
        }
    }

    /// The modules the list reaches: a mutation check of one module would prove little.
    @Test func theMutantsSpanTheCoreModules() throws {
        let modules = Set(try Self.mutants().map { $0.file.split(separator: "/").dropFirst().first.map(String.init) ?? "" })
        for module in ["PitstopModel", "PitstopScenario", "PitstopSimulation", "PitstopReport", "GraphvizRendering",
                       "PitstopStudy", "PitstopStaffing"] {
            #expect(modules.contains(module), "no mutant in \(module)")
        }
    }
}
