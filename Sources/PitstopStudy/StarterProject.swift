/// The files `pitstop init` writes: a small, commented scenario that loads without a
/// warning, a what-if overlay on it, a sweep, and a README — each YAML file naming the
/// JSON Schema beside it on its first line, for completion and inline errors in an editor.
public enum StarterProject {
    /// The files, in the order they are listed; `schemas` are (file name, JSON) pairs
    /// written beside them.
    public static func files(schemas: [(name: String, json: String)]) -> [OutputFile] {
        [
            OutputFile(name: "library.yaml", text: library),
            OutputFile(name: "one-more-librarian.yaml", text: whatIf),
            OutputFile(name: "librarians.sweep.yaml", text: sweep),
            OutputFile(name: "README.md", text: readme),
        ] + schemas.map { OutputFile(name: $0.name, text: $0.json) }
    }

    static let library = """
        # yaml-language-server: $schema=scenario.schema.json
        # A small library to start from: one building with three zones, a leader forum, two
        # units, six positions and two kinds of visitors. Change anything; `pitstop validate
        # library.yaml` checks it, with every problem at its line and column.
        # Replace the people with your own: pitstop import hr.csv --extends library.yaml --out people.yaml
        # Replace the visitor numbers with your door counts: pitstop calibrate counts.csv --extends library.yaml
        format: 1
        name: Mit bibliotek
        currency: DKK
        week_hours: 37                      # contracted hours a week at fte 1.0

        perspectives:                       # how visitors are grouped
          - id: private
            name: Det private menneske
            colour: "#E07A5F"               # quoted: an unquoted # starts a comment
          - id: citizen
            name: Borgeren

        competences:                        # what staff hold and dialogues need
          - id: childrens-lit
            name: Børnelitteratur
          - id: reference
            name: Referencearbejde

        sites:
          - id: main
            name: Hovedbiblioteket
            staffed_hours: { mon-fri: "10:00-18:00", sat: "10:00-14:00" }   # staff on duty
            open_hours: { daily: "08:00-21:00" }                            # self-service
            floor: { width: 40, depth: 20 }                                 # metres
            zones:                                                          # must not overlap
              - { id: entrance, name: Indgang, at: [0, 0], size: [10, 20] }
              - { id: family, name: Børnefamiliens pitstop, perspective: private, capacity: 30, at: [10, 0], size: [15, 20] }
              - { id: desk, name: Borgerservice, perspective: citizen, capacity: 10, at: [25, 0], size: [15, 20] }
            links: [[entrance, family], [entrance, desk]]

        organisation:
          name: Mit bibliotek
          leader_forum:
            name: Lederforum
            chair: director                 # the top of the reporting tree
            members: [head-family, head-citizen]
          units:
            - id: family-team
              name: Børn og familier
              perspective: private
              lead: head-family
              covers: [{ site: main, zones: [family, entrance] }]   # the zones it staffs
            - id: citizen-team
              name: Borgerservice
              perspective: citizen
              lead: head-citizen
              covers: [{ site: main, zones: [desk] }]

        staff:                              # cost: the fully loaded yearly cost of the position
          - id: director                    # (pay + pension, holiday pay and other employer costs)
            name: Dorte Dahl
            title: Biblioteksleder
            cost: 900000
          - id: head-family
            name: Anna Berg
            title: Teamleder
            unit: family-team
            cost: 650000
            competences: [childrens-lit]
          - id: head-citizen
            name: Bo Holm
            title: Teamleder
            unit: citizen-team
            cost: 650000
            competences: [reference]
          - id: librarian                   # a group: librarian-1, librarian-2
            title: Bibliotekar
            count: 2
            unit: family-team
            fte: 0.8
            cost: 520000
            competences: [childrens-lit, reference]
          - id: adviser
            name: Carl Juul
            title: Borgerrådgiver
            unit: citizen-team
            cost: 540000
            competences: [reference]

        staffing:
          floor_share: 0.6                  # share of contracted hours on the floor
          rules:                            # a rota is generated from these
            - { id: family-desk, site: main, zone: family, min_staff: 1 }
            - { id: citizen-desk, site: main, zone: desk, min_staff: 1 }
            - { id: welcome, site: main, zone: entrance, min_staff: 1, hours: { mon-fri: "14:00-18:00" } }

        personas:                           # the visitors
          - id: family
            name: Børnefamilien
            perspective: private
            visits_per_year: { main: 30000 }
            profile: afternoons
            route:
              - { zone: entrance, dwell: "const(1)" }
              - { zone: family, dwell: "lognormal(35, 25)" }
            dialogue: { p: 0.15, zone: family, competence: childrens-lit, duration: "exp(8)", patience: "exp(10)" }
          - id: errand
            name: Ærindet
            perspective: citizen
            visits_per_year: { main: 12000 }
            profile: office-hours
            route:
              - { zone: entrance, dwell: "const(1)" }
              - { zone: desk, dwell: "uniform(5, 15)" }
            dialogue: { p: 0.6, zone: desk, competence: reference, duration: "exp(12)", patience: "exp(15)" }

        profiles:                           # 24 hourly weights (hour 0 first) × day weights
          - id: afternoons
            hours: [0,0,0,0,0,0,0,0, 0.2,0.4,0.6,0.7,0.7,0.8,1.2,1.8,2.0,1.6,1.0,0.5,0.3, 0,0,0]
            days: { mon-fri: 1, sat: 1.6, sun: 0.9 }
          - id: office-hours
            hours: [0,0,0,0,0,0,0,0, 0.3,0.8,1.5,1.6,1.3,1.2,1.1,0.9,0.6,0.3,0.2,0.1,0.1, 0,0,0]
            days: { mon-fri: 1, sat: 0.3, sun: 0.1 }

        simulation:
          days: 28
          replications: 10
          seed: 2339

        """

