import PitstopModel
import PitstopStudy
import Testing

/// Run settings from a command line are held to the same limits as a scenario file
/// (ScenarioLimits): a long run is refused before any memory is spent on it.
@Suite struct RunSettingsLimitTests {
    @Test func daysAndReplicationsBeyondTheirLimitsAreProblemsInTheWordsTyped() {
        #expect(RunSettings(days: 3_660, replications: 10_000).problems == [])
        #expect(
            RunSettings(days: 4_000, replications: 100_000).problems == [
                "--days must be at most 3660, found 4000", "--replications must be at most 10000, found 100000",
            ])
    }

    @Test func replicationsTimesDaysIsCheckedOnTheMergedSettings() {
        var scenario = Scenario(name: "S")
        scenario.simulation.days = 365
        #expect(throws: StudyError("5,000 replications × 365 days is 1,825,000 replication-days; the limit is 1,000,000")) {
            try RunSettings(replications: 5_000).runOptions(for: scenario)
        }
        #expect(throws: Never.self) { try RunSettings(replications: 2_000).runOptions(for: scenario) }
    }
}
