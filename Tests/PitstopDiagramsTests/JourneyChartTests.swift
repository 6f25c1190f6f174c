import Foundation
import GraphvizRendering
import PitstopModel
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

/// The journeys of each user perspective's personas (the seed deck's "processes" slides).
@Suite struct JourneyChartTests {
    func svg(_ dot: String) throws -> SVGInspector {
        let (output, warnings) = try Graphviz.renderReportingWarnings(dot: dot, format: .svg)
        #expect(warnings.isEmpty, "Graphviz warned: \(warnings)")
        return try SVGInspector(output)
    }

    @Test func everyBundledPerspectiveNamesItsPersonasAndTheirPitstops() throws {
        let scenario = try SlideFitTests.load("Scenarios/pitstop.yaml")
        let perspectives = JourneyChart.perspectives(in: scenario)
        #expect(perspectives.map(\.id) == ["private", "citizen", "professional"])
        for perspective in perspectives {
            let parsed = try svg(JourneyChart.dot(scenario, perspective: perspective.id))
            let text = parsed.allTexts.joined(separator: " ")
            let personas = scenario.personas.filter { $0.perspective == perspective.id }
            #expect(!personas.isEmpty)
            for (index, persona) in personas.enumerated() {
                let lane = try #require(parsed.node("j\(index + 1)"), "\(persona.id)")
                #expect(lane.texts.first == persona.name)
                // Each step names its zone as it is called at the persona's busiest site.
                let site = try #require(persona.demand.sites.max { persona.demand.amount(at: $0) < persona.demand.amount(at: $1) })
                for (k, step) in persona.route.enumerated() {
                    let zone = try #require(scenario.site(site)?.zones.first { $0.id == step.zone })
                    let node = try #require(parsed.node("j\(index + 1)s\(k + 1)"))
                    #expect(node.texts.joined(separator: " ").contains(zone.name), "\(persona.id) step \(k + 1): \(zone.name)")
                }
                // The dialogue step says which competence it needs, by name.
                if let dialogue = persona.dialogue, let competence = dialogue.competence {
                    let name = try #require(scenario.competences.first { $0.id == competence }).name
                    #expect(text.contains(name), "\(persona.id): \(name)")
                }
            }
            #expect(parsed.groups.first?.texts.first == "Journeys: \(perspective.name)")
        }
    }

