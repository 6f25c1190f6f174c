// render-bench: memory and speed of in-process Graphviz rendering (not a test).
//
//   render-bench leakcheck N   render N org charts of a ~60-person organisation in one
//                              process; print VmRSS after 10, 50, 100, 150, … and N renders
//                              and the growth per render between the 10th and the last.
//   render-bench bench N [--no-stack]
//                              an organisation of N people: write its org chart's DOT to a
//                              temporary file, time one in-process render to SVG, then
//                              `dot -Tsvg` on the same file; print both in ms and the ratio.
//                              The tree style: teams over 6 stacked in list boxes;
//                              --no-stack draws one box per person.
//   render-bench sample N DIR  write the org charts (DOT and SVG) of the generated
//                              N-person organisation to DIR, to look at them.
import Foundation
import GraphvizRendering
import PitstopDiagrams
import PitstopModel

/// A deterministic organisation of about `people` positions: a director, a leader forum of
/// division heads (perspective units spanning sites), teams of 4–14 under team leads, some
/// vacancies and part-timers.
func generatedScenario(people: Int) -> Scenario {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }
    let perspectives = [
        Perspective(id: "private", name: "Det private menneske", colour: "#E07A5F"),
        Perspective(id: "citizen", name: "Borgeren"),
        Perspective(id: "learner", name: "Den lærende"),
    ]
    let sites = (1...4).map { Site(id: "site-\($0)", name: $0 == 1 ? "Hovedbiblioteket" : "Filial \($0 - 1)") }
    let divisions = max(1, min(6, people / 40))
    var units: [PitstopModel.Unit] = []
    var staff = [StaffMember(id: "director", name: "Direktør Ærø", title: "Direktør", sites: ["site-1"])]
    var forum: [String] = []
    for d in 1...divisions {
        let perspective = perspectives[(d - 1) % perspectives.count].id
        let head = "head-\(d)"
        forum.append(head)
        units.append(PitstopModel.Unit(id: "div-\(d)", name: "Afdeling \(d) – \(perspectives[(d - 1) % 3].name)", perspective: perspective,
                          lead: head, covers: sites.prefix(2 + d % 3).map { Coverage(site: $0.id, zones: []) }))
        staff.append(StaffMember(id: head, name: "Leder \(d) Øst", title: "Afdelingsleder", unit: "div-\(d)"))
    }
    var team = 0
    while staff.count < people {
        team += 1
        let d = (team - 1) % divisions + 1
        let unit = "team-\(team)"
        let lead = "lead-\(team)"
        units.append(PitstopModel.Unit(id: unit, name: "Team \(team)", lead: lead, parent: "div-\(d)"))
        staff.append(StaffMember(id: lead, name: "Teamleder \(team)", title: "Teamleder", unit: unit,
                                 sites: ["site-\(team % 4 + 1)"]))
        let size = min(4 + next(11), people - staff.count)
        for m in 0..<size where staff.count < people {
            let vacant = next(12) == 0
            staff.append(StaffMember(
                id: "p-\(team)-\(m)", name: vacant ? nil : "Medarbejder \(team).\(m) Åberg", title: "Bibliotekar",
                unit: unit, fte: next(5) == 0 ? 0.8 : 1, competences: ["reference", "children-lit", "digital"].prefix(next(4)).map { $0 },
                sites: ["site-\((team + m) % 4 + 1)"], isVacant: vacant))
        }
    }
    return Scenario(
        name: "Generated \(people)", perspectives: perspectives,
        competences: [Competence(id: "reference", name: "Reference"), Competence(id: "children-lit", name: "Børn"),
                      Competence(id: "digital", name: "Digital")],
        sites: sites,
        organisation: Organisation(name: "Bibliotekerne", leaderForum: LeaderForum(name: "Lederforum", chair: "director", members: forum),
                                   units: units),
        staff: staff)
}

func residentKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("render-bench: " + message + "\n").utf8))
    exit(1)
}

func leakcheck(renders: Int) {
    let scenario = generatedScenario(people: 60)
    let dot = OrgChart.dot(scenario)
    let clusters = dot.components(separatedBy: "subgraph \"cluster").count - 1
    print("leakcheck: \(scenario.staff.count)-person org chart, \(clusters) clusters, \(dot.utf8.count) bytes of DOT, \(renders) renders")
    var checkpoints = Set([10, 50, renders])
    for n in stride(from: 100, to: renders, by: 50) { checkpoints.insert(n) }
    var first: (n: Int, kb: Int)?
    var last: (n: Int, kb: Int)?
    var size = 0
    for n in 1...max(renders, 1) {
        do {
            size = try Graphviz.render(dot: dot, format: .svg).count
        } catch {
            fail("\(error)")
        }
        if checkpoints.contains(n) {
            let kb = residentKB()
            if first == nil { first = (n, kb) }
            last = (n, kb)
            print("after \(n) renders: VmRSS \(kb) kB")
        }
    }
    if let first, let last, last.n > first.n {
        let growth = Double(last.kb - first.kb) / Double(last.n - first.n)
        print("SVG size: \(size) bytes")
        print(String(format: "growth per render (renders %d→%d): %.1f kB", first.n, last.n, growth))
        print(String(format: "growth_per_render_kb=%.1f", growth))
    }
}

