import ArgumentParser
import Foundation
import PitstopReport
import PitstopSimulation
import PitstopStudy

extension Pitstop {
    /// `pitstop compare A B [C …]`: scenarios side by side on the same simulated visitors.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare scenarios on the same visitors: paired differences, org changes, heat maps, a report.",
            discussion: """
                Example:
                  pitstop compare Scenarios/traditional.yaml Scenarios/pitstop.yaml --lang da
                  pitstop            (the same as: pitstop compare \(Compare.bundled.joined(separator: " ")))
                A --set applies to every scenario compared. The first scenario is the baseline.
                Writes report.html, comparison.json and comparison.csv (and deck.pptx with --deck)
                to Output/<stem A>-vs-<stem B>/.
                """)

        /// What `pitstop` with no arguments compares.
        static let bundled = ["Scenarios/traditional.yaml", "Scenarios/pitstop.yaml"]

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }

        @Argument(help: "Scenario files; the first is the baseline. Default: the bundled scenarios.")
        var files: [String] = []

        @OptionGroup var length: RunLengthOptions

        @OptionGroup var changes: ScenarioSetOptions

        @Option(help: "Output format on stdout: text, markdown, json or csv.")
        var format: Format = .text

        @Option(help: "Output folder (default Output/<stem A>-vs-<stem B>/).")
        var out: String?

        @Option(help: "Language of the report and summary: en or da.")
        var lang: ReportLanguage = .en

        @Flag(help: "Also write deck.pptx beside the report: the comparison as PowerPoint slides (16:9).")
        var deck = false

        enum StaffingMode: String, ExpressibleByArgument, CaseIterable { case asIs = "as-is", optimise }

        @Option(help: "How the scenarios are staffed: as-is (their own rules and shifts) or optimise (each staffed from demand first, as pitstop staff does).")
        var staffing: StaffingMode = .asIs

        @OptionGroup var staffingOptions: StaffingArguments

        func validate() throws {
            if files.count == 1 {
                throw ValidationError("compare needs at least two scenario files (the first is the baseline), found one")
            }
            if staffing == .asIs && (!staffingOptions.targets.isEmpty || staffingOptions.maxHours != nil) {
                throw ValidationError("--target and --max-hours apply only with --staffing optimise")
            }
        }

        func run() throws {
            let paths = files.isEmpty ? Compare.bundled.map(Compare.locateBundled) : files
            let staffingSettings = staffing == .optimise ? try staffingOptions.options() : nil
            var scenarios = try ScenarioInput.load(paths, sets: changes.sets)
            try failing {
                let options = try length.settings.runOptions(for: scenarios[0])
                var staffed: ComparisonStaffing?
                if let staffingSettings {
                    staffed = try ComparisonStaffing.optimise(scenarios, options: staffingSettings)
                    scenarios = staffed?.scenarios ?? scenarios
                }
                let folder: String
                let spill: DiagramSpill?
                let outputs: ComparisonOutputs
                do {
                    let progress = ProgressLine()
                    var study = ComparisonStudy.run(
                        scenarios, files: paths, options: options, language: lang, progress: progress.handler)
                    scenarios = []  // the study holds them now
                    progress.finish()
                    if let staffed {
                        study.notes.append(staffed.note(lang))
                        study.extraJSON["staffing"] = staffed.json
                    }
                    // The drawings wait on disk, beside the output folder, until they are written.
                    folder = outputFolder(out, defaultName: study.folderName)
                    spill = deck ? nil : try DiagramSpill(beside: folder)
                    do {
                        outputs = try study.outputs(deck: deck, spill: spill)
                    } catch {
                        spill?.remove()
                        throw error
                    }
                }
                // The study (scenarios, results) is gone: its memory serves the writing.
                ProcessMemory.releaseFreed()
                defer { spill?.remove() }
                let written = try writeOutputs(outputs.files, out: folder, defaultName: folder)
                let reportPath = written.first { $0.hasSuffix("/report.html") } ?? "report.html"
                let deckPath = written.first { $0.hasSuffix("/deck.pptx") }
                switch format {
                case .json: Console.print(outputs.json)
                case .csv: Console.print(outputs.csv, terminator: "")
                case .markdown:
                    if let staffed { Console.print("> " + staffed.note(lang) + "\n") }
                    Console.print(outputs.markdown)
                    printError("report: \(reportPath)")
                    if let deckPath { printError("deck: \(deckPath)") }
                case .text:
                    if let staffed {
                        Console.print((lang == .da ? "Bemandet ud fra efterspørgslen:" : "Staffed from demand:")
                            + staffed.lines(lang).map { "\n  " + $0 }.joined())
                        Console.print("")
                    }
                    Console.print(outputs.text)
                    Console.print("Report: \(reportPath)")
                    if let deckPath { Console.print("Deck: \(deckPath)") }
                }
            }
        }

        /// A bundled scenario path: relative to the working folder, else to the package the
        /// executable was built in (found by walking up from `.build/…/pitstop`).
        static func locateBundled(_ path: String) -> String {
            if FileManager.default.fileExists(atPath: path) { return path }
            let called = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
            for start in [called, called.resolvingSymlinksInPath()] {
                var folder = start.deletingLastPathComponent()
                for _ in 0..<6 {
                    let candidate = folder.appendingPathComponent(path).path
                    if FileManager.default.fileExists(atPath: candidate) { return candidate }
                    folder.deleteLastPathComponent()
                }
            }
            return path
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
