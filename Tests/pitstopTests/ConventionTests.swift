import Foundation
import Testing

/// Command-line conventions: usage errors, numbers as given, write errors, the main job.
@Suite struct ConventionTests {
    @Test func anUnknownCommandIsAUsageErrorWithASuggestion() throws {
        let r = try CommandRunner.run(["simualte", "Scenarios/pitstop.yaml"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown command 'simualte'"))
        #expect(r.stderr.contains("did you mean 'simulate'?"))
        #expect(r.stdout.isEmpty)
    }

    @Test func aWordThatIsNoCommandNeverFallsThroughToCompare() throws {
        let r = try CommandRunner.run(["frobnicate"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown command 'frobnicate'"))
        #expect(!r.stderr.contains("compare needs"))
    }

    @Test(arguments: [["--days", "-3"], ["--replications", "-1"], ["--jobs", "0"]])
    func aNegativeNumberIsOutOfRangeNotMissing(_ option: [String]) throws {
        let r = try CommandRunner.run(["simulate", "Scenarios/pitstop.yaml"] + option)
        #expect(r.status == 64)
        #expect(r.stderr.contains("\(option[0]) must be at least"), "\(r.stderr)")
        #expect(!r.stderr.contains("Missing value"))
    }

    @Test func aFullDiskOnStandardOutputIsAnErrorNotSilence() throws {
        for arguments in [["inspect", "Scenarios/pitstop.yaml", "--format", "json"],
                          ["validate", "Scenarios/pitstop.yaml", "--help"]] {
            let r = try CommandRunner.run(arguments, standardOutput: "/dev/full")
            #expect(r.status == 1, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("cannot write to standard output"), "\(arguments)")
        }
    }

    @Test func aReaderThatGoesAwayEndsTheProgramQuietly() throws {
        let script = "\(CommandRunner.productsDirectory.path)/pitstop inspect Scenarios/pitstop.yaml | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}"
        let r = try CommandRunner.shell(script)
        #expect(["0", "141"].contains(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!r.stderr.contains("error"))
    }

    @Test func versionIsPrinted() throws {
        let r = try CommandRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("."))
    }
}

/// `--lang da` reaches every command that prints words.
@Suite struct LanguageTests {
    @Test func inspectSimulateAndValidateSpeakDanish() throws {
        let inspect = try CommandRunner.run(["inspect", "Scenarios/pitstop.yaml", "--lang", "da"])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("Efter enhed") && inspect.stdout.contains("ledelsesspænd"))
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let simulate = try CommandRunner.run(
            ["simulate", "Scenarios/pitstop.yaml", "--days", "1", "--replications", "2", "--lang", "da", "--out", out.path])
        #expect(simulate.status == 0)
        #expect(simulate.stdout.contains("Efter brugerperspektiv") && simulate.stdout.contains("Besøg pr. dag"))
        let validate = try CommandRunner.run(["validate", "docs/examples/broken.yaml", "--lang", "da"])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains(" fejl, "))
    }
}
