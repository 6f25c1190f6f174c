import GraphvizRendering
import PitstopModel
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

/// Diagrams with `language: .da`: Danish words and numbers in the text, nothing else changed.
@Suite struct DanishTests {
    let library = TestScenarios.library

    /// English that must not be left in a Danish diagram (the scenario's own names are Danish).
    static let englishWords = [
        "people", "Vacant", "vacant", "Manager", "Occupancy", "Quiet", "Busy", "Comfortable", "Added", "Moved", "Removed",
        "Unchanged", "Floor ", "cap.", "no data", "No data", "no limit", "Walkable", "Walks", "FTE", "with sub-units",
        "grouped", "Site unit", "Shared", "User perspective", "Org changes", "NEW", "MOVED", "REMOVED", "from ", " in ",
        "Leader", "Chair", "Lead:", "Outside", "units",
    ]

    static let overlay = FloorMapOverlay(
        zoneValues: ["entrance": 0.12, "family": 0.45, "citizen": 0.71, "quiet": 0.93, "booth": 1.2],
        title: FloorMapOverlay.defaultTitle(in: .da),
        flows: [ZoneLink("entrance", "family"): 1420, ZoneLink("entrance", "cafe"): 150])

    /// One added (`new`), one removed (`ulla`), one moved (`anna`), as in ``OrgChangesTests``.
    var other: Scenario {
        var other = library
        other.name = "Pitstop 2027"
        other.staff.removeAll { $0.id == "ulla" }
        other.staff.append(StaffMember(id: "new", name: "Ny Medarbejder", title: "Formidler", unit: "learning"))
        if let i = other.staff.firstIndex(where: { $0.id == "anna" }) { other.staff[i].unit = "citizen-team" }
        return other
    }

    func svg(_ dot: String, layout: Layout) throws -> SVGInspector {
        let (output, warnings) = try Graphviz.renderReportingWarnings(dot: dot, layout: layout, format: .svg)
        #expect(warnings.isEmpty, "Graphviz warned: \(warnings)")
        return try SVGInspector(output)
    }

    func expectNoEnglish(_ parsed: SVGInspector, sourceLocation: SourceLocation = #_sourceLocation) {
        for text in parsed.allTexts {
            for word in Self.englishWords where text.contains(word) {
                Issue.record("English \"\(word)\" in \"\(text)\"", sourceLocation: sourceLocation)
            }
        }
    }

    /// The DOT without its `label=<…>` values: what must not depend on the language.
    func withoutLabels(_ dot: String) -> String {
        var out = ""
        var rest = Substring(dot)
        while let start = rest.range(of: "label=<") {
            out += rest[..<start.lowerBound]
            var depth = 1
            var index = start.upperBound
            while index < rest.endIndex, depth > 0 {
                if rest[index] == "<" { depth += 1 } else if rest[index] == ">" { depth -= 1 }
                index = rest.index(after: index)
            }
            rest = rest[index...]
        }
        return out + rest
    }

    // MARK: Numbers and words

    @Test func danishNumbersHaveADecimalCommaAndThousandsPeriods() {
        let da = DiagramWords(.da), en = DiagramWords(.en)
        #expect(da.number(0.8) == "0,8")
        #expect(da.number(12) == "12")
        #expect(da.number(999) == "999")
        #expect(da.number(1234.5678, decimals: 4) == "1.234,5678")
        #expect(da.number(-1_234_567, decimals: 0) == "-1.234.567")
        #expect(da.number(100_000, decimals: 0) == "100.000")
        #expect(da.number(-0.001) == "0")
        #expect(da.fte(0.75) == "0,75 årsværk")
        #expect(da.percent(0.934) == "93 %")
        #expect(da.people(1) == "1 person" && da.people(1200) == "1.200 personer")
        #expect(da.vacancies(1) == "1 ledig stilling" && da.vacancies(2) == "2 ledige stillinger")
        // English is unchanged: no thousands separator.
        #expect(en.number(1234.5678, decimals: 4) == "1234.5678")
        #expect(en.fte(0.75) == "0.75 FTE" && Format.fte(0.75, language: .da) == "0,75 årsværk")
        #expect(en.people(3) == "3 people" && en.vacancies(2) == "2 vacant")
    }

