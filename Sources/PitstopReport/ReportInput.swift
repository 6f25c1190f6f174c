import PitstopModel
// The plain values the report is made from. The report knows nothing of the simulation:
// whoever runs the comparison fills these in (baseline first, then the other scenarios).

/// The language of every heading, word and number in the report.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case en, da
}

/// A mean with its 95 % confidence interval.
public struct Interval: Sendable, Hashable {
    public var mean: Double
    public var low: Double
    public var high: Double

    public init(mean: Double, low: Double, high: Double) {
        self.mean = mean
        self.low = low
        self.high = high
    }

    /// An interval of width zero (a value known exactly).
    public init(exactly value: Double) {
        self.init(mean: value, low: value, high: value)
    }

    /// True only when the whole interval lies on one side of zero (an interval that touches
    /// zero, or holds a value that is not finite, does not exclude it).
    public var excludesZero: Bool {
        guard mean.isFinite, low.isFinite, high.isFinite else { return false }
        let (lo, hi) = (Swift.min(low, high), Swift.max(low, high))
        return lo > 0 || hi < 0
    }
}

/// One KPI across the scenarios: the value in each and the paired difference to the baseline.
public struct KPIComparisonRow: Sendable, Hashable {
    /// The contract key (`wait_mean_min`, `served_share`, …); shares are fractions 0…1.
    public var kpi: String
    public var baseline: Interval
    /// One per other scenario, in the order of `ReportInput.scenarioNames.dropFirst()`.
    public var others: [Interval]
    /// Other − baseline, paired replication by replication; one per other scenario.
    public var differences: [Interval]

    public init(kpi: String, baseline: Interval, others: [Interval], differences: [Interval]) {
        self.kpi = kpi
        self.baseline = baseline
        self.others = others
        self.differences = differences
    }

    /// The difference to other scenario `other` (0-based among the others), if given.
    public func difference(_ other: Int) -> Interval? {
        differences.indices.contains(other) ? differences[other] : nil
    }

    /// The value in other scenario `other` (0-based among the others), if given.
    public func value(_ other: Int) -> Interval? {
        others.indices.contains(other) ? others[other] : nil
    }

    /// The difference divided by the baseline mean (0.12 = +12 %), interval included; nil
    /// when the baseline mean is zero or not finite.
    public func relative(_ other: Int) -> Interval? {
        guard let d = difference(other), baseline.mean.isFinite, baseline.mean != 0 else { return nil }
        let a = d.low / baseline.mean, b = d.high / baseline.mean
        return Interval(mean: d.mean / baseline.mean, low: Swift.min(a, b), high: Swift.max(a, b))
    }

    /// Whether the difference to other scenario `other` is clear: its interval excludes zero
    /// and it is large enough to show at the KPI's precision.
    public func isClaimed(_ other: Int) -> Bool {
        guard let d = difference(other), d.excludesZero else { return false }
        // A difference too small to show at the KPI's precision ("0.0 h") is not claimed either.
        let info = KPIInfo.info(for: kpi)
        return info.display(d.mean.magnitude) >= (info.decimals == 0 ? 0.5 : 0.05)
    }
}

/// The KPI rows of one user perspective (the private person, the citizen, the professional).
public struct PerspectiveComparison: Sendable, Hashable {
    /// The display name, as written in the scenario.
    public var name: String
    public var rows: [KPIComparisonRow]

    public init(name: String, rows: [KPIComparisonRow]) {
        self.name = name
        self.rows = rows
    }
}

/// How the organisation of one other scenario differs from the baseline's.
public struct OrgChangeList: Sendable, Hashable {
    public struct Person: Sendable, Hashable {
        /// Display name (the person's name, or the title of a vacancy).
        public var name: String
        /// Display name of the unit, if any.
        public var unit: String?
        public init(name: String, unit: String? = nil) {
            self.name = name
            self.unit = unit
        }
    }

    public struct Move: Sendable, Hashable {
        public var name: String
        /// Display names of the units.
        public var from: String
        public var to: String
        public init(name: String, from: String, to: String) {
            self.name = name
            self.from = from
            self.to = to
        }
    }

    public var added: [Person]
    public var removed: [Person]
    public var moved: [Move]
    /// The org diff drawn as SVG (already rendered), if any.
    public var diagramSVG: String?

    public init(added: [Person] = [], removed: [Person] = [], moved: [Move] = [], diagramSVG: String? = nil) {
        self.added = added
        self.removed = removed
        self.moved = moved
        self.diagramSVG = diagramSVG
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && moved.isEmpty }
}

/// The floor maps of one site with heat per zone, one SVG per scenario (baseline first).
public struct FloorMaps: Sendable, Hashable {
    public var site: String
    /// Already rendered SVG text; an empty string where the scenario has no such site.
    public var svgs: [String]
    public init(site: String, svgs: [String]) {
        self.site = site
        self.svgs = svgs
    }
}

