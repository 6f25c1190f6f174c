import ArgumentParser
import PitstopStaffing
import PitstopStudy

/// The staffing options shared by `staff` and `compare --staffing optimise`.
struct StaffingArguments: ParsableArguments {
    @Option(name: .customLong("target"), help: ArgumentHelp(
        "A target every staffed half hour must reach: 'served_share >= X' (default 0.9), 'wait_mean_min <= Y' or 'wait_p90_min <= Z' (repeatable).",
        valueName: "KPI OP VALUE"))
    var targets: [String] = []

    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: ArgumentHelp("Wall-clock seconds for the MIP solver, all stages together.", valueName: "S"))
    var timeLimit: Double = 60

    @Option(name: .customLong("max-hours"), parsing: .unconditional, help: ArgumentHelp(
        "Cap the week's floor hours of the rota: a number, or as-is (as many as the scenario's own rota plans). Default: each person's own limit only.",
        valueName: "H|as-is"))
    var maxHours: String?

    /// The options, or every problem with them printed (`error:` lines, `note: did you mean`) and exit 64.
    func options() throws -> StaffingOptions {
        var problems: [String] = []
        var targetValues = StaffingTargets()
        switch StaffingTargets.parse(targets) {
        case .success(let t): targetValues = t
        case .failure(let error): problems.append(error.description)
        }
        var limit: WeeklyHoursLimit?
        if let maxHours {
            limit = WeeklyHoursLimit(parsing: maxHours)
            if limit == nil { problems.append("error: --max-hours takes a number of hours or as-is, found '\(maxHours)'") }
        }
        let options = StaffingOptions(targets: targetValues, timeLimitSeconds: timeLimit, weeklyHours: limit)
        problems += options.problems.map { "error: " + $0 }
        if !problems.isEmpty {
            for p in problems { printError(p) }
            throw ExitCode(64)
        }
        return options
    }
}

extension Pitstop {
    /// `pitstop staff FILE`: requirements from demand, the best rota the people can work,
    /// and both rotas simulated on the same visitors.
    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Staff a scenario from demand: Erlang A requirements per half hour, a rota from a MIP solver, both rotas simulated.",
            discussion: """
                Example:
                  pitstop staff Scenarios/pitstop.yaml
                  pitstop staff Scenarios/pitstop.yaml --target 'served_share >= 0.9' --target 'wait_p90_min <= 5'
                  pitstop staff Scenarios/pitstop.yaml --max-hours as-is --time-limit 120
                Writes requirements.csv, rota.csv, rota.yaml (an overlay: pitstop compare FILE rota.yaml),
                staffing-<site>.svg and staffing.json to Output/<stem>-staffing/.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "A scenario file.")
        var file: String

        @OptionGroup var staffing: StaffingArguments

        @OptionGroup var length: RunLengthOptions

        @OptionGroup var changes: ScenarioSetOptions

        @Option(help: "Output format on stdout: text, json (staffing.json) or csv (requirements.csv).")
        var format: Format = .text

        @Option(help: "Output folder (default Output/<file stem>-staffing/).")
        var out: String?

        func run() throws {
            let options = try staffing.options()
            let scenario = try ScenarioInput.load(file, sets: changes.sets)
            try failing {
                let runOptions = try length.settings.runOptions(for: scenario)
                let progress = ProgressLine()
                let study = try StaffingStudy.run(
                    scenario, file: file, options: options, runOptions: runOptions, progress: progress.handler)
                progress.finish()
                let folder = out ?? "Output/" + OutputWriter.safeName(study.folderName)
                let outputs = study.outputs(folder: folder)
                let paths = try writeOutputs(outputs.files, out: folder, defaultName: study.folderName)
                switch format {
                case .json: Console.print(outputs.json)
                case .csv: Console.print(outputs.csv, terminator: "")
                case .text:
                    Console.print(outputs.text)
                    printError("wrote " + paths.joined(separator: ", "))
                }
            }
        }
    }
}
