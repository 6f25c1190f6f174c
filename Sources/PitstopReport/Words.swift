// Every fixed word of the report, in English and Danish.

package struct Words: Sendable {
    // Sections
    package var summary: String
    package var keyFigures: String
    package var perspectives: String
    package var orgCharts: String
    package var orgChanges: String
    package var floorMaps: String
    package var journeys: String
    package var charts: String
    package var assumptions: String

    // Tables
    package var keyFigure: String
    package var difference: String
    package var relative: String
    package var verdict: String
    package var baseline: String
    package var better: String
    package var worse: String
    package var higher: String
    package var lower: String
    package var noClearDifference: String
    package var to: String
    package var from: String
    package var percentagePoints: String
    package var percentagePointsShort: String
    package var comparedWith: String
    package var vs: String

    // Summary
    package var summaryIntro: String
    package var noClaims: String
    package var unclearList: String
    package var onlyOneScenario: String
    package var kpiIntro: String
    package var perspectivesIntro: String

    // Organisation
    package var added: String
    package var removed: String
    package var moved: String
    package var none: String
    package var noOrgChanges: String
    package var orgDiagram: String

    // Floor maps and charts
    package var floorMapsIntro: String
    package var journeysIntro: String
    /// The heading of a paged org chart's pages ("Pages of the chart").
    package var orgChartPagesHeading: String
    package var occupancyTitle: String
    package var hourOfDay: String
    package var personsPresent: String
    package var capacity: String
    package var waitTitle: String
    package var waitAxis: String
    package var waitShare: String
    package var waitUnder1: String
    package var kpiBarsTitle: String
    package var kpiBarsNote: String
    package var differencesTitle: String
    package var differencesAxis: String
    package var differencesNote: String
    package var sharesInPoints: String
    package var noData: String
    package var notAvailable: String
    /// "part" in "part 2 of 3" (a diagram printed in parts).
    package var part: String
    package var of: String
    /// The diagram viewer: the hint on a diagram, its zoom buttons and its close button.
    package var enlarge: String
    package var fit: String
    package var close: String

    // Assumptions
    package var scenarios: String
    package var scenarioFile: String
    package var seed: String
    package var replications: String
    package var days: String
    package var warmUp: String
    package var intervals: String
    package var intervalsText: String
    package var programVersion: String
    package var generatedBy: String
    package var header: String
    package var replicationsUnit: String
    package var daysUnit: String
    package var contents: String
    package var keyChanges: String
    package var mean: String

    package static func of(_ language: ReportLanguage) -> Words {
        language == .da ? .danish : .english
    }

    static let english = Words(
        summary: "Summary",
        keyFigures: "Key figures",
        perspectives: "By user perspective",
        orgCharts: "Organisation charts",
        orgChanges: "Changes in the organisation",
        floorMaps: "Floor maps: occupancy by zone",
        journeys: "Journeys by user perspective",
        charts: "Charts",
        assumptions: "Assumptions",
        keyFigure: "Key figure",
        difference: "Difference (95 % CI)",
        relative: "Relative",
        verdict: "Verdict",
        baseline: "baseline",
        better: "better",
        worse: "worse",
        higher: "higher",
        lower: "lower",
        noClearDifference: "no clear difference",
        to: "to",
        from: "from",
        percentagePoints: "percentage points",
        percentagePointsShort: "pp",
        comparedWith: "compared with",
        vs: "vs",
        summaryIntro: "Only differences whose 95 % interval excludes zero are stated.",
        noClaims: "No difference is clear at the 95 % level.",
        unclearList: "No clear difference (the 95 % interval includes zero, or the change rounds to nothing)",
        onlyOneScenario: "Only one scenario: there is nothing to compare.",
        kpiIntro: "Mean per simulated day with its 95 % interval. Difference = scenario − baseline, paired replication by replication. Colour marks only differences whose interval excludes zero.",
        perspectivesIntro: "The key figures for the visitors of each user perspective.",
        added: "Added",
        removed: "Removed",
        moved: "Moved",
        none: "None",
        noOrgChanges: "The organisation is the same.",
        orgDiagram: "The changes drawn",
        floorMapsIntro: "The colour of a zone shows its mean occupancy.",
        journeysIntro: "Each persona's route through the rooms, with the chance of each step and the dwell; where the dialogue is asked for, how many a day asked, were served, waited or gave up there (simulated means).",
        orgChartPagesHeading: "The chart in pages: an overview, then each unit",
        occupancyTitle: "Persons present by hour of day",
        hourOfDay: "Hour of day",
        personsPresent: "Persons present (mean)",
        capacity: "capacity",
        waitTitle: "Wait for a dialogue",
        waitAxis: "Wait (minutes)",
        waitShare: "Share of served dialogues (%)",
        waitUnder1: "< 1",
        kpiBarsTitle: "Key figures with 95 % intervals",
        kpiBarsNote: "Bars show the mean, whiskers the 95 % interval.",
        differencesTitle: "What changes from the baseline",
        differencesAxis: "Change relative to the baseline mean (%)",
        differencesNote: "Green: better, red: worse, blue: a clear change that is neither; grey: no clear difference.",
        sharesInPoints: "Shares (%): change in percentage points.",
        noData: "No data",
        notAvailable: "not available",
        part: "part",
        of: "of",
        enlarge: "Click to enlarge (pan by scrolling)",
        fit: "Fit",
        close: "Close",
        scenarios: "Scenarios",
        scenarioFile: "File",
        seed: "Random seed",
        replications: "Replications",
        days: "Simulated days per replication",
        warmUp: "Warm-up days",
        intervals: "Intervals",
        intervalsText: "95 % Student t intervals across replications; differences paired replication by replication (replication i of every scenario runs on the same random streams).",
        programVersion: "Program version",
        generatedBy: "Made with Pitstop",
        header: "Comparison of scenarios",
        replicationsUnit: "replications",
        daysUnit: "days",
        contents: "Contents",
        keyChanges: "Key changes",
        mean: "mean"
    )

    static let danish = Words(
        summary: "Sammenfatning",
        keyFigures: "Nøgletal",
        perspectives: "Efter brugerperspektiv",
        orgCharts: "Organisationsdiagrammer",
        orgChanges: "Ændringer i organisationen",
        floorMaps: "Plantegninger: belægning pr. zone",
        journeys: "Rejser pr. brugerperspektiv",
        charts: "Diagrammer",
        assumptions: "Forudsætninger",
        keyFigure: "Nøgletal",
        difference: "Forskel (95 %-KI)",
        relative: "Relativt",
        verdict: "Vurdering",
        baseline: "udgangspunkt",
        better: "bedre",
        worse: "værre",
        higher: "højere",
        lower: "lavere",
        noClearDifference: "ingen klar forskel",
        to: "til",
        from: "fra",
        percentagePoints: "procentpoint",
        percentagePointsShort: "%-point",
        comparedWith: "sammenlignet med",
        vs: "mod",
        summaryIntro: "Kun forskelle, hvis 95 %-interval ikke indeholder nul, nævnes.",
        noClaims: "Ingen forskel er klar på 95 %-niveau.",
        unclearList: "Ingen klar forskel (95 %-intervallet indeholder nul, eller ændringen er for lille til at vise)",
        onlyOneScenario: "Kun ét scenarie: der er intet at sammenligne.",
        kpiIntro: "Gennemsnit pr. simuleret dag med 95 %-interval. Forskel = scenarie − udgangspunkt, parret gentagelse for gentagelse. Farve markerer kun forskelle, hvis interval ikke indeholder nul.",
        perspectivesIntro: "Nøgletallene for de besøgende i hvert brugerperspektiv.",
        added: "Tilføjet",
        removed: "Fjernet",
        moved: "Flyttet",
        none: "Ingen",
        noOrgChanges: "Organisationen er den samme.",
        orgDiagram: "Ændringerne tegnet",
        floorMapsIntro: "Zonens farve viser dens gennemsnitlige belægning.",
        journeysIntro: "Hver personas vej gennem rummene med sandsynligheden for hvert skridt og opholdstiden; hvor dialogen efterspørges, hvor mange om dagen der spurgte, blev betjent, ventede eller gav op dér (simulerede gennemsnit).",
        orgChartPagesHeading: "Diagrammet i sider: et overblik, derefter hver enhed",
        occupancyTitle: "Personer til stede pr. time",
        hourOfDay: "Klokkeslæt",
        personsPresent: "Personer til stede (gennemsnit)",
        capacity: "kapacitet",
        waitTitle: "Ventetid på en samtale",
        waitAxis: "Ventetid (minutter)",
        waitShare: "Andel af gennemførte samtaler (%)",
        waitUnder1: "< 1",
        kpiBarsTitle: "Nøgletal med 95 %-intervaller",
        kpiBarsNote: "Søjlen viser gennemsnittet, stregerne 95 %-intervallet.",
        differencesTitle: "Hvad ændrer sig fra udgangspunktet",
        differencesAxis: "Ændring i forhold til udgangspunktets gennemsnit (%)",
        differencesNote: "Grøn: bedre, rød: værre, blå: en klar ændring, der hverken er bedre eller værre; grå: ingen klar forskel.",
        sharesInPoints: "Andele (%): ændring i procentpoint.",
        noData: "Ingen data",
        notAvailable: "ikke tilgængelig",
        part: "udsnit",
        of: "af",
        enlarge: "Klik for at forstørre (flyt ved at rulle)",
        fit: "Tilpas",
        close: "Luk",
        scenarios: "Scenarier",
        scenarioFile: "Fil",
        seed: "Startværdi (seed)",
        replications: "Gentagelser",
        days: "Simulerede dage pr. gentagelse",
        warmUp: "Indsvingningsdage",
        intervals: "Intervaller",
        intervalsText: "95 %-Student-t-intervaller over gentagelserne; forskelle parret gentagelse for gentagelse (gentagelse i i hvert scenarie kører på de samme tilfældige talrækker).",
        programVersion: "Programversion",
        generatedBy: "Lavet med Pitstop",
        header: "Sammenligning af scenarier",
        replicationsUnit: "gentagelser",
        daysUnit: "dage",
        contents: "Indhold",
        keyChanges: "Vigtigste ændringer",
        mean: "gennemsnit"
    )
}