func bench(people: Int, stack: Bool) {
    let scenario = generatedScenario(people: people)
    let buildStart = DispatchTime.now()
    let dot = OrgChart.dot(scenario, options: .init(style: .tree, stackThreshold: stack ? 6 : .max))
    let build = milliseconds(since: buildStart)
    let nodes = dot.split(separator: "\n").filter { $0.contains("\" [label=") }.count
    let clusters = dot.components(separatedBy: "subgraph \"cluster").count - 1
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("org.dot")
    let output = folder.appendingPathComponent("org.svg")
    do { try Data(dot.utf8).write(to: input) } catch { fail("cannot write \(input.path): \(error)") }
    print("bench: \(scenario.staff.count) people → \(nodes) nodes (\(stack ? "teams over 6 stacked" : "no stacking")), \(clusters) clusters, \(dot.utf8.count) bytes of DOT built in \(Int(build.rounded())) ms")

    // Warm up: create the context and load fonts, as a long-running process would have.
    _ = try? Graphviz.render(dot: "digraph { a [fontname=\"Arial\"] }", format: .svg)
    // Alternate the two paths so that both see the same machine load; report the medians.
    let rounds = max(1, Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 5)
    var libraryTimes: [Double] = [], cliTimes: [Double] = []
    var svg: [UInt8] = [], cliSVG: [UInt8] = []
    for round in 1...rounds {
        let start = DispatchTime.now()
        do { svg = try Graphviz.render(dot: dot, format: .svg) } catch { fail("\(error)") }
        libraryTimes.append(milliseconds(since: start))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tsvg", input.path, "-o", output.path]
        let cliStart = DispatchTime.now()
        do { try process.run() } catch { fail("cannot run dot: \(error)") }
        process.waitUntilExit()
        cliTimes.append(milliseconds(since: cliStart))
        guard process.terminationStatus == 0 else {
            fail("`dot` failed (status \(process.terminationStatus)); install it with `make bench-deps`")
        }
        cliSVG = (try? Data(contentsOf: output)).map { [UInt8]($0) } ?? []
        print(String(format: "round %d: library %.0f ms, dot -Tsvg %.0f ms", round, libraryTimes.last ?? 0, cliTimes.last ?? 0))
    }
    func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    let library = median(libraryTimes), cli = median(cliTimes)
    print(String(format: "library (in-process, warm context): median %.0f ms (min %.0f), %d bytes of SVG",
                 library, libraryTimes.min() ?? 0, svg.count))
    print(String(format: "dot -Tsvg (new process):            median %.0f ms (min %.0f), %d bytes of SVG",
                 cli, cliTimes.min() ?? 0, cliSVG.count))
    print(String(format: "ratio dot/library (medians): %.2f", cli / max(library, 0.001)))
    print("same SVG bytes: \(cliSVG == svg ? "yes" : "no")")
}

func sample(people: Int, folder: String) {
    let scenario = generatedScenario(people: people)
    let url = URL(fileURLWithPath: folder)
    do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for artifact in Diagram.orgCharts(scenario) {
            try Data(artifact.dot.utf8).write(to: url.appendingPathComponent(artifact.name + ".dot"))
            try Data(artifact.render(as: .svg)).write(to: url.appendingPathComponent(artifact.name + ".svg"))
            print(url.appendingPathComponent(artifact.name + ".svg").path)
        }
    } catch {
        fail("\(error)")
    }
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.dropFirst().first.flatMap { Int($0) }) {
case ("leakcheck", let n?) where n > 0: leakcheck(renders: n)
case ("bench", let n?) where n > 0: bench(people: n, stack: !arguments.contains("--no-stack"))
case ("sample", let n?) where n > 0 && arguments.count == 3: sample(people: n, folder: arguments[arguments.startIndex + 2])
default:
    FileHandle.standardError.write(Data("usage: render-bench leakcheck N | render-bench bench N [--no-stack] | render-bench sample N DIR\n".utf8))
    exit(64)
}