    static let whatIf = """
        # yaml-language-server: $schema=scenario.schema.json
        # A what-if: the same library with a third librarian. An overlay names only what
        # changes: list items merge by id, so this changes the group's count and nothing else.
        # Compare: pitstop compare library.yaml one-more-librarian.yaml
        extends: library.yaml
        name: Mit bibliotek — en bibliotekar mere
        staff:
          - id: librarian
            count: 3

        """

    static let sweep = """
        # yaml-language-server: $schema=sweep.schema.json
        # A sweep: how many librarians keep 80 % of dialogues served, at the least cost?
        # Every variant runs on the same simulated visitors. Run: pitstop sweep librarians.sweep.yaml
        format: 1
        name: Hvor mange bibliotekarer?
        scenario: library.yaml
        parameters:
          - set: staff.librarian.count      # a --set path: the group's count
            values: [1, 2, 3, 4]
        design: grid
        simulation: { days: 14, replications: 10, seed: 2339 }
        target:
          minimise: annual_staff_cost
          require: ["served_share >= 0.80"]

        """

    static let readme = """
        # Mit bibliotek — a Pitstop starter

        | file | what it is |
        | --- | --- |
        | `library.yaml` | the scenario: one site with zones, a leader forum, two units, staff, visitors |
        | `one-more-librarian.yaml` | a what-if overlay on it: one more librarian |
        | `librarians.sweep.yaml` | a sweep: how many librarians, at least cost, for 80 % served |
        | `scenario.schema.json`, `sweep.schema.json` | JSON Schemas for completion and inline errors in an editor |

        ```sh
        pitstop validate library.yaml one-more-librarian.yaml
        pitstop compare library.yaml one-more-librarian.yaml
        pitstop draw library.yaml
        pitstop import hr.csv --extends library.yaml --out people.yaml      # your own people
        pitstop calibrate counts.csv --extends library.yaml --out demand.yaml   # your door counts
        ```

        Editors: install a YAML extension that uses yaml-language-server (VS Code: "YAML" by
        Red Hat); the first line of each file names its schema.

        """
}
