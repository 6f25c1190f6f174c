import PitstopReport

// The deck's own words, in English and Danish (the report's words are shared).

struct DeckWords: Sendable {
    var languageTag: String
    var answer: String
    var noClaimsSlide: String
    var alsoClear: String
    var noClearDifference: String
    var page: @Sendable (Int, Int) -> String
    var organisation: String
    var part: @Sendable (Int, Int) -> String
    var wholeChartNote: String
    var partsNote: @Sendable (Int) -> String
    var whatChanged: String
    var inputChanged: String
    var andMore: @Sendable (Int) -> String
    var heatMap: String
    var peakNote: String
    var journeys: String
    var runSettings: String
    var valuesNote: String
    var difference: String
    var notDrawn: String

    static func of(_ language: ReportLanguage) -> DeckWords {
        language == .da ? danish : english
    }

    static let english = DeckWords(
        languageTag: "en-GB",
        answer: "The answer",
        noClaimsSlide: "No difference is clear at the 95 % level: the interval of every key figure includes zero.",
        alsoClear: "Also clear",
        noClearDifference: "No clear difference",
        page: { "(\($0) of \($1))" },
        organisation: "Organisation",
        part: { "part \($0) of \($1)" },
        wholeChartNote: "The whole chart, as drawn by Graphviz from the scenario file.",
        partsNote: { "Too large to read on one slide: the \($0) slides that follow show it in overlapping parts at a readable size." },
        whatChanged: "What changed in the organisation",
        inputChanged: "What changed in the input",
        andMore: { "… and \($0) more (all in the notes)" },
        heatMap: "Heat map",
        peakNote: "Persons present at the site in its busiest hour (mean)",
        journeys: "Journeys",
        runSettings: "Run",
        valuesNote: "Values with their 95 % intervals",
        difference: "difference",
        notDrawn: "Not drawn")

    static let danish = DeckWords(
        languageTag: "da-DK",
        answer: "Svaret",
        noClaimsSlide: "Ingen forskel er klar på 95 %-niveau: intervallet for hvert nøgletal indeholder nul.",
        alsoClear: "Også klart",
        noClearDifference: "Ingen klar forskel",
        page: { "(\($0) af \($1))" },
        organisation: "Organisation",
        part: { "udsnit \($0) af \($1)" },
        wholeChartNote: "Hele diagrammet, som Graphviz tegner det ud fra scenariefilen.",
        partsNote: { "For stort til at læse på ét dias: de \($0) dias, der følger, viser det i overlappende udsnit i læsbar størrelse." },
        whatChanged: "Hvad ændrede sig i organisationen",
        inputChanged: "Hvad er ændret i forudsætningerne",
        andMore: { "… og \($0) flere (alle i noterne)" },
        heatMap: "Varmekort",
        peakNote: "Personer til stede på stedet i den travleste time (gennemsnit)",
        journeys: "Rejser",
        runSettings: "Kørsel",
        valuesNote: "Værdier med 95 %-intervaller",
        difference: "forskel",
        notDrawn: "Ikke tegnet")
}
