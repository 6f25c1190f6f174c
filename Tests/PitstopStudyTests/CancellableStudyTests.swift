import Foundation
import PitstopReport
import PitstopSimulation
import PitstopStudy
import Testing

/// The hooks the explorer needs from the study library: a simulation that can be cancelled
/// between replications, a comparison of results kept, and the report's input without the
/// report.
@Suite struct CancellableStudyTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    let options = RunOptions(days: 1, warmupDays: 0, replications: 2, seed: 1, jobs: 1)

    func scenarios() throws -> ([String], LoadedScenarios) {
        let paths = ["Scenarios/traditional.yaml", "Scenarios/pitstop.yaml"].map { Self.root.appendingPathComponent($0).path }
        let loaded = LoadedScenarios.load(paths)
        try #require(!loaded.hasErrors)
        return (paths, loaded)
    }

    @Test func aCancelledSimulationThrowsCancelled() throws {
        let (_, loaded) = try scenarios()
        #expect(throws: StudyError.cancelled) {
            try SimulationStudy.run(loaded.scenarios[0], options: options, isCancelled: { true })
        }
        let finished = try SimulationStudy.run(loaded.scenarios[0], options: options, isCancelled: { false })
        #expect(finished.json == SimulationStudy.run(loaded.scenarios[0], options: options).json)
    }

    @Test func aComparisonOfResultsKeptIsTheOneThatSimulatesThem() throws {
        let (paths, loaded) = try scenarios()
        let plain = ComparisonStudy.run(loaded.scenarios, files: paths, options: options, language: .en)
        let kept = loaded.scenarios.map { SimulationStudy.run($0, options: options).results }
        let study = ComparisonStudy(loaded.scenarios, files: paths, results: kept, options: options, language: .en)
        #expect(study.json() == plain.json())
        #expect(study.names == plain.names)
    }

    @Test func theReportInputIsTheOneTheReportIsMadeFrom() throws {
        let (paths, loaded) = try scenarios()
        let study = ComparisonStudy.run(loaded.scenarios, files: paths, options: options, language: .da)
        let report = try study.outputs().input
        #expect(try study.reportInput(pagesAndJourneys: true) == report)
        // What the explorer asks for: the same without the org chart pages and the journeys.
        #expect(!report.journeys.isEmpty && report.orgChartPages.contains { !$0.isEmpty })
        // The journeys say what they are in the report's own words (Danish here).
        #expect(report.journeys.allSatisfy { $0.svg.contains("gentagelser") && $0.svg.contains("gennemsnit pr. dag") })
        var lean = report
        lean.journeys = []
        lean.orgChartPages = report.orgChartPages.map { _ in [] }
        #expect(try study.reportInput() == lean)
    }
}
