import Foundation
import Testing

/// End-to-end tests of the `pitstop` executable: exit codes, stdout/stderr, files.
@Suite(.serialized) struct CommandTests {
    let bundled = ["Scenarios/library-base.yaml", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml",
                   "Scenarios/pitstop-recruit.yaml"]

    @Test func validateAcceptsTheBundledScenarios() throws {
        let r = try CommandRunner.run(["validate"] + bundled)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("error:"))
    }

    @Test func validateReportsEveryMistakeWithItsPositionAndFails() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("broken.yaml")
        try """
            format: 1
            name: Broken
            sites:
              - id: main
                name: Main
                staffed_hours: { mon-fri: "19:00-10:00" }
                floor: { width: 10, depth: 10 }
                zones:
                  - { id: desk, name: Desk, capacity: 4, at: [0, 0], size: [4, 4] }
            personas:
              - id: reader
                name: Reader
                arrivals_per_hour: { main: 2 }
                route:
                  - { zone: dsk, dwell: exp(-1) }
            """.write(to: file, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["validate", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken.yaml:6:31: error:"), "\(r.stderr)")
        #expect(r.stderr.contains("broken.yaml:15:17: error:"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'desk'?"), "\(r.stderr)")
        #expect(r.stderr.contains("broken.yaml:15:29: error:"), "\(r.stderr)")
    }

    @Test func aMissingFileIsAFailureNotACrash() throws {
        let r = try CommandRunner.run(["validate", "no/such/file.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no/such/file.yaml"))
    }

    @Test func usageErrorsExitWith64() throws {
        let r = try CommandRunner.run(["inspect", "Scenarios/pitstop.yaml", "--format", "xml"])
        #expect(r.status == 64)
        let r2 = try CommandRunner.run(["simulate", "Scenarios/pitstop.yaml", "--replications", "1"])
        #expect(r2.status == 64)
    }

    @Test func inspectJSONHasTheKeysOfTheContract() throws {
        let r = try CommandRunner.run(["inspect", "Scenarios/pitstop.yaml", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["scenario", "headcount", "positions", "vacancies", "fte", "annual_cost", "currency", "units",
                    "layers", "span_of_control", "by_unit", "by_site", "competences", "single_holder_competences"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let span = try #require(json["span_of_control"] as? [String: Any])
        #expect(Set(span.keys) == ["min", "median", "max", "managers"])
        #expect((json["units"] as? Int) == 4)  // three perspective units and Velkomst og drift
    }

    @Test func inspectTextIsATableAManagerCanRead() throws {
        let r = try CommandRunner.run(["inspect", "Scenarios/traditional.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("By unit"))
        #expect(r.stdout.contains("Span of control"))
        #expect(r.stdout.contains("Hovedbiblioteket"))
        #expect(r.stdout.contains("5 units · 4 layers"))  // counted, not "1 units"
    }

    @Test func simulateJSONIsOneDocumentAndRepeatsByteForByteWhateverTheJobs() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let args = ["simulate", "Scenarios/pitstop.yaml", "--days", "7", "--replications", "3", "--seed", "7",
                    "--format", "json"]
        let a = try CommandRunner.run(args + ["--jobs", "1", "--out", dir.appendingPathComponent("a").path])
        let b = try CommandRunner.run(args + ["--jobs", "2", "--out", dir.appendingPathComponent("b").path])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? Int == 1)
        #expect(json["seed"] as? Int == 7)
        #expect(Set((json["sites"] as? [String: Any])?.keys ?? [:].keys) == ["main", "branch-1", "branch-2"])
        #expect(json["hourly"] is [String: Any])
        for name in ["results.json", "kpis.csv", "hourly.csv", "rota.csv", "coverage_gaps.csv"] {
            let fa = try Data(contentsOf: dir.appendingPathComponent("a/\(name)"))
            let fb = try Data(contentsOf: dir.appendingPathComponent("b/\(name)"))
            #expect(fa == fb, "\(name) differs between --jobs 1 and --jobs 2")
        }
        let rota = try String(contentsOf: dir.appendingPathComponent("a/rota.csv"), encoding: .utf8)
        #expect(rota.hasPrefix("person,day,site,zone,from,to"))
        let hourly = try String(contentsOf: dir.appendingPathComponent("a/hourly.csv"), encoding: .utf8)
        #expect(hourly.hasPrefix("site,weekday,hour,arrivals,occupancy_mean,"))
        #expect(hourly.split(separator: "\n").count == 1 + 3 * 7 * 24)
    }

    @Test func simulatePrintsTheNewKPIsAndNamesHourlyCSV() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["simulate", "Scenarios/pitstop.yaml", "--days", "3", "--replications", "2",
                                       "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["Share of dialogues given up", "Mean wait, given-up requests included",
                     "Share asked when nobody was on duty"] {
            #expect(r.stdout.contains(line), "\(line)")
        }
        #expect(r.stderr.contains("hourly.csv"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("hourly.csv").path))
    }

    @Test func drawWritesTheOrgChartAndOneFloorMapPerSite() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["draw", "Scenarios/pitstop.yaml", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["orgchart.svg", "floor-main.svg", "floor-branch-1.svg", "floor-branch-2.svg"] {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("<svg"), "\(name)")
        }
    }

    @Test func compareWritesTheReportAndTheContractJSON() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["compare", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml", "--days", "3",
                                       "--replications", "3", "--format", "json", "--out", dir.path, "--lang", "da"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["format", "baseline", "seed", "replications", "days", "results", "differences",
                                   "org_changes", "input_changes"])
        #expect(json["baseline"] as? String == "Traditionelt bibliotek (filialer)")
        let differences = try #require(json["differences"] as? [String: [String: Any]])
        let pitstop = try #require(differences["Pitstop-biblioteket"]?["kpis"] as? [String: [String: Any]])
        #expect(pitstop["dialogues_served"]?["relative"] != nil)
        #expect((pitstop["visits"]?["mean"] as? Double) == 0)  // same visitors in both
        let changes = try #require(json["org_changes"] as? [String: [String: Any]])
        let moved = try #require(changes["Pitstop-biblioteket"]?["moved"] as? [[String: Any]])
        #expect(!moved.isEmpty)
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"da\">"))
        for name in ["comparison.json", "comparison.csv", "orgchart-traditional.svg", "orgchart-pitstop.svg",
                     "orgdiff-traditional-pitstop.svg", "heat-pitstop-main.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        // Heat maps are coloured by the busiest hour, and say so (in the report's language).
        let heat = try String(contentsOf: dir.appendingPathComponent("heat-pitstop-main.svg"), encoding: .utf8)
        #expect(heat.contains("travleste time"))
        // Nothing but the outputs (and the list of them) in the folder, and no staging
        // folder beside it: no temporary files left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(left == [".pitstop-files"])
        let beside = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasPrefix(".\(dir.lastPathComponent).pitstop-") })
    }

    @Test func compareWithDeckWritesTheDeckBesideTheReportAndOnlyThen() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let args = ["compare", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml", "--days", "3", "--replications", "3",
                    "--out", dir.path]
        let r = try CommandRunner.run(args + ["--deck"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Deck: \(dir.appendingPathComponent("deck.pptx").path)"))
        let deck = try Data(contentsOf: dir.appendingPathComponent("deck.pptx"))
        #expect(deck.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "not a zip file")
        #expect(deck.count > 100_000)
        // Without --deck, no deck (and the one of the previous run is gone: one run's files only).
        let again = try CommandRunner.run(args)
        #expect(again.status == 0 && !again.stdout.contains("Deck:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("deck.pptx").path))
    }

    @Test func aScenarioComparedWithItselfDiffersByNothing() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["compare", "Scenarios/pitstop.yaml", "Scenarios/pitstop.yaml", "--days", "2",
                                       "--replications", "2", "--format", "json", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let differences = try #require(json["differences"] as? [String: [String: Any]])
        #expect(differences.count == 1)
        let kpis = try #require(differences.values.first?["kpis"] as? [String: [String: Any]])
        let perspectives = try #require(differences.values.first?["perspectives"] as? [String: [String: [String: Any]]])
        // Every KPI of the baseline's results is compared, so the loops below check them all.
        let results = try #require(json["results"] as? [String: [String: Any]])
        let baselineKPIs = try #require(results[json["baseline"] as? String ?? ""]?["kpis"] as? [String: Any])
        #expect(baselineKPIs.count >= 20)
        #expect(Set(kpis.keys) == Set(baselineKPIs.keys))
        #expect(Set(perspectives.keys) == ["private", "citizen", "professional"])
        #expect(perspectives.values.allSatisfy { $0.count >= 10 })
        for (kpi, d) in kpis { #expect((d["mean"] as? Double) == 0, "\(kpi)") }
        for (id, byKPI) in perspectives {
            for (kpi, d) in byKPI { #expect((d["mean"] as? Double) == 0, "\(id) \(kpi)") }
        }
        // Two sets of files, not one overwriting the other.
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("orgchart-pitstop-2.svg").path))
    }

    @Test func theBundledComparisonRunsFromAnyFolder() throws {
        let elsewhere = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["--days", "1", "--replications", "2", "--out", "out"], in: elsewhere)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("out/report.html").path))
    }

        @Test func compareNeedsTwoScenarios() throws {
        let r = try CommandRunner.run(["compare", "Scenarios/pitstop.yaml"])
        #expect(r.status == 64)
    }

    @Test func aBrokenScenarioStopsCompareBeforeAnythingIsWritten() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out")
        let r = try CommandRunner.run(["compare", "Scenarios/pitstop.yaml", "docs/examples/broken.yaml", "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken.yaml:7:31: error:"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func inputsAreNeverModified() throws {
        let files = bundled.map { CommandRunner.packageRoot.appendingPathComponent($0) }
        let before = try files.map { try Data(contentsOf: $0) }
        let dir = try CommandRunner.temporaryDirectory()
        // pitstop-recruit.yaml extends pitstop.yaml, which extends library-base.yaml: all three are read.
        let r = try CommandRunner.run(["simulate", "Scenarios/pitstop-recruit.yaml", "--days", "2", "--replications", "2",
                                       "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("results.json").path))
        #expect(files.count == bundled.count && before.allSatisfy { !$0.isEmpty })
        let after = try files.map { try Data(contentsOf: $0) }
        #expect(before == after)
    }
}
