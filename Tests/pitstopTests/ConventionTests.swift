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
