import Foundation
import PitstopScenario
import Testing

@testable import PitstopServer

/// Loaded scenarios are reused only while the files they came from are unchanged.
@Suite struct LoadCacheTests {
    let fixture: ScenarioFixture

    init() throws {
        fixture = try ScenarioFixture()
    }

    func age(_ name: String, seconds: Double) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -seconds)],
            ofItemAtPath: fixture.folder.appendingPathComponent(name).path)
    }

    @Test func theLoaderNamesEveryFileItRead() throws {
        let overlay = fixture.folder.appendingPathComponent("little-open-longer.yaml").path
        let files = ScenarioLoader.load(path: overlay).files
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["little-open-longer.yaml", "little.yaml"])
        #expect(files.allSatisfy { $0.hasPrefix("/") })
    }

    @Test func aChangeToAnyFileOfTheChainIsSeen() throws {
        try age("little.yaml", seconds: 3_600)
        try age("little-open-longer.yaml", seconds: 3_600)
        let cache = LoadCache()
        let overlay = fixture.folder.appendingPathComponent("little-open-longer.yaml").path
        #expect(cache.load(path: overlay).scenario?.sites.first?.name == "Hovedbiblioteket")
        #expect(cache.count == 1)
        #expect(cache.load(path: overlay, sets: ["simulation.days=3"]).scenario?.simulation.days == 3)
        #expect(cache.count == 2)

        // The base changes (same size, so only the time and the content tell).
        let base = fixture.folder.appendingPathComponent("little.yaml")
        let text = try String(contentsOf: base, encoding: .utf8)
        try text.replacingOccurrences(of: "name: Hovedbiblioteket", with: "name: Hovedbibliotek!").write(
            to: base, atomically: false, encoding: .utf8)
        try age("little.yaml", seconds: 1_800)
        #expect(cache.load(path: overlay).scenario?.sites.first?.name == "Hovedbibliotek!")
    }

    @Test func aFileChangedJustNowIsNotKept() throws {
        try fixture.write("format: 1\nextends: little.yaml\nname: Fresh\n", to: "fresh.yaml")
        let cache = LoadCache()
        #expect(cache.load(path: fixture.folder.appendingPathComponent("fresh.yaml").path).scenario?.name == "Fresh")
        #expect(cache.count == 0)
    }
}
