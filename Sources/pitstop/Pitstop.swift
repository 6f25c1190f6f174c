import ArgumentParser
import Foundation
import PitstopModel
import PitstopSimulation
import PitstopStudy

/// The `pitstop` command: organisation-design simulator and diagram generator.
@main
struct Pitstop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pitstop",
        abstract: "Simulate, compare and draw library organisations — what happens if we reorganise?",
        discussion: """
            With no arguments, compares the bundled scenarios:
              pitstop            (= pitstop compare Scenarios/traditional.yaml Scenarios/pitstop.yaml)

            Examples:
              pitstop validate Scenarios/*.yaml
              pitstop inspect Scenarios/pitstop.yaml --format json
              pitstop draw Scenarios/pitstop.yaml --chart org
              pitstop simulate Scenarios/pitstop.yaml --days 28 --replications 20
              pitstop compare Scenarios/traditional.yaml Scenarios/pitstop.yaml --lang da

            Shell completion: pitstop --generate-completion-script bash (or zsh, fish).
            """,
        version: PitstopVersion.current,
        subcommands: [
            Compare.self, Validate.self, Inspect.self, Draw.self, Simulate.self, Sweep.self, Merge.self, Staff.self,
            Import.self, Calibrate.self, Init.self, Schema.self, Serve.self,
        ]
    )

    /// The command line, with the main job for no arguments and a usage error (64) with a
    /// suggestion for an unknown command — never a fall-through to `compare`.
    static func main() {
        Console.installSignalHandlers()
        ProcessMemory.mapLargeBlocks()
        var arguments = Array(CommandLine.arguments.dropFirst())
        switch CommandLineRouting.route(arguments, commands: commandNames) {
        case .mainJob(let options):
            arguments = ["compare"] + options
        case .asGiven:
            break
        case .unknownCommand(let word, let suggestion):
            printError("error: unknown command '\(word)'")
            if let suggestion { printError("note: did you mean '\(suggestion)'?") }
            printError("usage: pitstop <command> …; the commands are " + commandNames.joined(separator: ", ")
                + " (pitstop --help)")
            Foundation.exit(64)
        }
        main(arguments)
    }

    /// Every subcommand's name, and `help`.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName ?? defaultName($0) } + ["help"]
    }

    private static func defaultName(_ command: any ParsableCommand.Type) -> String {
        String(describing: command).lowercased()
    }
}

/// How the first word of a command line is read.
enum CommandLineRouting: Equatable {
    /// No command: the main job (the bundled comparison), with these options.
    case mainJob([String])
    /// A known command or a root option (`--help`, `--version`): parsed as given.
    case asGiven
    /// Neither a command nor an option.
    case unknownCommand(String, suggestion: String?)

    static let rootOptions: Set<String> = ["-h", "--help", "--version", "--experimental-dump-help"]

    static func route(_ arguments: [String], commands: [String]) -> CommandLineRouting {
        guard let first = arguments.first else { return .mainJob([]) }
        if commands.contains(first) { return .asGiven }
        if rootOptions.contains(first) || first.hasPrefix("--generate-completion-script") { return .asGiven }
        if first.hasPrefix("-") { return .mainJob(arguments) }
        return .unknownCommand(first, suggestion: closestMatch(to: first, in: commands.filter { $0 != "help" }))
    }
}
