/// The language of the words and numbers a diagram draws.
///
/// Only label text changes: ids and DOT attribute values (positions, sizes, colours) are the
/// same in every language and always use `.` decimals.
public enum DiagramLanguage: String, Sendable, Hashable, CaseIterable {
    case en, da
}

/// Every word the diagrams draw, in every language: the module's message catalogue.
///
/// One entry a line, English first, then Danish. Builders never write display text of their
/// own; they ask this table (and format numbers through ``number(_:decimals:)``). Names from
/// the scenario (people, units, sites, zones, perspectives, titles) are drawn as given.
struct DiagramWords: Sendable {
    let language: DiagramLanguage

    init(_ language: DiagramLanguage) { self.language = language }

    /// The entry for this language.
    private func pick(_ en: @autoclosure () -> String, _ da: @autoclosure () -> String) -> String {
        switch language {
        case .en: en()
        case .da: da()
        }
    }

    // MARK: Numbers

    /// A number for label text: English `1234.5` (as ``Format/number(_:decimals:)``), Danish
    /// `1.234,5` (decimal comma, period between thousands).
    func number(_ value: Double, decimals: Int = 2) -> String {
        let plain = Format.number(value, decimals: decimals)
        guard language == .da else { return plain }
        var sign = ""
        var rest = Substring(plain)
        if rest.first == "-" {
            sign = "-"
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = ""
        for (index, digit) in parts[0].enumerated() {
            if index > 0 && (parts[0].count - index) % 3 == 0 { whole += "." }
            whole.append(digit)
        }
        return sign + whole + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// A whole number for label text (`1.200` in Danish).
    func count(_ n: Int) -> String { number(Double(n), decimals: 0) }

    // MARK: Artifact titles

    var orgChartTitle: String { pick("Org chart", "Organisationsdiagram") }
    var orgChartBySiteTitle: String { pick("Org chart by site", "Organisationsdiagram efter arbejdssted") }
    var unitsTitle: String { pick("Units", "Enheder") }
    /// The first page of a paged org chart.
    var overview: String { pick("Overview", "Overblik") }
    func floorMapTitle(_ site: String) -> String { pick("Floor map: \(site)", "Plantegning: \(site)") }
    var orgChangesTitle: String { pick("Org changes", "Organisationsændringer") }

    // MARK: Org charts

    /// "1 person" / "3 people".
    func people(_ n: Int) -> String { n == 1 ? pick("1 person", "1 person") : pick("\(count(n)) people", "\(count(n)) personer") }
    /// "1 vacant" (after the number of people).
    func vacancies(_ n: Int) -> String {
        pick("\(count(n)) vacant", n == 1 ? "1 ledig stilling" : "\(count(n)) ledige stillinger")
    }
    /// "0.8 FTE".
    func fte(_ value: Double) -> String { pick("\(number(value)) FTE", "\(number(value)) årsværk") }
    /// In place of a vacancy's name.
    var vacant: String { pick("vacant", "ledig stilling") }
    /// "vacant · Socialrådgiver" (units chart forum lines).
    func vacantWithTitle(_ title: String) -> String { pick("vacant · \(title)", "ledig stilling · \(title)") }
    /// Figures of a unit and everything below it, under the unit's box.
    func figuresWithSubUnits(_ figures: String) -> String { pick("\(figures) with sub-units", "\(figures) med underenheder") }
    /// The same as its own line (units chart).
    func withSubUnits(_ figures: String) -> String { pick("with sub-units: \(figures)", "med underenheder: \(figures)") }
    var leaderForum: String { pick("Leader forum", "Ledelsesforum") }
    func chair(_ who: String) -> String { pick("Chair: \(who)", "Formand: \(who)") }
    /// Above the chair's name in the forum box.
    var chairRole: String { pick("Chair", "Formand") }
    /// The legend of a dashed reporting line by site.
    var lineToAnotherSite: String { pick("Line to another site", "Linje til et andet arbejdssted") }
    func lead(_ who: String) -> String { pick("Lead: \(who)", "Leder: \(who)") }
    var outsideUnits: String { pick("Outside units", "Uden for enheder") }
    /// An empty unit box.
    var noPositions: String { pick("no positions", "ingen stillinger") }
    /// A unit box whose people all sit in the leader forum.
    var leadInLeaderForum: String { pick("lead in the leader forum", "lederen sidder i ledelsesforummet") }
    var siteUnitOrOther: String { pick("Site unit / other", "Stedenhed / øvrige") }
    var manager: String { pick("Manager", "Leder") }
    var vacantLegend: String { pick("Vacant", "Ledig") }
    var groupedByUnit: String { pick("people grouped by unit", "personer grupperet efter enhed") }
    var groupedBySite: String { pick("people grouped by home site", "personer grupperet efter primært arbejdssted") }
    var unitsSubtitle: String {
        pick("units with headcount, FTE and professions", "enheder med antal personer, årsværk og faggrupper")
    }

    // MARK: Org diff

    func orgChangesHeading(_ baseline: String, _ other: String) -> String {
        pick("Org changes: \(baseline) → \(other)", "Organisationsændringer: \(baseline) → \(other)")
    }
    /// "12 people · 11.4 FTE in Pitstop 2027".
    func figuresIn(_ figures: String, _ scenario: String) -> String { pick("\(figures) in \(scenario)", "\(figures) i \(scenario)") }
    func addedLegend(_ n: Int) -> String { pick("Added (\(count(n)))", "Tilføjet (\(count(n)))") }
    func movedLegend(_ n: Int) -> String { pick("Moved (\(count(n)))", "Flyttet (\(count(n)))") }
    func removedLegend(_ n: Int) -> String { pick("Removed (\(count(n)))", "Fjernet (\(count(n)))") }
    var unchangedLegend: String { pick("Unchanged", "Uændret") }
    /// The box of people who are gone.
    var removedBox: String { pick("Removed", "Fjernet") }
    func inNotIn(_ baseline: String, _ other: String) -> String {
        pick("in \(baseline), not in \(other)", "i \(baseline), ikke i \(other)")
    }
    var newMark: String { pick("NEW", "NY") }
    var movedMark: String { pick("MOVED", "FLYTTET") }
    var removedMark: String { pick("REMOVED", "FJERNET") }
    /// "from Børn & unge" (the old unit).
    func from(_ unit: String) -> String { pick("from \(unit)", "fra \(unit)") }
    var noUnit: String { pick("no unit", "ingen enhed") }
    var noSite: String { pick("no site", "intet arbejdssted") }
    func siteChange(_ from: String, _ to: String) -> String { pick("site \(from) → \(to)", "arbejdssted \(from) → \(to)") }

    // MARK: Journeys

    func journeysTitle(_ perspective: String) -> String { pick("Journeys: \(perspective)", "Brugerrejser: \(perspective)") }
    func journeysSubtitle(_ personas: Int) -> String {
        let count = personas == 1 ? pick("1 persona", "1 persona") : pick("\(count(personas)) personas", "\(count(personas)) personaer")
        return count + pick(" · their routes through the rooms, in order", " · deres ruter gennem rummene, i rækkefølge")
    }
    var dialogueStepLegend: String { pick("Where the dialogue is asked for", "Hvor samtalen efterspørges") }
    var optionalStepLegend: String { pick("A step some take (chance on the arrow)", "Et trin nogle tager (chancen på pilen)") }
    func visitsAYear(_ n: Double) -> String { pick("\(number(n, decimals: 0)) visits a year", "\(number(n, decimals: 0)) besøg om året") }
    func arrivalsAnHour(_ n: Double) -> String { pick("\(number(n, decimals: 1)) arrivals an hour", "\(number(n, decimals: 1)) ankomster i timen") }
    func visitsADay(_ n: Double) -> String { pick("\(number(n, decimals: 1)) visits a day", "\(number(n, decimals: 1)) besøg om dagen") }
    /// The mean dwell of a step: "stays ≈ 38 min".
    func dwell(_ minutes: Double) -> String { pick("stays ≈ \(duration(minutes))", "opholder sig ≈ \(duration(minutes))") }
    /// "Dialogue: 30 % of visits".
    func dialogueAsked(_ p: Double) -> String { pick("Dialogue: \(percent(p)) of visits", "Samtale: \(percent(p)) af besøgene") }
    var anyoneOnDuty: String { pick("anyone on duty", "alle på vagt") }
    func dialogueDuration(_ minutes: Double) -> String { pick("takes ≈ \(duration(minutes))", "varer ≈ \(duration(minutes))") }
    /// The mean patience: how long a visitor waits for the dialogue before giving up.
    func patience(_ minutes: Double) -> String {
        pick("gives up after ≈ \(duration(minutes))", "opgiver efter ≈ \(duration(minutes))")
    }
    func askedServedGaveUp(asked: Double, served: Double, gaveUp: Double) -> String {
        let a = number(asked, decimals: 1), s = number(served, decimals: 1), g = number(gaveUp, decimals: 1)
        return pick("a day: \(a) asked · \(s) served · \(g) gave up", "om dagen: \(a) spurgte · \(s) fik svar · \(g) opgav")
    }
    func waited(share: Double, meanMinutes: Double) -> String {
        pick("\(percent(share)) had to wait, \(duration(meanMinutes)) on average",
             "\(percent(share)) måtte vente, i gennemsnit \(duration(meanMinutes))")
    }
    /// Minutes as "38 min", "2.5 h" from 90 minutes on, "≥ 1,000 h" beyond that.
    func duration(_ minutes: Double) -> String {
        guard minutes.isFinite, minutes >= 0 else { return "– min" }
        if minutes < 90 { return "\(number(minutes, decimals: minutes < 10 ? 1 : 0)) min" }
        let hours = minutes / 60
        if hours < 1000 { return number(hours, decimals: 1) + pick(" h", " t") }
        return pick("≥ 1,000 h", "≥ 1.000 t")
    }

    // MARK: Floor maps

    func floorSize(_ width: Double, _ depth: Double) -> String {
        let w = number(width, decimals: 1), d = number(depth, decimals: 1)
        return pick("Floor \(w) × \(d) m", "Gulv \(w) × \(d) m")
    }
    /// The scale bar: "10 m", "0.5 m".
    func metres(_ length: Double) -> String { "\(number(length, decimals: length < 1 ? 3 : 0)) m" }
    func capacity(_ limit: Int) -> String { pick("cap. \(count(limit))", "kap. \(count(limit))") }
    var noLimit: String { pick("no limit", "ingen grænse") }
    /// A zone without a value on a heat map.
    var noData: String { pick("no data", "ingen data") }
    var noDataLegend: String { pick("No data", "Ingen data") }
    /// "62 %" for 0.62.
    func percent(_ share: Double) -> String { number(share * 100, decimals: 0) + " %" }
    var userPerspective: String { pick("User perspective", "Brugerperspektiv") }
    var occupancy: String { pick("Occupancy", "Belægning") }
    var sharedNoPerspective: String { pick("Shared / no perspective", "Fælles / intet perspektiv") }
    var walkway: String { pick("Walkway (door or passage)", "Gangforbindelse (dør eller passage)") }
    /// The flows legend; `max` already formatted.
    func walksADay(max: String) -> String { pick("Walks a day, the main ones (max \(max))", "Gange pr. dag, de største (maks. \(max))") }
    var meanOccupancy: String { pick("Mean occupancy", "Gennemsnitlig belægning") }

    func bandLabel(_ band: HeatBand) -> String {
        switch band {
        case .quiet: pick("Quiet", "Roligt")
        case .comfortable: pick("Comfortable", "Behageligt")
        case .busy: pick("Busy", "Travlt")
        case .veryBusy: pick("Very busy", "Meget travlt")
        }
    }

    func bandRange(_ band: HeatBand) -> String {
        switch band {
        case .quiet: "< \(percent(0.30))"
        case .comfortable: "\(count(30))–\(percent(0.60))"
        case .busy: "\(count(60))–\(percent(0.80))"
        case .veryBusy: "> \(percent(0.80))"
        }
    }
}
