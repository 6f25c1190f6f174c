// The libFuzzer target (issue 9): arbitrary bytes loaded as a scenario file and, when they
// validate, everything a scenario reaches after validation — the simulation (1 day × 2
// replications), its JSON, CSVs and text summary, the inspection, and the DOT of every
// diagram (org charts in each style, its pages, the org diff, floor maps with and without
// the simulated heat, journeys with the simulated figures). No Graphviz layout: the DOT is
// ours, the layout is the C library's.
//
// Built only by `make fuzz` (PITSTOP_FUZZ=1 adds this target to Package.swift, in the
// scratch folder .build-fuzz), never by `swift build` or `swift test`. docs/testing.md.

#if canImport(Glibc)
import Glibc
#endif
import CFuzzEntry
import Foundation
import PitstopDiagrams
import PitstopModel
import PitstopScenario
import PitstopSimulation
import PitstopStudy

/// A folder of its own for each fuzzing process: the input is written there as a file (so
/// the loader reads bytes as `pitstop validate` does, invalid UTF-8 included), next to the
/// bases the seed corpus `extends`.
private let workFolder: String = {
    let folder = NSTemporaryDirectory() + "pitstop-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    // Bases of the seeds: `extends: library-base.yaml`, `extends: base.yaml`, `extends: pitstop.yaml`.
    for base in ["Scenarios/library-base.yaml", "Scenarios/pitstop.yaml", "Tests/PitstopScenarioTests/Fixtures/overlays/base.yaml"] {
        let source = root.appendingPathComponent(base).path
        let target = folder + "/" + URL(fileURLWithPath: base).lastPathComponent
        try? FileManager.default.removeItem(atPath: target)
        try? FileManager.default.copyItem(atPath: source, toPath: target)
    }
    atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "pitstop-fuzz-\(getpid())") }
    return folder
}()

/// Simulated visits a day above which the harness draws but does not simulate: such a
/// scenario is valid and runs (the limits allow it, `make bench` measures scale), but a
/// fuzzer that spends minutes on one input finds nothing else meanwhile.
private let simulatedVisitsPerDayLimit = 50_000.0

@_cdecl("LLVMFuzzerTestOneInput")
public func pitstopFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = workFolder + "/input.yaml"
    guard let file = fopen(path, "wb") else { return 0 }
    if size > 0 { fwrite(data, 1, size, file) }
    fclose(file)

    let loaded = ScenarioLoader.load(path: path)
    for diagnostic in loaded.diagnostics { _ = diagnostic.rendered }
    guard let scenario = loaded.scenario else { return 0 }
    exercise(scenario)
    return 0
}

/// Everything after validation, as `simulate`, `inspect`, `draw --format dot` and `compare` do it.
private func exercise(_ scenario: Scenario) {
    let metrics = OrgMetrics(scenario)
    let inspect = InspectReport(metrics)
    _ = inspect.json()
    _ = inspect.text(scenario)
    _ = scenario.inputChanges(to: scenario)

    var study: SimulationStudy?
    let demand = ExpectedDemand(scenario)
    let visitsPerDay = demand.arrivals.reduce(0) { $0 + $1.perWeek } / 7
    if visitsPerDay.isFinite, visitsPerDay <= simulatedVisitsPerDayLimit {
        let options = RunOptions(days: 1, warmupDays: 0, replications: 2, seed: scenario.simulation.seed, jobs: 1)
        let run = SimulationStudy.run(scenario, options: options)
        for file in run.files { _ = file.bytes.count }
        _ = run.text(.en)
        _ = run.text(.da)
        _ = PairedDifference.compare(baseline: run.results, other: run.results)
        study = run
    }

    for options in [
        OrgChartOptions(), OrgChartOptions(groupBy: .site), OrgChartOptions(detail: .units),
        OrgChartOptions(style: .tree, stackThreshold: 2), OrgChartOptions(page: .a4Landscape, language: .da),
    ] {
        _ = OrgChart.dot(scenario, options: options)
    }
    _ = OrgChart.pages(scenario)
    _ = OrgDiffChart.dot(baseline: scenario, other: scenario)

    for site in scenario.sites {
        _ = FloorMap.dot(site: site, in: scenario)
        if let results = study?.results {
            _ = FloorMap.dot(site: site, in: scenario, overlay: heat(site: site, results), language: .da)
        }
    }
    let figures = study.map { JourneyFigures(kpiMeans: $0.results.personas.mapValues { $0.mapValues(\.mean) }) }
    for perspective in JourneyChart.perspectives(in: scenario) {
        _ = JourneyChart.dot(scenario, perspective: perspective.id, results: figures)
    }
}

/// The heat overlay `compare` draws: each zone's busiest hour as a share of its capacity, and the walks.
private func heat(site: Site, _ results: SimulationResults) -> FloorMapOverlay {
    var values: [String: Double] = [:]
    for zone in site.zones {
        let key = "\(site.id)/\(zone.id)"
        guard let capacity = zone.capacity.limit, capacity > 0,
            let busiest = results.hourlyOccupancy[key]?.max() ?? results.zones[key]?["occupancy_mean"]?.mean
        else { continue }
        values[zone.id] = busiest / Double(capacity)
    }
    return FloorMapOverlay(zoneValues: values, title: "Heat", flows: results.flows[site.id] ?? [:])
}