    @Test func stepsShowTheirChanceDwellAndTheDialogue() throws {
        let scenario = try SlideFitTests.load("Scenarios/pitstop.yaml")
        let dot = JourneyChart.dot(scenario, perspective: "private")
        let parsed = try svg(dot)
        // Den gravide: arrival, the family pitstop with the dialogue, then the café for 45 %.
        #expect(parsed.node("j1")?.texts.prefix(2) == ["Den gravide", "15200 visits a year"])
        #expect(parsed.node("j1s2")?.texts == [
            "Familie-pitstop", "stays ≈ 38 min", "Dialogue: 30 % of visits", "Sundhedsinformation og kildekritik",
            "takes ≈ 15 min · gives up after ≈ 15 min",
        ])
        #expect(try #require(declaration(of: "j1s2", in: dot)).contains("penwidth=2.6"))
        #expect(try #require(declaration(of: "j1s3", in: dot)).contains("style=\"rounded,filled,dashed\""))
        #expect(dot.contains("\"j1s2\" -> \"j1s3\" [label=<<FONT POINT-SIZE=\"9\"><B>45 %</B></FONT>>, style=dashed"))
        #expect(!dot.contains("\"j1s1\" -> \"j1s2\" [label"))
        // Lanes read top to bottom in file order.
        let text = String(decoding: try Graphviz.render(dot: dot, format: .svg), as: UTF8.self)
        func y(_ id: String) throws -> Double {
            let title = try #require(text.firstRange(of: "<title>\(id)</title>"))
            let match = try #require(text[title.upperBound...].firstMatch(of: /<text[^>]* y="([0-9.-]+)"/))
            return try #require(Double(match.1))
        }
        #expect(try y("j1") < y("j2") && y("j2") < y("j3") && y("j5") < y("j6"))
    }

    @Test func simulatedFiguresShowWhoWasServedWaitedOrGaveUp() throws {
        let scenario = try SlideFitTests.load("Scenarios/pitstop.yaml")
        let figures = JourneyFigures(kpiMeans: [
            "pregnant": ["visits": 45.25, "dialogues_requested": 13.6, "dialogues_served": 6.04, "wait_prob": 0.34,
                         "wait_mean_min": 2.44, "abandoned": 7.5],
        ], note: "means a day over 20 replications × 28 days")
        let parsed = try svg(JourneyChart.dot(scenario, perspective: "private", results: figures))
        #expect(parsed.node("j1")?.texts.contains("45.3 visits a day") == true)
        let step = try #require(parsed.node("j1s2")).texts
        #expect(step.contains("a day: 13.6 asked · 6 served · 7.5 gave up"))
        #expect(step.contains("34 % had to wait, 2.4 min on average"))
        #expect(parsed.groups.first?.texts.contains { $0.hasSuffix("means a day over 20 replications × 28 days") } == true)
        // Personas without figures keep their yearly visits.
        #expect(parsed.node("j2")?.texts.contains("8000 visits a year") == true)
    }

    @Test func inDanishEveryWordIsDanish() throws {
        let scenario = try SlideFitTests.load("Scenarios/pitstop.yaml")
        let figures = JourneyFigures(kpiMeans: ["lonely": ["visits": 60, "dialogues_requested": 18, "dialogues_served": 9,
                                                           "wait_prob": 0.5, "wait_mean_min": 4, "abandoned": 9]])
        let parsed = try svg(JourneyChart.dot(scenario, perspective: "private", results: figures, options: .init(language: .da)))
        let text = parsed.allTexts.joined(separator: " ")
        for word in ["Journeys", "visits", "stays", "Dialogue", "takes", "gives up", "asked", "served", "gave up", "had to wait", "persona "] {
            #expect(!text.contains(word), "\(word)")
        }
        #expect(parsed.groups.first?.texts.first == "Brugerrejser: Det private menneske")
        #expect(text.contains("Samtale: 30 % af besøgene"))
        #expect(text.contains("om dagen: 18 spurgte · 9 fik svar · 9 opgav"))
        #expect(text.contains("15.200 besøg om året"))
    }

    @Test func nodeIDsAreGeneratedAndTheOutputIsDeterministic() throws {
        let scenario = try SlideFitTests.load("Scenarios/pitstop.yaml")
        let dot = JourneyChart.dot(scenario, perspective: "citizen", options: .init(idPrefix: "jc"))
        #expect(dot == JourneyChart.dot(scenario, perspective: "citizen", options: .init(idPrefix: "jc")))
        let parsed = try svg(dot)
        #expect(parsed.nodes.count > 3)
        for node in parsed.nodes { #expect(node.title.wholeMatch(of: /j[0-9]+(s[0-9]+)?/) != nil, "\(node.title)") }
        #expect(parsed.groups.filter { $0.kind != "graph" }.allSatisfy { $0.id.hasPrefix("jc_") })
        #expect(try Graphviz.render(dot: dot, format: .svg) == Graphviz.render(dot: dot, format: .svg))
        // A perspective without personas draws its title only; an unknown one too.
        #expect(try svg(JourneyChart.dot(scenario, perspective: "nobody")).nodes.isEmpty)
    }

    /// Issue 9: whatever numbers reach a diagram, it draws (no `Int(…)` trap, no NaN in DOT).
    @Test func extremeNumbersDrawWithoutTrapping() throws {
        var scenario = TestScenarios.library
        scenario.personas = [
            Persona(id: "huge", name: "Stor", perspective: "private", demand: .visitsPerYear(["main": 1e308]),
                    route: [RouteStep(zone: "family", dwell: .triangular(min: 0, mode: 0, max: 1e160), p: 1e-300),
                            RouteStep(zone: "cafe", dwell: .constant(.infinity)), RouteStep(zone: "quiet", dwell: .constant(.nan))],
                    dialogue: Dialogue(p: .nan, zone: "family", competence: "nope", duration: .exponential(mean: 1e300),
                                       patience: .uniform(-1, .greatestFiniteMagnitude))),
        ]
        let figures = JourneyFigures(personas: ["huge": .init(visits: .infinity, dialoguesRequested: .nan, dialoguesServed: -1e300,
                                                              waitShare: 1e10, waitMeanMinutes: .nan, abandoned: 1e19)])
        for language in DiagramLanguage.allCases {
            let dot = JourneyChart.dot(scenario, perspective: "private", results: figures, options: .init(language: language))
            #expect(!dot.contains("nan") && !dot.contains("inf") && !dot.contains("e+"))
            _ = try svg(dot)
        }
        var staff = TestScenarios.library
        staff.staff[4].fte = 1e300
        staff.staff[5].fte = .nan
        _ = try svg(OrgChart.dot(staff))
        _ = try svg(OrgChart.dot(staff, options: .init(detail: .units)))
        #expect(OrgChart.pages(staff).count >= 1)
    }

    @Test func theJourneysFitASlide() throws {
        let scenario = try SlideFitTests.load("Scenarios/pitstop.yaml")
        #expect(JourneyChart.perspectives(in: scenario).count == 3)
        for perspective in JourneyChart.perspectives(in: scenario) {
            let m = try SlideFitTests.measure(try Graphviz.render(dot: JourneyChart.dot(scenario, perspective: perspective.id), format: .svg))
            #expect(m.aspect >= 1.3 && m.aspect <= 2.2, "\(perspective.id): \(m.width) × \(m.height)")
            #expect(m.smallestOnSlide >= PageShape.minimumLegiblePointSize, "\(perspective.id): \(m.smallestOnSlide)")
        }
    }
}
