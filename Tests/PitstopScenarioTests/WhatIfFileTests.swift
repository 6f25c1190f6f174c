import PitstopModel
import Testing

@testable import PitstopScenario

/// Reading a saved what-if — what it extends and its `set:` list — from its text alone.
@Suite struct WhatIfFileTests {
    @Test func aSavedWhatIfGivesItsBaseItsNameAndItsSetsInOrder() throws {
        let text = """
            # saved by the explorer
            format: 1
            extends: "pitstop.yaml"
            name: "Pitstop (what-if)"
            set:
              - "staff.anna.unit=citizen-team"
              - 'sites.main.staffed_hours.sat="10:00-16:00"'
              - staff.student-main.count=3
            """
        let read = WhatIfFile.read(yaml: text, file: "w.yaml")
        let whatIf = try #require(read.whatIf)
        #expect(whatIf.extends == "pitstop.yaml")
        #expect(whatIf.name == "Pitstop (what-if)")
        #expect(whatIf.sets == ["staff.anna.unit=citizen-team", "sites.main.staffed_hours.sat=\"10:00-16:00\"",
                                "staff.student-main.count=3"])
        #expect(whatIf.otherKeys.isEmpty)
        #expect(read.diagnostics.isEmpty)
    }

    @Test func changesWrittenAsAnOverlayAreNamed() throws {
        let read = WhatIfFile.read(yaml: "extends: a.yaml\nstaff:\n  - { id: x, count: 2 }\nset: []\n", file: "w.yaml")
        #expect(try #require(read.whatIf).otherKeys == ["staff"])
    }

    @Test func aSetListThatIsNotAListOfTextIsAnErrorAtItsPlace() {
        let read = WhatIfFile.read(yaml: "extends: a.yaml\nset:\n  - [a, b]\n", file: "w.yaml")
        #expect(read.whatIf == nil)
        #expect(read.diagnostics.map(\.rendered) == ["w.yaml:3:5: error: each item of 'set' must be text PATH=VALUE, found a list"])
    }

    @Test func hostileTextIsRefusedWithoutOpeningAnything() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
        let read = WhatIfFile.read(yaml: bomb, file: "w.yaml")
        #expect(read.whatIf == nil)
        #expect(read.diagnostics.contains { $0.severity == .error })
        #expect(WhatIfFile.read(yaml: "- a\n- b\n", file: "w.yaml").whatIf == nil)
    }
}
