import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PitstopModel
import PitstopScenario
import PitstopStudy
import Testing

@testable import PitstopServer

/// Every endpoint of the explorer through its router (HummingbirdTesting, in memory).
@Suite struct ExplorerRouterTests {
    let fixture: ScenarioFixture

    init() throws {
        fixture = try ScenarioFixture()
    }

    @Test func healthSaysOK() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let response = try await client.execute(uri: "/api/health", method: .get)
            #expect(response.status == .ok)
            #expect(try object(response)["status"] as? String == "ok")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test func everyFileOfThePageIsServedFromTheBinaryWithItsType() async throws {
        let web = ScenarioFixture.repository.appendingPathComponent("Sources/PitstopServer/Web")
        let names = try FileManager.default.contentsOfDirectory(atPath: web.path).filter { $0 != "openapi.yaml" }
        #expect(names.count >= 9)
        try await application(try fixture.explorer()).test(.router) { client in
            for name in names {
                let response = try await client.execute(uri: "/\(name)", method: .get)
                #expect(response.status == .ok, "\(name)")
                let onDisk = try Data(contentsOf: web.appendingPathComponent(name))
                #expect(Data(response.body.readableBytesView) == onDisk, "\(name) is not the embedded copy")
                let type = response.headers[.contentType] ?? ""
                if name.hasSuffix(".js") { #expect(type.hasPrefix("text/javascript"), "\(name): \(type)") }
                if name.hasSuffix(".css") { #expect(type.hasPrefix("text/css")) }
                if name.hasSuffix(".svg") { #expect(type == "image/svg+xml") }
            }
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok && text(page).contains("<script type=\"module\" src=\"explorer.js\">"))
            let etag = try #require(page.headers[.eTag])
            var headers = HTTPFields()
            headers[.ifNoneMatch] = etag
            let again = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(again.status == .notModified)
            let head = try await client.execute(uri: "/explorer.js", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            #expect(try await client.execute(uri: "/missing.js", method: .get).status == .notFound)
        }
    }

    @Test func thePageHoldsNoInlineScriptOrStyleAndLoadsNothingFromElsewhere() throws {
        let web = ScenarioFixture.repository.appendingPathComponent("Sources/PitstopServer/Web")
        let html = try String(contentsOf: web.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script>") && !html.contains("style=") && !html.contains("<style"))
        for name in try FileManager.default.contentsOfDirectory(atPath: web.path) where !name.hasSuffix(".yaml") {
            let source = try String(contentsOf: web.appendingPathComponent(name), encoding: .utf8)
            #expect(!source.contains("http://") || name == "favicon.svg" || name == "dom.js", "\(name) reaches out")
            #expect(!source.contains("https://"), "\(name) reaches out")
            #expect(!source.contains("innerHTML") && !source.contains("outerHTML =") && !source.contains("insertAdjacentHTML"),
                    "\(name) writes HTML from text")
        }
    }

    @Test func theOpenAPIDocumentIsServedAsItIsInDocs() async throws {
        let docs = try Data(contentsOf: ScenarioFixture.repository.appendingPathComponent("docs/openapi.yaml"))
        try await application(try fixture.explorer()).test(.router) { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
            #expect(Data(response.body.readableBytesView) == docs)
        }
    }

    @Test func theListingNamesEveryScenarioFileWithItsBaseAndItsErrors() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let response = try await client.execute(uri: "/api/scenarios", method: .get)
            #expect(response.status == .ok)
            let scenarios = try #require(try object(response)["scenarios"] as? [[String: Any]])
            #expect(scenarios.map { $0["id"] as? String } == ["broken.yaml", "little-open-longer.yaml", "little.yaml"])
            #expect(scenarios[0]["errors"] as? Int == 1)
            #expect(scenarios[1]["extends"] as? String == "little.yaml")
            #expect(scenarios[1]["name"] as? String == "Little library, branch open on Fridays")
            #expect(scenarios[2]["errors"] as? Int == 0)
        }
    }

