import Foundation
import PitstopModel
import PitstopScenario

/// The whole of `pitstop import` and `pitstop calibrate` short of writing: read the CSV,
/// load the base, build the YAML, and check that it loads as it stands.
public enum ImportFile {
    /// What an import produced: the YAML (nil when there is an error), every diagnostic,
    /// and lines for the user (how the file was read, what was left out).
    public struct Outcome: Sendable {
        public var yaml: String?
        public var diagnostics: [Diagnostic]
        public var summary: [String]
    }

    /// `pitstop import HR.csv [--map …] [--out FILE] [--extends BASE] [--on-cost F]`.
    /// `out` (the output file, or nil for standard output) places the `extends:` path.
    public static func hr(csv: String, out: String?, extends basePath: String?, mappings: [ColumnMapping], onCost: Double) -> Outcome {
        var base: (String, Scenario)?
        if let basePath {
            let loaded = ScenarioLoader.load(path: basePath)
            guard let scenario = loaded.scenario else { return Outcome(yaml: nil, diagnostics: loaded.diagnostics, summary: []) }
            base = (relativePath(basePath, from: out), scenario)
        }
        let table: CSVTable
        switch CSVTable.read(path: csv) {
        case .success(let t): table = t
        case .failure(let problem): return Outcome(yaml: nil, diagnostics: [problem.diagnostic], summary: [])
        }
        let result = HRImport(options: .init(mappings: mappings, onCost: onCost, base: base)).run(table)
        var summary = ["\(csv): \(result.reading)"]
        if !result.unmappedColumns.isEmpty {
            summary.append("not imported: " + result.unmappedColumns.map { "'\($0.header)' (column \($0.column))" }.joined(separator: ", ")
                           + " — name a column with --map COLUMN=FIELD")
        }
        guard let yaml = result.yaml else { return Outcome(yaml: nil, diagnostics: result.diagnostics, summary: summary) }
        let checked = check(yaml, out: out)
        summary.append("\(result.people) \(result.people == 1 ? "person" : "people") imported" + (out.map { " into \($0)" } ?? ""))
        return Outcome(yaml: checked.hasErrors ? nil : yaml, diagnostics: result.diagnostics + checked.diagnostics, summary: summary)
    }

    /// Loads the YAML as the file `out` would be (so that `extends` resolves as it will).
    static func check(_ yaml: String, out: String?) -> (hasErrors: Bool, diagnostics: [Diagnostic]) {
        let path = out ?? "standard-output.yaml"
        let loaded = ScenarioLoader.load(yaml: yaml, path: path)
        guard loaded.hasErrors else { return (false, loaded.diagnostics) }
        let note = Diagnostic(severity: .error, location: nil,
                              message: "the file made from the CSV does not load as it stands (above); nothing was written")
        return (true, loaded.diagnostics + [note])
    }

    /// `path` as written in a file at `out`: relative to its folder (to the current folder
    /// for standard output); absolute paths stay absolute.
    static func relativePath(_ path: String, from out: String?) -> String {
        if path.hasPrefix("/") { return path }
        let cwd = FileManager.default.currentDirectoryPath
        let target = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL.pathComponents
        let folder = URL(fileURLWithPath: out ?? "x", relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
            .standardizedFileURL.deletingLastPathComponent().pathComponents
        var common = 0
        while common < min(target.count, folder.count), target[common] == folder[common] { common += 1 }
        let ups = Array(repeating: "..", count: folder.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
