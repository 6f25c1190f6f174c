import Foundation
import Testing
@testable import PitstopSchema
@testable import PitstopScenario

@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The schema's objects against the loader's own key lists: neither may drift.
    @Test func everyObjectHasExactlyTheLoadersKeys() {
        let scenario = FormatSchema.objectKeys(.scenario)
        let loader: [String: [String]] = [
            "scenario": Keys.top, "perspective": Keys.perspective, "competence": Keys.competence, "site": Keys.site,
            "floor": Keys.floor, "zone": Keys.zone, "organisation": Keys.organisation, "leader-forum": Keys.leaderForum,
            "unit": Keys.unit, "coverage": Keys.coverage, "staff": Keys.staff, "staffing": Keys.staffing, "shift": Keys.shift,
            "rule": Keys.rule, "persona": Keys.persona, "route-step": Keys.routeStep, "dialogue": Keys.dialogue,
            "profile": Keys.profile, "simulation": Keys.simulation,
        ]
        #expect(Set(scenario.keys) == Set(loader.keys))
        for (name, keys) in loader {
            #expect(scenario[name].map(Set.init) == Set(keys), "object '\(name)'")
        }
        let sweep = FormatSchema.objectKeys(.sweep)
        #expect(sweep["sweep"].map(Set.init) == Set(SweepLoader.keys))
        #expect(sweep["parameter"].map(Set.init) == Set(SweepLoader.parameterKeys))
        #expect(sweep["simulation"].map(Set.init) == Set(SweepLoader.simulationKeys))
        #expect(sweep["target"].map(Set.init) == Set(SweepLoader.targetKeys))
    }

    /// The files the bundled scenarios point at are what `pitstop schema` prints.
    @Test func thePublishedSchemasAreTheGeneratedOnes() throws {
        for kind in FormatSchema.Kind.allCases {
            let path = Self.root.appendingPathComponent("docs/schema/\(FormatSchema.fileName(kind))").path
            let published = try String(contentsOfFile: path, encoding: .utf8)
            #expect(published == FormatSchema.json(kind), "docs/schema/\(FormatSchema.fileName(kind)) is stale: pitstop schema \(kind.rawValue) > it")
        }
    }

    @Test func theSchemaIsDraft2020WithDescriptionsAndEnums() throws {
        let text = FormatSchema.json(.scenario)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(json["$defs"] as? [String: Any])
        let staff = try #require(defs["staff"] as? [String: Any])
        #expect(staff["additionalProperties"] as? Bool == false)
        let cost = try #require((staff["properties"] as? [String: Any])?["cost"] as? [String: Any])
        #expect((cost["description"] as? String)?.contains("fully loaded yearly cost") == true)
        #expect(defs["overlay-staff"] != nil)
        #expect(FormatSchema.json(.sweep).contains("\"enum\": [\"grid\", \"one-at-a-time\"]"))
    }

    @Test func everyBundledScenarioNamesTheSchemaOnItsFirstLine() throws {
        let folder = Self.root.appendingPathComponent("Scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 4)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=../docs/schema/scenario.schema.json\n"), "\(name)")
        }
    }
}
