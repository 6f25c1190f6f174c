import ArgumentParser
import PitstopReport
import PitstopScenario
import PitstopStudy

extension Pitstop {
    /// `pitstop validate FILE...`: check scenarios, diagnostics on stderr.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files; print every problem as path:line:column.",
            discussion: """
                Example:
                  pitstop validate Scenarios/*.yaml
                  pitstop validate Scenarios/pitstop.yaml --set staff.student-main.count=6
                Exit status 0 when no file has errors (warnings allowed), 1 otherwise.
                """)

        @Argument(help: "Scenario files (YAML).")
        var files: [String]

        @Flag(help: "Treat warnings as errors.")
        var warningsAsErrors = false

        @Option(help: "Language of the summary lines: en or da (diagnostics are in English, like a compiler's).")
        var lang: ReportLanguage = .en

        @OptionGroup var changes: ScenarioSetOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one scenario file") }
        }

        func run() throws {
            let words = ValidateWords(lang)
            var failed = false
            var errors = 0, warnings = 0
            for file in files {
                let result = DemandWarnings.load(path: file, sets: changes.sets)
                ScenarioInput.report(result.diagnostics)
                let e = result.diagnostics.filter { $0.severity == .error }.count
                let w = result.diagnostics.count - e
                errors += e
                warnings += w
                if e > 0 || (warningsAsErrors && w > 0) { failed = true }
                if e == 0 { printError("\(file): ok" + (w > 0 ? " (\(words.warnings(w)))" : "")) }
            }
            if errors + warnings > 0 {
                printError("\(words.errors(errors)), \(words.warnings(warnings))")
            }
            if failed { throw ExitCode.failure }
        }
    }
}

/// The summary words of `validate`.
struct ValidateWords {
    let language: ReportLanguage
    init(_ language: ReportLanguage) { self.language = language }

    func errors(_ n: Int) -> String {
        language == .da ? "\(n) fejl" : "\(n) error\(n == 1 ? "" : "s")"
    }

    func warnings(_ n: Int) -> String {
        language == .da ? "\(n) advarsel\(n == 1 ? "" : "er")" : "\(n) warning\(n == 1 ? "" : "s")"
    }
}
