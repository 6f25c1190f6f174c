import ArgumentParser
import Foundation
import PitstopImport
import PitstopStudy

extension Pitstop {
    /// `pitstop import HR.csv [--map COLUMN=FIELD]... [--out FILE] [--extends BASE] [--on-cost F]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Make a scenario (or an overlay on a base) from an HR export (CSV).",
            discussion: """
                Reads what offices export: UTF-8 (with or without BOM) or Windows-1252, ';' ',' or
                tab separated, decimal comma or point. Columns are found by their headers, in
                Danish or English (Medarbejdernr., Navn, Stilling, Nærmeste leder, Afdeling,
                Arbejdssted, Normering, Løn, …) or named with --map. cost = salary × --on-cost.
                Every problem is reported at HR.csv:ROW:COLUMN; nothing is written when there is one.

                Examples:
                  pitstop import hr.csv --out library.yaml
                  pitstop import hr.csv --map 'Chef-nr=manager' --on-cost 1.3 --out library.yaml
                  pitstop import hr.csv --extends Scenarios/library-base.yaml --out people.yaml
                Fields for --map: \(HRField.allCases.map(\.rawValue).joined(separator: ", ")).
                """)

        @Argument(help: "The HR export (CSV).")
        var file: String

        @Option(name: .customLong("map"), help: ArgumentHelp("A column and the field it holds: COLUMN=FIELD.", valueName: "COLUMN=FIELD"),
                transform: { text in
                    switch ColumnMapping.parse(text) {
                    case .success(let mapping): return mapping
                    case .failure(let problem): throw ValidationError(problem.description)
                    }
                })
        var mappings: [ColumnMapping] = []

        @Option(help: ArgumentHelp("Write the scenario here (default: standard output).", valueName: "FILE"))
        var out: String?

        @Option(name: .customLong("extends"), help: ArgumentHelp("Write an overlay on this scenario instead: its sites, zones, personas and staffing stay, its people are replaced.", valueName: "BASE"))
        var base: String?

        @Option(help: "cost = salary × this factor (pension, holiday pay, ATP and other employer costs).")
        var onCost: Double = HRImport.defaultOnCost

        func validate() throws {
            guard onCost >= 1, onCost <= 3 else { throw ValidationError("--on-cost must be between 1 and 3, found \(onCost)") }
            try refuseToOverwriteInputs(out: out, inputs: [file] + (base.map { [$0] } ?? []))
        }

        func run() throws {
            let outcome = ImportFile.hr(csv: file, out: out, extends: base, mappings: mappings, onCost: onCost)
            try finish(outcome, out: out)
        }
    }
}

/// `--out` must not name an input: inputs are never modified.
func refuseToOverwriteInputs(out: String?, inputs: [String]) throws {
    guard let out else { return }
    let target = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
    for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
        throw ValidationError("--out '\(out)' is an input; inputs are never modified")
    }
}

/// Prints an import's diagnostics and summary on stderr, then writes its YAML to `out`
/// (whole) or to standard output; exit 1 when there is an error (nothing written).
func finish(_ outcome: ImportFile.Outcome, out: String?) throws {
    for diagnostic in outcome.diagnostics { printError(diagnostic.rendered) }
    for line in outcome.summary { printError(line) }
    guard let yaml = outcome.yaml else { throw ExitCode.failure }
    if let out {
        do {
            try OutputWriter.writeFile(Array(yaml.utf8), to: out)
        } catch {
            printError("error: \(error.description)")
            throw ExitCode.failure
        }
    } else {
        Console.print(yaml, terminator: "")
    }
}
