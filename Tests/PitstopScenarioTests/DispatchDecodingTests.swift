import PitstopModel
import Testing

@testable import PitstopScenario

@Suite struct DispatchDecodingTests {
    @Test func dispatchAndMaxWaitDecode() throws {
        let s = try #require(ScenarioLoader.load(yaml: minimalHeader + """
            staffing:
              dispatch: competence-first
              max_wait: 7.5
            """, path: "test.yaml").scenario)
        #expect(s.staffing.dispatch == .competenceFirst && s.staffing.maxWaitMinutes == 7.5)
        let plain = try #require(ScenarioLoader.load(yaml: minimalHeader, path: "test.yaml").scenario)
        #expect(plain.staffing.dispatch == .fcfs && plain.staffing.maxWaitMinutes == 10)
    }

    @Test func anUnknownPolicyOrAWaitOutOfRangeIsAnError() {
        expectDiagnostics(minimalHeader + """
            staffing:
              dispatch: 1️⃣competance-first
              max_wait: 2️⃣-1
            """, [
                .error("1️⃣", "unknown dispatch policy 'competance-first'",
                       notes: ["did you mean 'competence-first'?", "dispatch policies are fcfs and competence-first"]),
                .error("2️⃣", "'max_wait' must be between 0 and 1440 (minutes), found -1"),
            ])
    }
}
