import ArgumentParser
import PitstopSchema
import PitstopStudy

extension Pitstop {
    /// `pitstop init [FOLDER]`: a small, commented starter that runs at once.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a small, commented starter: a scenario, a what-if, a sweep and the schemas.",
            discussion: """
                Never replaces a file: if one of them exists, nothing is written.
                Example:
                  pitstop init my-library && cd my-library && pitstop compare library.yaml one-more-librarian.yaml
                """)

        @Argument(help: "The folder to write into (default: the current folder).")
        var folder: String = "."

        func run() throws {
            let schemas = FormatSchema.Kind.allCases.map { (FormatSchema.fileName($0), FormatSchema.json($0)) }
            try failing {
                for path in try OutputWriter.createNew(StarterProject.files(schemas: schemas), in: folder) { Console.print(path) }
            }
        }
    }
}
