import ArgumentParser
import PitstopSchema

extension Pitstop {
    /// `pitstop schema [scenario|sweep]`: the JSON Schema of a format, for editors.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of the scenario or sweep format, for editor completion.",
            discussion: """
                Examples:
                  pitstop schema > scenario.schema.json
                  pitstop schema sweep > sweep.schema.json
                Then put this first line in a scenario for completion and inline errors in VS Code
                (YAML extension), Neovim, Helix, Zed or JetBrains editors:
                  # yaml-language-server: $schema=scenario.schema.json
                """)

        @Argument(help: "scenario (default) or sweep.")
        var kind: FormatSchema.Kind = .scenario

        func run() throws {
            Console.print(FormatSchema.json(kind), terminator: "")
        }
    }
}

extension FormatSchema.Kind: ExpressibleByArgument {}