    @Test func heatBandsSpeakBothLanguages() {
        #expect(HeatBand.allCases.map(\.label) == ["Quiet", "Comfortable", "Busy", "Very busy"])
        #expect(HeatBand.allCases.map(\.range) == ["< 30 %", "30–60 %", "60–80 %", "> 80 %"])
        #expect(HeatBand.allCases.map { $0.label(in: .en) } == HeatBand.allCases.map(\.label))
        #expect(HeatBand.allCases.map { $0.range(in: .en) } == HeatBand.allCases.map(\.range))
        #expect(HeatBand.allCases.map { $0.label(in: .da) } == ["Roligt", "Behageligt", "Travlt", "Meget travlt"])
        #expect(HeatBand.allCases.map { $0.range(in: .da) } == ["< 30 %", "30–60 %", "60–80 %", "> 80 %"])
        #expect(FloorMapOverlay.defaultTitle(in: .en) == "Mean occupancy" && FloorMapOverlay().title == "Mean occupancy")
        #expect(FloorMapOverlay.defaultTitle(in: .da) == "Gennemsnitlig belægning")
        #expect(DiagramLanguage(rawValue: "da") == .da && DiagramLanguage.allCases == [.en, .da])
    }

    @Test func artifactTitlesFollowTheLanguage() {
        #expect(Diagram.orgCharts(library).map(\.title) == ["Org chart", "Org chart by site", "Units"])
        #expect(Diagram.orgCharts(library, language: .da).map(\.title)
            == ["Organisationsdiagram", "Organisationsdiagram efter arbejdssted", "Enheder"])
        #expect(Diagram.floorMaps(library, language: .da).first?.title == "Plantegning: Hovedbiblioteket")
        #expect(Diagram.orgDiff(baseline: library, other: other, language: .da).title == "Organisationsændringer")
        #expect(Diagram.orgDiff(baseline: library, other: other).title == "Org changes")
        let danish = Diagram.orgCharts(library, language: .da) + Diagram.floorMaps(library, language: .da)
        #expect(danish.allSatisfy { !$0.dot.contains("people") && !$0.dot.contains("FTE") })
    }

    // MARK: Org charts

    @Test func danishOrgChart() throws {
        let dot = OrgChart.dot(library, options: .init(style: .tree, stackThreshold: .max, language: .da))
        let parsed = try svg(dot, layout: .dot)
        expectNoEnglish(parsed)
        let graph = try #require(parsed.groups.first { $0.kind == "graph" })
        for caption in ["Stedenhed / øvrige", "Leder", "Ledig", "personer grupperet efter enhed"] {
            #expect(graph.texts.contains { $0.hasPrefix(caption) }, "\(caption)")
        }
        #expect(parsed.node("org")?.texts == ["Bibliotekerne", "12 personer · 1 ledig stilling · 12,05 årsværk"])
        #expect(parsed.node("p9")?.texts == ["ledig stilling", "Socialrådgiver"])
        #expect(parsed.node("p5")?.texts.contains("Bibliotekar · 0,8 årsværk") == true)
        let unit = try #require(parsed.clusters.first { $0.title == "cluster_u1" })
        #expect(unit.texts.contains("4 personer · 3,3 årsværk med underenheder"))
        // Only the label text changes.
        let english = OrgChart.dot(library, options: .init(style: .tree, stackThreshold: .max))
        #expect(withoutLabels(dot) == withoutLabels(english))
        #expect(dot != english)
    }

    @Test func danishCompactOrgChart() throws {
        let dot = OrgChart.dot(library, options: .init(language: .da))
        let parsed = try svg(dot, layout: .dot)
        expectNoEnglish(parsed)
        #expect(parsed.node("forum")?.texts.prefix(3) == ["Lederforum", "Formand", "Jens Ærø"])
        #expect(parsed.nodes.contains { $0.texts.first == "Uden for enheder" })
        #expect(parsed.allTexts.contains("Bibliotekar · 0,8 årsværk"))
        let graph = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(graph.texts.contains("12 personer · 1 ledig stilling · 12,05 årsværk · personer grupperet efter enhed"))
    }

    @Test func danishOrgChartBySiteUnitsAndStacks() throws {
        let bySite = try svg(OrgChart.dot(library, options: .init(groupBy: .site, language: .da)), layout: .dot)
        expectNoEnglish(bySite)
        #expect(bySite.clusters.first { $0.title == "cluster_s2" }?.texts == ["Filial 1", "1 person · 0,8 årsværk"])
        #expect(bySite.allTexts.contains { $0.hasSuffix("personer grupperet efter primært arbejdssted") })
        #expect(bySite.allTexts.contains { $0.hasPrefix("Linje til et andet arbejdssted") })

        let units = try svg(OrgChart.dot(library, options: .init(detail: .units, language: .da)), layout: .dot)
        expectNoEnglish(units)
        #expect(units.node("u1")?.texts.contains("2 personer · 1,8 årsværk") == true)
        #expect(units.node("u1")?.texts.contains("med underenheder: 4 personer · 3,3 årsværk") == true)
        #expect(units.node("u3")?.texts.contains("2 personer · 1 ledig stilling · 3 årsværk") == true)
        #expect(units.node("u4")?.texts.contains("Leder: Mette Holm") == true)
        #expect(units.node("forum")?.texts.contains("Formand: Jens Ærø · Direktør") == true)
        #expect(units.node("nounit")?.texts.prefix(2) == ["Uden for enheder", "1 person · 1 årsværk"])
        #expect(units.allTexts.contains("enheder med antal personer, årsværk og faggrupper"))
        #expect(units.node("u2")?.texts.contains("Pædagog ×1") == true)

        let wide = try svg(OrgChart.dot(TestScenarios.wideTeam(size: 12), options: .init(style: .tree, language: .da)), layout: .dot)
        expectNoEnglish(wide)
        let list = try #require(wide.node("l1"))
        #expect(list.texts.contains("11 personer · 1 ledig stilling · 11,5 årsværk"))
        #expect(list.texts.contains("ledig stilling"))
        #expect(list.texts.contains("Bibliotekar · 0,5 årsværk"))
    }

    @Test func danishOrgDiff() throws {
        let dot = OrgDiffChart.dot(baseline: library, other: other, idPrefix: "d", language: .da)
        let parsed = try svg(dot, layout: .dot)
        expectNoEnglish(parsed)
        #expect(parsed.allTexts.contains("FLYTTET · fra Det private menneske"))
        #expect(parsed.allTexts.contains("NY"))
        #expect(parsed.node("rm")?.texts.prefix(2) == ["FJERNET · fra Børn & unge", "Ulla Berg"])
        let removed = try #require(parsed.clusters.first { $0.title == "cluster_removed" })
        #expect(removed.texts.prefix(2) == ["Fjernet", "i Pitstop-biblioteket, ikke i Pitstop 2027"])
        let graph = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(graph.texts.first == "Organisationsændringer: Pitstop-biblioteket → Pitstop 2027")
        for caption in ["Tilføjet (1)", "Flyttet (1)", "Fjernet (1)", "Uændret", "12 personer · 1 ledig stilling · 12,55 årsværk i Pitstop 2027"] {
            #expect(graph.texts.contains { $0.hasPrefix(caption) }, "\(caption)")
        }
        #expect(parsed.allTexts.contains("Bibliotekar · 0,8 årsværk"))
        let english = OrgDiffChart.dot(baseline: library, other: other, idPrefix: "d")
        #expect(withoutLabels(dot) == withoutLabels(english))

        // A changed home site in a team.
        var moved = TestScenarios.wideTeam(size: 8)
        let base = moved
        moved.sites.append(TestScenarios.branch(id: "b2", name: "Filial 2"))
        if let i = moved.staff.firstIndex(where: { $0.id == "m2" }) { moved.staff[i].sites = ["b2"] }
        moved.staff.append(StaffMember(id: "x", name: "X", title: "Bibliotekar", unit: "team", manager: "lead"))
        let team = try svg(OrgDiffChart.dot(baseline: base, other: moved, language: .da), layout: .dot)
        expectNoEnglish(team)
        let rows = try #require(team.node("t1")).texts
        #expect(rows.joined(separator: " ").contains("FLYTTET · arbejdssted Hovedbiblioteket → Filial 2"))
        #expect(rows.contains("NY"))
    }

    // MARK: Floor maps

    @Test func danishFloorMap() throws {
        let dot = FloorMap.dot(site: library.sites[0], in: library, language: .da)
        let parsed = try svg(dot, layout: .nop)
        expectNoEnglish(parsed)
        #expect(parsed.node("z1")?.texts == ["Ankomst", "kap. 30"])
        #expect(parsed.node("z5")?.texts == ["Café", "ingen grænse"])
        #expect(parsed.node("scale_label")?.texts == ["10 m"])
        let title = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(title.texts.prefix(2) == ["Hovedbiblioteket", "Gulv 60 × 40 m"])
        #expect(parsed.node("legend")?.texts == [
            "Brugerperspektiv", "Det private menneske", "Borgeren", "Den lærende", "Fælles / intet perspektiv",
            "Gangforbindelse (dør eller passage)",
        ])
        #expect(parsed.node("n6")?.texts == ["Samtalerum Østerbro", "kap. 2"])
        // Zones keep their places and sizes: only the labels (and the legend's place) change.
        let english = FloorMap.dot(site: library.sites[0], in: library)
        for id in ["floor", "z1", "z2", "z3", "z4", "z5", "z6", "scale", "scale_label"] {
            #expect(declaration(of: id, in: dot).map(withoutLabels) == declaration(of: id, in: english).map(withoutLabels), "\(id)")
        }
    }

    @Test func danishHeatMap() throws {
        var site = library.sites[0]
        site.floor.width = 60.5
        let dot = FloorMap.dot(site: site, in: library, overlay: Self.overlay, idPrefix: "h", language: .da)
        let parsed = try svg(dot, layout: .nop)
        expectNoEnglish(parsed)
        #expect(parsed.node("z4")?.texts == ["Læsesal", "93 %", "kap. 60"])
        #expect(parsed.node("z5")?.texts == ["Café", "ingen data", "ingen grænse"])
        #expect(parsed.node("n6")?.texts == ["Samtalerum Østerbro", "120 %\u{A0}", "· kap. 2"])
        let legend = try #require(parsed.node("legend")).texts
        #expect(legend == [
            "Belægning", "Roligt (< 30 %)", "Behageligt (30–60 %)", "Travlt (60–80 %)", "Meget travlt (> 80 %)", "Ingen data",
            "Gangforbindelse (dør eller passage)", "Gange pr. dag, de største (maks. 1.420)",
        ])
        let title = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(title.texts.contains("Gennemsnitlig belægning · Gulv 60,5 × 40 m"))
        #expect(parsed.nodes.filter { $0.title.hasSuffix("n") && $0.title.hasPrefix("w") }.flatMap(\.texts).sorted() == ["1.420", "150"])
        // Attribute values keep '.' decimals (60.5 m wide: 11.9 pt a metre).
        #expect(declaration(of: "floor", in: dot)?.contains("pos=\"360,238\", width=10, height=6.6116") == true)
        #expect(dot.contains("penwidth=2.74,"))
        #expect(dot.firstMatch(of: /(width|height|penwidth)=[0-9]+,[0-9]/) == nil)
        #expect(dot.firstMatch(of: /POINT-SIZE="[0-9]+,/) == nil)
    }

    // MARK: Golden files

    @Test func snapshotOfTheDanishLibraryOrgChart() {
        assertSnapshot(OrgChart.dot(library, options: .init(language: .da)), named: "org-chart-library-da")
    }

    @Test func snapshotOfTheDanishMainFloorMap() {
        assertSnapshot(FloorMap.dot(site: library.sites[0], in: library, language: .da), named: "floor-map-main-da")
    }

    @Test func snapshotOfTheDanishMainHeatMap() {
        assertSnapshot(FloorMap.dot(site: library.sites[0], in: library, overlay: Self.overlay, language: .da),
                       named: "floor-map-main-heat-da")
    }
}
