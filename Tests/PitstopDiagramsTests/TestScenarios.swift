import PitstopModel

/// Scenarios built as Swift values (the YAML loader is tested elsewhere).
enum TestScenarios {
    static let awkwardName = #"Sagen "Ø" <\\srv\del> & Co &lt;ikke&gt; \N slut\"#

    /// A small library: three perspectives, three sites, a leader forum, two perspective
    /// units spanning sites, a site unit, a nested unit, a vacancy, a part-timer and a name
    /// with every character that needs escaping.
    static var library: Scenario {
        Scenario(
            name: "Pitstop-biblioteket",
            perspectives: [
                Perspective(id: "private", name: "Det private menneske", colour: "#E07A5F"),
                Perspective(id: "citizen", name: "Borgeren"),
                Perspective(id: "learner", name: "Den lærende", colour: "teal"),
            ],
            competences: [
                Competence(id: "reference", name: "Referencearbejde"),
                Competence(id: "children-lit", name: "Børnelitteratur"),
                Competence(id: "health-info", name: "Sundhedsinformation"),
                Competence(id: "digital", name: "Digital hjælp"),
            ],
            sites: [mainSite, branch(id: "branch-1", name: "Filial 1"), branch(id: "branch-2", name: "Filial 2 – Ørestad")],
            organisation: Organisation(
                name: "Bibliotekerne",
                leaderForum: LeaderForum(name: "Lederforum", chair: "director", members: ["head-private", "head-citizen", "head-main"]),
                units: [
                    Unit(id: "private-team", name: "Det private menneske", perspective: "private", lead: "head-private",
                         covers: [Coverage(site: "main", zones: ["family"]), Coverage(site: "branch-1", zones: ["family"]),
                                  Coverage(site: "branch-2", zones: ["family"])]),
                    Unit(id: "kids", name: "Børn & unge", lead: "kirsten", parent: "private-team"),
                    Unit(id: "citizen-team", name: "Borgeren", perspective: "citizen", lead: "head-citizen",
                         covers: [Coverage(site: "main", zones: ["citizen"]), Coverage(site: "branch-1", zones: ["family"])]),
                    Unit(id: "main-team", name: "Hovedbiblioteket", site: "main", lead: "head-main"),
                    Unit(id: "learning", name: "Læring", perspective: "learner", covers: [Coverage(site: "branch-2", zones: ["family"])]),
                ]),
            staff: [
                StaffMember(id: "director", name: "Jens Ærø", title: "Direktør", competences: ["reference"], sites: ["main"]),
                StaffMember(id: "head-private", name: "Åse Øster", title: "Leder", unit: "private-team"),
                StaffMember(id: "head-citizen", name: "Bo Ågård", title: "Leder", unit: "citizen-team", sites: ["branch-1"]),
                StaffMember(id: "head-main", name: "Mette Holm", title: "Områdeleder", unit: "main-team"),
                StaffMember(id: "anna", name: "Anna Holm", title: "Bibliotekar", unit: "private-team", fte: 0.8,
                            competences: ["children-lit", "health-info"], sites: ["branch-1", "main"]),
                StaffMember(id: "kirsten", name: "Kirsten Æbelø", title: "Børnebibliotekar", unit: "kids",
                            competences: ["children-lit"], sites: ["branch-2"]),
                StaffMember(id: "ulla", name: "Ulla Berg", title: "Pædagog", profession: "educator", unit: "kids", fte: 0.5),
                StaffMember(id: "odd", name: awkwardName, title: "Socialrådgiver", unit: "citizen-team",
                            competences: ["health-info", "digital", "reference", "children-lit"]),
                StaffMember(id: "social-worker", title: "Socialrådgiver", unit: "citizen-team", isVacant: true),
                StaffMember(id: "lib-main-1", title: "Bibliotekar", unit: "main-team", competences: ["reference"], group: "lib-main"),
                StaffMember(id: "lib-main-2", title: "Bibliotekar", unit: "main-team", competences: ["reference"], group: "lib-main"),
                StaffMember(id: "lib-main-3", title: "Bibliotekar", unit: "main-team", fte: 0.75, competences: ["reference"], group: "lib-main"),
                StaffMember(id: "hr", name: "Lise Lund", title: "HR-konsulent", manager: "director"),
            ])
    }

    static var mainSite: Site {
        Site(
            id: "main", name: "Hovedbiblioteket", floor: Floor(width: 60, depth: 40),
            zones: [
                Zone(id: "entrance", name: "Ankomst", capacity: .limited(30), at: Point(x: 24, y: 0), size: Point(x: 12, y: 8)),
                Zone(id: "family", name: "Børnefamiliens pitstop", perspective: "private", capacity: .limited(40),
                     at: Point(x: 0, y: 0), size: Point(x: 20, y: 12)),
                Zone(id: "citizen", name: "Borgerservice & \"Ø\"", perspective: "citizen", capacity: .limited(12),
                     at: Point(x: 40, y: 0), size: Point(x: 20, y: 12)),
                Zone(id: "quiet", name: "Læsesal", perspective: "learner", capacity: .limited(60), at: Point(x: 0, y: 24), size: Point(x: 30, y: 16)),
                Zone(id: "cafe", name: "Café", capacity: .unlimited, at: Point(x: 36, y: 24), size: Point(x: 24, y: 16)),
                Zone(id: "booth", name: "Samtalerum Østerbro", perspective: "private", capacity: .limited(2),
                     at: Point(x: 31, y: 14), size: Point(x: 3, y: 2.5)),
            ],
            links: [ZoneLink("entrance", "family"), ZoneLink("entrance", "citizen"), ZoneLink("entrance", "cafe"),
                    ZoneLink("family", "quiet"), ZoneLink("cafe", "quiet"), ZoneLink("booth", "cafe")])
    }

    static func branch(id: String, name: String) -> Site {
        Site(id: id, name: name, floor: Floor(width: 24, depth: 16),
             zones: [Zone(id: "family", name: "Pitstop", perspective: "private", capacity: .limited(15),
                          at: Point(x: 0, y: 0), size: Point(x: 24, y: 16))])
    }

    /// A team of `size` under one lead, for stacking.
    static func wideTeam(size: Int) -> Scenario {
        var staff = [
            StaffMember(id: "boss", name: "Chef", title: "Direktør"),
            StaffMember(id: "lead", name: "Teamleder", title: "Leder", unit: "team"),
        ]
        for i in 1...size {
            staff.append(StaffMember(id: "m\(i)", name: "Medarbejder \(i)", title: "Bibliotekar", unit: "team",
                                     fte: i == 3 ? 0.5 : 1, isVacant: i == size))
        }
        return Scenario(
            name: "Wide", perspectives: [Perspective(id: "p", name: "P")],
            sites: [branch(id: "main", name: "Hovedbiblioteket")],
            organisation: Organisation(name: "Org", leaderForum: LeaderForum(name: "Lederforum", chair: "boss"),
                                       units: [Unit(id: "team", name: "Team", perspective: "p", lead: "lead")]),
            staff: staff)
    }
}