    @Test func aScenarioComesWithItsControlsFiguresAndDiagrams() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let response = try await client.execute(uri: "/api/scenarios/little.yaml?lang=da", method: .get)
            #expect(response.status == .ok)
            let view = try object(response)
            #expect(view["name"] as? String == "Little library")
            let controls = try #require(view["controls"] as? [String: Any])
            let people = try #require(controls["people"] as? [[String: Any]])
            #expect(people.map { $0["path"] as? String } == ["staff.director.unit", "staff.head-main.unit", "staff.anna.unit", "staff.educator.unit"])
            let groups = try #require(controls["groups"] as? [[String: Any]])
            #expect(groups.first?["count"] as? Int == 3 && groups.first?["count_path"] as? String == "staff.lib-main.count")
            let sites = try #require(controls["sites"] as? [[String: Any]])
            let branchDays = try #require(sites.last?["days"] as? [[String: Any]])
            #expect(branchDays.map { $0["hours"] as? String }
                == ["13:00-18:00", "13:00-18:00", "13:00-18:00", "13:00-18:00", "closed", "closed", "closed"])
            #expect(branchDays[0]["path"] as? String == "sites.branch.staffed_hours.mon")
            let perspectives = try #require(controls["perspectives"] as? [[String: Any]])
            #expect(perspectives.map { $0["id"] as? String } == ["private", "citizen"])
            #expect((perspectives[0]["share"] as? Double).map { abs($0 - 0.3) < 1e-9 } == true)
            let patience = try #require(controls["patience"] as? [String: Any])
            #expect(patience["value"] is NSNull)  // exp(10) and never: they differ
            let chart = try #require(view["org_chart"] as? String)
            #expect(chart.hasPrefix("<svg") && chart.contains("id=\"view-org-") && !chart.contains("<script"))
            #expect((view["floor_maps"] as? [[String: Any]])?.count == 2)
            let figures = try #require(view["figures"] as? [String: Any])
            #expect(figures["positions"] as? Int == 7)
        }
    }

    @Test func anUnknownScenarioIs404WithASuggestionAndABrokenOneIs422WithItsDiagnostics() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let missing = try await client.execute(uri: "/api/scenarios/litle.yaml", method: .get)
            #expect(missing.status == .notFound)
            #expect(try errorMessage(missing).contains("did you mean 'little.yaml'?"))
            let broken = try await client.execute(uri: "/api/scenarios/broken.yaml", method: .get)
            #expect(broken.status == .unprocessableContent)
            let error = try #require(try object(broken)["error"] as? [String: Any])
            let diagnostics = try #require(error["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.first?["location"] as? String == "broken.yaml:6:31")
            #expect((diagnostics.first?["message"] as? String)?.contains("reversed time range") == true)
            let badLanguage = try await client.execute(uri: "/api/scenarios/little.yaml?lang=fr", method: .get)
            #expect(badLanguage.status == .badRequest)
        }
    }

    @Test func aCheckReportsEveryProblemAtItsSetAndListsWhatChanged() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let good = try await client.execute(uri: "/api/check", method: .post, body: body(
                #"{"scenario": "little.yaml", "sets": ["staff.anna.unit=main-team", "staff.lib-main.count=2"]}"#))
            #expect(good.status == .ok)
            let answer = try object(good)
            #expect(answer["ok"] as? Bool == true)
            let changes = try #require(answer["changes"] as? [[String: Any]])
            #expect(changes.map { $0["path"] as? String } == ["staff.anna.unit", "staff.lib-main.count"])
            #expect(changes[1]["from"] as? String == "3" && changes[1]["to"] as? String == "2")

            let bad = try await client.execute(uri: "/api/check", method: .post, body: body(
                #"{"scenario": "little.yaml", "sets": ["staff.anna.unit=main-team", "staff.anan.unit=main-team", "sites.main.staffed_hours.sat=19:00-10:00"]}"#))
            #expect(bad.status == .ok)
            let problems = try object(bad)
            #expect(problems["ok"] as? Bool == false)
            let diagnostics = try #require(problems["diagnostics"] as? [[String: Any]])
            let errors = diagnostics.filter { $0["severity"] as? String == "error" }
            #expect(errors.map { $0["set"] as? Int } == [2, 3])
            #expect(errors[0]["location"] as? String == "--set 2:7")
            #expect((errors[0]["notes"] as? [String])?.contains("did you mean 'anna'?") == true)
        }
    }

    @Test func aRunComparesTheWhatIfWithItsBaselineAndARepeatComesFromTheCache() async throws {
        let explorer = try fixture.explorer()
        let request = #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=2", "staff.anna.unit=main-team"], "ticket": "test-ticket-1"}"#
        try await application(explorer).test(.router) { client in
            let first = try await client.execute(uri: "/api/runs", method: .post, body: body(request))
            #expect(first.status == .ok, "\(text(first).prefix(300))")
            #expect(first.headers[HTTPField.Name("X-Pitstop-Cache")!] == "miss")
            let result = try object(first)
            let settings = try #require(result["settings"] as? [String: Any])
            #expect(settings["replications"] as? Int == 3 && settings["days"] as? Int == 2 && settings["full"] as? Bool == false)
            #expect(result["command"] as? String == "pitstop compare little.yaml little-whatif.yaml --replications 3 --days 2")
            let kpis = try #require(result["kpis"] as? [[String: Any]])
            let cost = try #require(kpis.first { $0["key"] as? String == "annual_staff_cost" })
            #expect(cost["verdict"] as? String == "better")
            let difference = try #require(cost["difference"] as? [String: Any])
            #expect(difference["mean"] as? Double == -520_000)
            let org = try #require(result["org_changes"] as? [String: Any])
            #expect((org["removed"] as? [Any])?.count == 1 && (org["moved"] as? [[String: Any]])?.first?["name"] as? String == "Anna Berg")
            let chart = try #require(result["org_chart"] as? String)
            #expect(chart.contains("MOVED") && chart.contains("REMOVED"))
            #expect((result["heat_maps"] as? [[String: Any]])?.count == 2)
            let hourly = try #require(result["hourly"] as? [[String: Any]])
            #expect(hourly.map { $0["name"] as? String } == ["Hovedbiblioteket", "Filialen"])
            #expect((hourly[0]["dialogues"] as? String)?.contains("Dialogues by hour of day — Hovedbiblioteket") == true)
            #expect((hourly[0]["occupancy"] as? String)?.contains("Persons present by hour of day") == true)
            #expect((result["what_if"] as? [String: Any])?["name"] as? String == "Little library (what-if)")

            let progress = try await client.execute(uri: "/api/progress/test-ticket-1", method: .get)
            let entry = try object(progress)
            #expect(entry["state"] as? String == "done" && entry["done"] as? Int == 6 && entry["total"] as? Int == 6)

            let again = try await client.execute(uri: "/api/runs", method: .post, body: body(request))
            #expect(again.headers[HTTPField.Name("X-Pitstop-Cache")!] == "hit")
            #expect(again.body == first.body)
            // The same what-if written in another order is the same run.
            let reordered = try await client.execute(uri: "/api/runs", method: .post, body: body(
                #"{"scenario": "little.yaml", "sets": ["staff.anna.unit=main-team", "staff.lib-main.count=2"]}"#))
            #expect(reordered.headers[HTTPField.Name("X-Pitstop-Cache")!] == "hit")
        }
    }

    @Test func theSameRunGivesTheSameBytesWhateverTheNumberOfWorkers() async throws {
        let request = #"{"scenario": "little.yaml", "baseline": "little-open-longer.yaml", "sets": ["simulation.demand_scale=1.5"]}"#
        var bodies: [String] = []
        for workers in [1, 2] {
            let explorer = try fixture.explorer { $0.workers = workers }
            bodies.append(try await application(explorer).test(.router) { client in
                let response = try await client.execute(uri: "/api/runs", method: .post, body: body(request))
                #expect(response.status == .ok)
                return text(response)
            })
        }
        #expect(bodies[0] == bodies[1])
        #expect(bodies[0].contains("\"name\": \"Little library, branch open on Fridays\""))
    }

    @Test func aBaselineIsSimulatedOnceForManyWhatIfsAndGivesTheSameAnswer() async throws {
        let first = #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=2"]}"#
        let second = #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=4"]}"#
        let explorer = try fixture.explorer()
        let afterAnother = try await application(explorer).test(.router) { client in
            #expect(try await client.execute(uri: "/api/runs", method: .post, body: body(first)).status == .ok)
            #expect(explorer.simulations.count == 2)
            let response = try await client.execute(uri: "/api/runs", method: .post, body: body(second))
            #expect(explorer.simulations.count == 3)  // the baseline once, and each what-if
            return text(response)
        }
        let alone = try await application(try fixture.explorer()).test(.router) { client in
            text(try await client.execute(uri: "/api/runs", method: .post, body: body(second)))
        }
        #expect(afterAnother == alone)
    }

    @Test func aRunOfAWhatIfThatDoesNotLoadIs422WithTheDiagnostics() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let response = try await client.execute(uri: "/api/runs", method: .post, body: body(
                #"{"scenario": "little.yaml", "sets": ["staff.lib-main.count=many"]}"#))
            #expect(response.status == .unprocessableContent)
            let error = try #require(try object(response)["error"] as? [String: Any])
            let diagnostics = try #require(error["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.first?["set"] as? Int == 1)
            let unknown = try await client.execute(uri: "/api/runs", method: .post, body: body(#"{"scenario": "nope.yaml"}"#))
            #expect(unknown.status == .notFound)
            let baseline = try await client.execute(uri: "/api/runs", method: .post, body: body(
                #"{"scenario": "little.yaml", "baseline": "broken.yaml"}"#))
            #expect(baseline.status == .unprocessableContent)
        }
    }

    @Test func progressOfAnUnknownTicketIsUnknownAndABadTicketIs400() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            let unknown = try await client.execute(uri: "/api/progress/never-seen-1234", method: .get)
            #expect(try object(unknown)["state"] as? String == "unknown")
            #expect(try await client.execute(uri: "/api/progress/short", method: .get).status == .badRequest)
        }
    }

    @Test func aSavedWhatIfValidatesBesideItsScenarioAndGivesTheWhatIf() async throws {
        let explorer = try fixture.explorer()
        let sets = ["staff.anna.unit=main-team", "sites.branch.staffed_hours.sat=10:00-16:00", "personas.*.dialogue.patience=exp(5)"]
        let request = WhatIfRequest(scenario: "little.yaml", baseline: "little-open-longer.yaml", sets: sets)
        let payload = String(decoding: try JSONEncoder().encode(EncodableRequest(request)), as: UTF8.self)
        try await application(explorer).test(.router) { client in
            let response = try await client.execute(uri: "/api/whatif/save", method: .post, body: body(payload))
            #expect(response.status == .ok)
            let saved = try object(response)
            #expect(saved["file_name"] as? String == "little-whatif.yaml")
            let yaml = try #require(saved["text"] as? String)
            #expect(yaml.contains("extends: \"little.yaml\""))
            #expect(yaml.contains("#   pitstop compare little-open-longer.yaml little-whatif.yaml --replications 3 --days 2"))
            try fixture.write(yaml, to: "little-whatif.yaml")
            let loaded = ScenarioLoader.load(path: fixture.folder.appendingPathComponent("little-whatif.yaml").path)
            #expect(!loaded.hasErrors)
            #expect(!loaded.diagnostics.contains { $0.severity == .warning }, "\(loaded.renderedDiagnostics)")
            let direct = ScenarioLoader.load(path: fixture.folder.appendingPathComponent("little.yaml").path, sets: sets)
            var expected = try #require(direct.scenario)
            expected.name = "Little library (what-if)"
            #expect(loaded.scenario == expected)

            let opened = try await client.execute(uri: "/api/whatif/open", method: .post, body: body(
                String(decoding: try JSONEncoder().encode(["text": yaml]), as: UTF8.self)))
            #expect(opened.status == .ok)
            let back = try object(opened)
            #expect(back["scenario"] as? String == "little.yaml")
            #expect(back["sets"] as? [String] == sets)
        }
    }

    @Test func openingRefusesWhatIfsOfOtherFoldersAndOverlaysWithOtherKeys() async throws {
        try await application(try fixture.explorer()).test(.router) { client in
            func open(_ yaml: String) async throws -> TestResponse {
                try await client.execute(uri: "/api/whatif/open", method: .post, body: body(
                    String(decoding: try JSONEncoder().encode(["text": yaml]), as: UTF8.self)))
            }
            for outside in ["../scenarios/little.yaml", "/etc/passwd", "..%2flittle.yaml", "elsewhere.yaml"] {
                let response = try await open("extends: \(outside)\nset: []\n")
                #expect(response.status == .unprocessableContent, "\(outside)")
                #expect(try errorMessage(response).contains("not a scenario of the served folder"))
            }
            let overlay = try await open("extends: little.yaml\nstaff:\n  - { id: anna, fte: 1 }\n")
            #expect(overlay.status == .unprocessableContent)
            #expect(try errorMessage(overlay).contains("'staff'"))
            #expect(try await open("extends: [a\n").status == .unprocessableContent)
            #expect(try await open("set: []\n").status == .unprocessableContent)
        }
    }
}

/// `WhatIfRequest` as a client sends it.
struct EncodableRequest: Encodable {
    let scenario: String
    let baseline: String?
    let sets: [String]?

    init(_ request: WhatIfRequest) {
        scenario = request.scenario
        baseline = request.baseline
        sets = request.sets
    }
}

/// The hourly chart per site is the simulation's results by site and hour, as a mean day.
@Suite struct RunResultTests {
    @Test func theHoursOfTheMeanDayAddUpToTheSitesDialoguesPerDay() throws {
        let fixture = try ScenarioFixture()
        let explorer = try fixture.explorer { $0.interactiveDays = 9 }  // weekdays unevenly: 2 Mondays and Tuesdays
        let run = try explorer.prepare(WhatIfRequest(scenario: "little.yaml", sets: ["simulation.demand_scale=2"]))
        let study = ComparisonStudy.run(
            [run.baseline, run.whatIf.scenario], files: ["little.yaml", "little-whatif.yaml"], options: run.options,
            language: .en)
        let result = RunResult(run: run, study: study, input: try study.reportInput())
        let hourly = result.hourlyDialogues
        #expect(hourly.map(\.site) == ["Hovedbiblioteket", "Filialen"])
        for (s, site) in ["main", "branch"].enumerated() {
            for (i, results) in study.results.enumerated() {
                let served = try #require(results.sites[site]?["dialogues_served"]?.mean)
                let asked = try #require(results.sites[site]?["dialogues_requested"]?.mean)
                #expect(abs(hourly[s].served[i].reduce(0, +) - served) < 1e-6, "\(site) \(i)")
                #expect(abs(hourly[s].requested[i].reduce(0, +) - asked) < 1e-6, "\(site) \(i)")
            }
        }
        #expect(hourly[0].requested[1].reduce(0, +) > 1.5 * hourly[0].requested[0].reduce(0, +))
    }
}