/// Persons present at one site by hour of day, one series of 24 values per scenario.
public struct SiteOccupancy: Sendable, Hashable {
    public var site: String
    /// Per scenario (baseline first): 24 time-average counts, hour 0 to hour 23.
    public var series: [[Double]]
    /// The site's total capacity, drawn as a line when given.
    public var capacity: Double?
    public init(site: String, series: [[Double]], capacity: Double? = nil) {
        self.site = site
        self.series = series
        self.capacity = capacity
    }
}

/// The journeys of one user perspective's personas through the rooms, drawn for one scenario.
public struct JourneyDiagram: Sendable, Hashable {
    /// The perspective's display name.
    public var perspective: String
    /// Which scenario (an index into `ReportInput.scenarioNames`).
    public var scenario: Int
    /// Already rendered SVG text.
    public var svg: String
    public init(perspective: String, scenario: Int, svg: String) {
        self.perspective = perspective
        self.scenario = scenario
        self.svg = svg
    }
}

/// One page of a diagram drawn in pages (a large org chart: its overview, then a page per
/// unit), already rendered.
public struct DiagramPage: Sendable, Hashable {
    /// The page's heading: "Overview", or the unit's name.
    public var title: String
    /// Already rendered SVG text.
    public var svg: String
    public init(title: String, svg: String) {
        self.title = title
        self.svg = svg
    }
}

/// What the numbers rest on, printed at the end of the report.
public struct Assumptions: Sendable, Hashable {
    public var seed: UInt64
    public var replications: Int
    /// Simulated days per replication, after warm-up.
    public var days: Int
    public var warmUpDays: Int?
    /// The version of the program that made the report.
    public var programVersion: String
    /// One per scenario (baseline first), as given on the command line.
    public var scenarioFiles: [String]
    /// Further lines, in the report's language.
    public var notes: [String]

    public init(
        seed: UInt64, replications: Int, days: Int, warmUpDays: Int? = nil,
        programVersion: String, scenarioFiles: [String] = [], notes: [String] = []
    ) {
        self.seed = seed
        self.replications = replications
        self.days = days
        self.warmUpDays = warmUpDays
        self.programVersion = programVersion
        self.scenarioFiles = scenarioFiles
        self.notes = notes
    }
}

/// Everything the comparison report shows. Arrays "per scenario" are in the order of
/// `scenarioNames` (baseline first); arrays "per other scenario" leave the baseline out.
public struct ReportInput: Sendable, Hashable {
    public var title: String
    public var language: ReportLanguage
    /// Baseline first.
    public var scenarioNames: [String]
    /// The currency code of the cost KPIs.
    public var currency: String
    public var kpiRows: [KPIComparisonRow]
    public var perspectives: [PerspectiveComparison]
    /// Per scenario: the org chart as SVG text (already rendered).
    public var orgChartSVGs: [String]
    /// Per scenario: the org chart's pages when it does not fit one page legibly (an
    /// overview, then one page per unit); empty for a chart that fits. The report prints and
    /// the deck shows these pages instead of cutting the whole chart into parts.
    public var orgChartPages: [[DiagramPage]]
    /// Per other scenario.
    public var orgChanges: [OrgChangeList]
    public var floorMaps: [FloorMaps]
    public var hourlyOccupancy: [SiteOccupancy]
    /// Per scenario: the share of served dialogues by wait, one value per 1-minute bin
    /// ([0, 1), [1, 2), …) and the last value for every longer wait. Fractions summing to 1.
    public var waitDistributions: [[Double]]
    /// Per other scenario: every input that differs from the baseline's (what changed,
    /// beside what resulted).
    public var inputChanges: [[InputChange]]
    /// The personas' journeys per perspective and scenario (perspectives in the baseline's
    /// order, scenarios within each), with what the simulation measured at each step. The
    /// report and the deck show them when given.
    public var journeys: [JourneyDiagram]
    public var assumptions: Assumptions

    public init(
        title: String, language: ReportLanguage = .en, scenarioNames: [String], currency: String = "DKK",
        kpiRows: [KPIComparisonRow], perspectives: [PerspectiveComparison] = [],
        orgChartSVGs: [String] = [], orgChartPages: [[DiagramPage]] = [], orgChanges: [OrgChangeList] = [], floorMaps: [FloorMaps] = [],
        hourlyOccupancy: [SiteOccupancy] = [], waitDistributions: [[Double]] = [],
        inputChanges: [[InputChange]] = [], journeys: [JourneyDiagram] = [], assumptions: Assumptions
    ) {
        self.title = title
        self.language = language
        self.scenarioNames = scenarioNames
        self.currency = currency
        self.kpiRows = kpiRows
        self.perspectives = perspectives
        self.orgChartSVGs = orgChartSVGs
        self.orgChartPages = orgChartPages
        self.orgChanges = orgChanges
        self.floorMaps = floorMaps
        self.hourlyOccupancy = hourlyOccupancy
        self.waitDistributions = waitDistributions
        self.inputChanges = inputChanges
        self.journeys = journeys
        self.assumptions = assumptions
    }

    public var baselineName: String { scenarioNames.first ?? "" }
    /// The names of the scenarios compared with the baseline.
    public var otherNames: [String] { Array(scenarioNames.dropFirst()) }
}
