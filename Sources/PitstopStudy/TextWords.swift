import PitstopReport

/// The words of the text outputs (simulate, inspect, validate), in English and Danish.
struct TextWords: Sendable {
    var replication: (String, String)
    var day: (String, String)
    var warmUp: String
    var meansPerDay: String
    var kpi, mean, interval: String
    var byPerspective, perspectivePerDay: String
    var perspectiveColumns: [String]
    var uncovered: @Sendable (Int) -> String
    var position: (String, String), person: (String, String), unit: (String, String), layer: (String, String)
    var manager: (String, String)
    var vacant, aYear, spanOfControl, median, over: String
    var byUnit, bySite, competences, spans: String
    var unitHeader, siteHeader, competenceHeader, managerHeader: [String]
    var singleHolder, nobody, above10, below3: String
    var outsideSpan: @Sendable (Int) -> String

    static func of(_ language: ReportLanguage) -> TextWords { language == .da ? danish : english }

    /// "1 unit", "3 units" in the chosen language.
    func counted(_ n: Int, _ noun: (String, String)) -> String { "\(n) \(n == 1 ? noun.0 : noun.1)" }

    static let english = TextWords(
        replication: ("replication", "replications"), day: ("day", "days"), warmUp: "warm-up",
        meansPerDay: "means per day with 95 % confidence intervals",
        kpi: "KPI", mean: "Mean", interval: "95 % interval",
        byPerspective: "By user perspective", perspectivePerDay: "Perspective (per day)",
        perspectiveColumns: ["Visits", "Dialogues asked", "Served", "Right competence", "Mean wait", "Gave up"],
        uncovered: { "  \($0) uncovered rota periods in replication 1 (see coverage_gaps.csv)" },
        position: ("position", "positions"), person: ("person", "people"), unit: ("unit", "units"),
        layer: ("layer", "layers"), manager: ("manager", "managers"),
        vacant: "vacant", aYear: "a year", spanOfControl: "span of control", median: "median", over: "over",
        byUnit: "By unit", bySite: "By home site (a person's first work site)", competences: "Competences",
        spans: "Span of control",
        unitHeader: ["Unit", "Name", "People", "FTE", "Annual cost"], siteHeader: ["Site", "Name", "People", "FTE"],
        competenceHeader: ["Competence", "Name", "Holders", "FTE"], managerHeader: ["Manager", "Name", "Direct reports", ""],
        singleHolder: "single holder", nobody: "nobody", above10: "above 10", below3: "below 3",
        outsideSpan: { "  \($0) manager\($0 == 1 ? "" : "s") outside a span of 3–10." })

    static let danish = TextWords(
        replication: ("gentagelse", "gentagelser"), day: ("dag", "dage"), warmUp: "indsvingning",
        meansPerDay: "gennemsnit pr. dag med 95 %-konfidensintervaller",
        kpi: "Nøgletal", mean: "Gennemsnit", interval: "95 %-interval",
        byPerspective: "Efter brugerperspektiv", perspectivePerDay: "Perspektiv (pr. dag)",
        perspectiveColumns: ["Besøg", "Samtaler ønsket", "Gennemført", "Rette kompetence", "Gns. ventetid", "Opgav"],
        uncovered: { "  \($0) udækkede vagtperioder i gentagelse 1 (se coverage_gaps.csv)" },
        position: ("stilling", "stillinger"), person: ("person", "personer"), unit: ("enhed", "enheder"),
        layer: ("niveau", "niveauer"), manager: ("leder", "ledere"),
        vacant: "ubesat", aYear: "om året", spanOfControl: "ledelsesspænd", median: "median", over: "over",
        byUnit: "Efter enhed", bySite: "Efter hjemsted (en persons første arbejdssted)", competences: "Kompetencer",
        spans: "Ledelsesspænd",
        unitHeader: ["Enhed", "Navn", "Personer", "Årsværk", "Årlig udgift"], siteHeader: ["Sted", "Navn", "Personer", "Årsværk"],
        competenceHeader: ["Kompetence", "Navn", "Holdere", "Årsværk"], managerHeader: ["Leder", "Navn", "Medarbejdere", ""],
        singleHolder: "kun én", nobody: "ingen", above10: "over 10", below3: "under 3",
        outsideSpan: { "  \($0) leder\($0 == 1 ? "" : "e") uden for et spænd på 3–10." })
}
