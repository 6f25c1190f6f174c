/// The largest scenario and run the program accepts, and the bounds on values that reach
/// the engine and the diagrams.
///
/// Chosen so that a large municipality — 60 sites, 3,000 positions, a rota written out
/// shift by shift — is far inside every limit, while a file that is wrong by orders of
/// magnitude (a typo, a generator gone astray, a hostile file) is refused with a clear
/// error before any memory is spent on it. The scenario loader, the command line, sweeps
/// and the staffing planner all use these numbers; docs/scenario-format.md lists them.
public enum ScenarioLimits {
    // MARK: Sizes

    /// Sites in one scenario.
    public static let sites = 250
    /// Zones at one site (zones are checked pairwise for overlaps).
    public static let zonesPerSite = 1_000
    /// Zones over all sites.
    public static let zones = 10_000
    /// Staff positions, after every group's `count` is expanded.
    public static let positions = 20_000
    /// Positions of one group (`count`).
    public static let groupCount = 10_000
    /// Personas.
    public static let personas = 1_000
    /// Profiles.
    public static let profiles = 1_000
    /// Explicit shifts.
    public static let shifts = 50_000
    /// Staffing rules.
    public static let rules = 10_000

    // MARK: Run length

    /// Simulated days of one replication (ten years).
    public static let days = 3_660
    /// Replications of one run.
    public static let replications = 10_000
    /// Replications × days of one run.
    public static let replicationDays = 1_000_000

    // MARK: Values

    /// Every parameter of a distribution, in minutes (about 69 days).
    public static let distributionMinutes = 100_000.0
    /// The largest standard deviation of a lognormal, as a multiple of its mean.
    public static let lognormalSpread = 100.0
    /// Floor sizes and zone positions and sizes, in metres.
    public static let metres = 10_000.0
    /// Persons a zone holds at once.
    public static let capacity = 1_000_000
    /// A relative weight of a profile (by hour or by day).
    public static let profileWeight = 1_000_000.0
    /// Travel between two sites, in minutes.
    public static let travelMinutes = 1_440.0
    /// A rule's `min_staff`.
    public static let minStaff = 10_000
    /// A persona's visits a year at one site.
    public static let visitsPerYear = 100_000_000.0
    /// A persona's arrivals an hour at one site, at a profile weight of 1.
    public static let arrivalsPerHour = 100_000.0
    /// `simulation.demand_scale`.
    public static let demandScale = 100.0
    /// The annual cost of one position.
    public static let cost = 1_000_000_000.0

    // MARK: Checks

    /// "this scenario has 1,004 sites; the limit is 250".
    public static func tooMany(_ noun: String, found: Int, limit: Int) -> String {
        "this scenario has \(grouped(found)) \(noun); the limit is \(grouped(limit))"
    }

    /// What is wrong with a run of `replications` × `days` (with `warmupDays` of them
    /// warm-up), or nothing: each figure within its limit, and their product too.
    public static func runLengthProblems(days: Int, warmupDays: Int = 0, replications: Int) -> [String] {
        var problems: [String] = []
        if days > Self.days { problems.append("a run of \(grouped(days)) days is too long; the limit is \(grouped(Self.days))") }
        if warmupDays > Self.days {
            problems.append("a warm-up of \(grouped(warmupDays)) days is too long; the limit is \(grouped(Self.days))")
        }
        if replications > Self.replications {
            problems.append("\(grouped(replications)) replications are too many; the limit is \(grouped(Self.replications))")
        }
        if problems.isEmpty, days > 0, replications > 0 {
            let (product, overflow) = days.multipliedReportingOverflow(by: replications)
            if overflow || product > replicationDays {
                problems.append(
                    "\(grouped(replications)) replications × \(grouped(days)) days is \(overflow ? "too many" : grouped(product)) "
                        + "replication-days; the limit is \(grouped(replicationDays))")
            }
        }
        return problems
    }

    /// `1,000,000`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = n < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
