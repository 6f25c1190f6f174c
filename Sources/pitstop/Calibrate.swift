import ArgumentParser
import PitstopImport
import PitstopReport

extension Pitstop {
    /// `pitstop calibrate COUNTS.csv [--extends BASE] [--out FILE]`.
    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit each site's visits a year and arrival profile to hourly door counts (CSV).",
            discussion: """
                Reads a row per site, date (or weekday) and hour with the visitors counted; writes an
                overlay with a profile per site and every persona's visits, keeping each persona's share
                of a site's visits. Prints how well the profile reproduces the counts, and hours
                counted while the base has the site closed.

                Examples:
                  pitstop calibrate counts.csv --extends Scenarios/library-base.yaml --out calibrated.yaml
                  pitstop calibrate counts.csv     (profiles only, on standard output)
                """)

        @Argument(help: "Hourly door counts (CSV).")
        var file: String

        @Option(name: .customLong("extends"), help: ArgumentHelp("Write an overlay on this scenario.", valueName: "BASE"))
        var base: String?

        @Option(help: ArgumentHelp("Write the overlay here (default: standard output; the fit report then goes to standard error).", valueName: "FILE"))
        var out: String?

        func validate() throws {
            try refuseToOverwriteInputs(out: out, inputs: [file] + (base.map { [$0] } ?? []))
        }

        func run() throws {
            let (outcome, reports) = ImportFile.calibrate(counts: file, out: out, extends: base)
            var text: [String] = []
            for report in reports {
                text.append(report.title)
                text.append(TextTable(header: ["Day", "Hour", "Observed", "Fitted", "Error"], rows: report.rows, firstNumericColumn: 2).render())
                text += report.notes.map { "  " + $0 }
                text.append("")
            }
            if outcome.yaml != nil {
                if out == nil { for line in text { printError(line) } } else { Console.print(text.joined(separator: "\n"), terminator: "") }
            }
            try finish(outcome, out: out)
        }
    }
}
