import ArgumentParser

/// The `pitstop` command: organisation-design simulator and diagram generator.
@main
struct Pitstop: ParsableCommand {
    static let version = "0.1.0"

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
            """,
        version: version,
        subcommands: [Compare.self, Validate.self, Inspect.self, Draw.self, Simulate.self],
        defaultSubcommand: Compare.self
    )
}
