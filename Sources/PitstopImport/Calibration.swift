import Foundation
import PitstopModel
import PitstopScenario

/// Demand fitted to door counts: per site, the visits a year and an arrival profile
/// (24 hour weights × 7 day weights) that reproduce the counted hourly means.
///
/// How the format combines them: a persona's `visits_per_year` at a site is spread over the
/// site's open hours (staffed ∪ self-service) in proportion to its profile's weight ×
/// the open part of each hour, so a site's arrivals are the sum over its personas. The
/// calibration keeps every persona's share of each site's visits and sets its visits to
/// that share of the counted total; it gives each persona the fitted profile of the site
/// where it comes most (a persona has one profile for all its sites), so the shape is
/// exact at a site whose personas come only there or come there most.
public struct Calibration: Sendable {
    /// One site's fit.
    public struct SiteFit: Sendable {
        public var site: String
        public var name: String
        /// Counted visitors an hour, averaged over the days counted: [day][hour].
        public var observed: [[Double]]
        /// The open part of each hour (0–1) by the base's hours (or where visitors were counted).
        public var open: [[Double]]
        /// Fitted hour weights (peak 1) and day weights (peak 1), rounded as written.
        public var hours: [Double]
        public var days: [Double]
        /// Visits a year in open hours: the counted weekly visits × 365 / 7.
        public var visitsPerYear: Double
        /// Counted visitors a year in hours the base has the site closed.
        public var closedVisitsPerYear: Double
        /// Day and hour cells with visitors counted while the site is closed.
        public var closedCells: [(day: Weekday, hour: Int, mean: Double)]
        /// The profile's id in the overlay.
        public var profileID: String { "visits-\(site)" }

        /// Expected visitors in each hour under the fitted profile (the simulation's formula).
        public var fitted: [[Double]] {
            Calibration.expected(visitsPerYear: visitsPerYear, hours: hours, days: days, open: open)
        }
    }

    public var sites: [SiteFit]

    /// Expected arrivals per day and hour for `visitsPerYear` spread by a profile over open
    /// hours: V × 7/365 × w(d, h) × open(d, h) ÷ Σ w × open — as the simulation spreads them.
    public static func expected(visitsPerYear: Double, hours: [Double], days: [Double], open: [[Double]]) -> [[Double]] {
        var total = 0.0
        for d in 0..<7 { for h in 0..<24 { total += hours[h] * days[d] * open[d][h] } }
        guard total > 0 else { return Array(repeating: Array(repeating: 0, count: 24), count: 7) }
        let weekly = visitsPerYear * 7 / 365
        return (0..<7).map { d in (0..<24).map { h in weekly * hours[h] * days[d] * open[d][h] / total } }
    }

    /// The open part (0–1) of every hour of the week in `schedule`.
    public static func openFractions(_ schedule: WeekSchedule) -> [[Double]] {
        Weekday.allCases.map { day in
            (0..<24).map { h in
                let start = h * 60, end = start + 60
                let minutes = schedule.ranges(on: day).reduce(0) { $0 + max(0, min(end, $1.end) - max(start, $1.start)) }
                return Double(minutes) / 60
            }
        }
    }

    /// Fits each site of `counts`; `base` gives the sites' open hours (without one, the
    /// hours with visitors counted are the open hours).
    public static func fit(_ counts: DoorCounts, base: Scenario?) -> Calibration {
        Calibration(sites: counts.sites.map { site in
            let open: [[Double]]
            if let s = base?.site(site.site) {
                open = openFractions(s.visitorHours)
            } else {
                open = site.means.map { $0.map { $0 > 0 ? 1 : 0 } }
            }
            var closed: [(Weekday, Int, Double)] = []
            var closedWeekly = 0.0
            var observedOpen = site.means
            for d in 0..<7 {
                for h in 0..<24 where open[d][h] == 0 && site.means[d][h] > 0 {
                    closed.append((Weekday.allCases[d], h, site.means[d][h]))
                    closedWeekly += site.means[d][h]
                    observedOpen[d][h] = 0
                }
            }
            let (hours, days) = separableFit(observedOpen, exposure: open)
            let weekly = observedOpen.joined().reduce(0, +)
            return SiteFit(site: site.site, name: site.name, observed: site.means, open: open,
                           hours: hours.map(rounded), days: days.map(rounded),
                           visitsPerYear: (weekly * 365 / 7).rounded(), closedVisitsPerYear: (closedWeekly * 365 / 7).rounded(),
                           closedCells: closed)
        })
    }

    /// Four significant decimals: what the overlay writes, and what the fit is judged by.
    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// The Poisson maximum-likelihood fit of mean(d, h) = a[d] × b[h] × exposure(d, h)
    /// over the open cells (iterative proportional fitting: each step matches the day
    /// totals, then the hour totals). Both are scaled to a peak of 1.
    static func separableFit(_ means: [[Double]], exposure: [[Double]]) -> (hours: [Double], days: [Double]) {
        var a = Array(repeating: 1.0, count: 7), b = Array(repeating: 1.0, count: 24)
        for _ in 0..<500 {
            var change = 0.0
            for h in 0..<24 {
                var observed = 0.0, expected = 0.0
                for d in 0..<7 where exposure[d][h] > 0 {
                    observed += means[d][h]
                    expected += a[d] * exposure[d][h]
                }
                let next = expected > 0 ? observed / expected : 0
                change = max(change, abs(next - b[h]) / max(next, 1e-12))
                b[h] = next
            }
            for d in 0..<7 {
                var observed = 0.0, expected = 0.0
                for h in 0..<24 where exposure[d][h] > 0 {
                    observed += means[d][h]
                    expected += b[h] * exposure[d][h]
                }
                let next = expected > 0 ? observed / expected : 0
                change = max(change, abs(next - a[d]) / max(next, 1e-12))
                a[d] = next
            }
            if change < 1e-12 { break }
        }
        let peakB = b.max() ?? 0, peakA = a.max() ?? 0
        return (peakB > 0 ? b.map { $0 / peakB } : b, peakA > 0 ? a.map { $0 / peakA } : a)
    }
}
