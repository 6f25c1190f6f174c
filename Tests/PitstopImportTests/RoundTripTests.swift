import Foundation
import PitstopModel
import Testing
@testable import PitstopImport
@testable import PitstopScenario

@Suite struct RoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An HR export of a scenario's positions: number, name, title, manager number, unit,
    /// site, FTE and pay (cost ÷ 1.25), Danish style.
    static func export(_ scenario: Scenario) -> String {
        let tree = ReportingTree(scenario)
        let number = Dictionary(scenario.staff.enumerated().map { ($0.element.id, String(5000 + $0.offset)) }, uniquingKeysWith: { a, _ in a })
        var lines = ["Medarbejdernr.;Navn;Stilling;Nærmeste leder;Afdeling;Arbejdssted;Normering;Løn"]
        for member in scenario.staff {
            let unit = member.unit.flatMap { scenario.unit($0)?.name } ?? ""
            let site = scenario.workSites(of: member).first.flatMap { scenario.site($0)?.name } ?? ""
            let pay = NumberFormatter.danish.string(from: NSNumber(value: member.cost / 1.25)) ?? ""
            let fte = String(member.fte).replacingOccurrences(of: ".", with: ",")
            lines.append([number[member.id]!, member.isVacant ? "Vakant" : member.displayName, member.title,
                          tree.managerOf[member.id].flatMap { number[$0] } ?? "", unit, site, fte, pay].joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func importingTheBundledOrganisationReproducesItsReportingTree() throws {
        let original = try #require(ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/pitstop.yaml").path).scenario)
        #expect(original.staff.count == 58)
        let csv = Array(Self.export(original).utf8)
        let table = try CSVTable.parse(bytes: csv, file: "hr.csv").get()
        let result = HRImport(options: .init(name: "Imported")).run(table)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let yaml = try #require(result.yaml)
        let imported = try #require(ScenarioLoader.load(yaml: yaml, path: "imported.yaml").scenario)
        let a = OrgMetrics(original), b = OrgMetrics(imported)
        #expect(b.headcount == a.headcount)
        #expect(b.positions == a.positions)
        #expect(b.layers == a.layers)
        #expect(b.spanOfControl == a.spanOfControl)
        #expect(b.managerSpans.map(\.directReports).sorted() == a.managerSpans.map(\.directReports).sorted())
        #expect(abs(b.annualCost - a.annualCost) < 1)
        #expect(abs(b.fte - a.fte) < 1e-9)
    }
}

extension NumberFormatter {
    /// Whole kroner with thousands points: 540.000.
    static var danish: NumberFormatter {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = "."
        f.decimalSeparator = ","
        f.usesGroupingSeparator = true
        f.maximumFractionDigits = 2
        return f
    }
}

@Suite struct OverlayImportTests {
    @Test func anImportOnABaseReplacesItsPeopleAndKeepsItsSitesAndVisitors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = RoundTripTests.root.appendingPathComponent("Scenarios/pitstop.yaml")
        let original = try #require(ScenarioLoader.load(path: base.path).scenario)
        let export = RoundTripTests.export(original)
        let csv = folder.appendingPathComponent("hr.csv")
        try export.write(to: csv, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("people.yaml").path
        let outcome = ImportFile.hr(csv: csv.path, out: out, extends: base.path, mappings: [], onCost: 1.25)
        let yaml = try #require(outcome.yaml, "\(outcome.diagnostics.map(\.rendered))")
        #expect(yaml.contains("\nextends: "))
        try yaml.write(toFile: out, atomically: true, encoding: .utf8)
        let scenario = try #require(ScenarioLoader.load(path: out).scenario)
        // The base's people keep their ids (matched by name), so its shifts still hold; the
        // group of four student assistants arrives as four rows, so as four positions.
        let named = original.staff.filter { $0.group == nil }.map(\.id)
        #expect(Array(scenario.staff.map(\.id).prefix(named.count)) == named)
        #expect(scenario.staff.count == original.staff.count)
        #expect(scenario.staffing == original.staffing)
        #expect(scenario.sites == original.sites)
        #expect(scenario.personas == original.personas)
        #expect(OrgMetrics(scenario).layers == OrgMetrics(original).layers)

        // The first 30 people only: the base's shifts name people the file does not have,
        // which is reported at the base's lines, and nothing is produced.
        let partial = folder.appendingPathComponent("partial.csv")
        try (export.components(separatedBy: "\r\n").prefix(31).joined(separator: "\r\n") + "\r\n").write(to: partial, atomically: true, encoding: .utf8)
        let refused = ImportFile.hr(csv: partial.path, out: out, extends: base.path, mappings: [], onCost: 1.25)
        #expect(refused.yaml == nil)
        #expect(refused.diagnostics.contains { $0.message == "unknown staff member 'oliver-bjorn'" && $0.location?.file == base.path })
        #expect(ImportFile.relativePath("Scenarios/pitstop.yaml", from: "out/people.yaml") == "../Scenarios/pitstop.yaml")
        #expect(refused.diagnostics.last?.message == "the file made from the CSV does not load as it stands (above); nothing was written")
    }
}
