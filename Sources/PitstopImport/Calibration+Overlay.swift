import Foundation
import PitstopModel

extension Calibration {
    /// A persona's demand after calibration.
    struct PersonaDemand {
        var id: String
        var profile: String
        var visitsPerYear: [(site: String, amount: Double)]
        var arrivalsPerHour: [(site: String, amount: Double)]
    }

    /// Expected visits a year of `persona` at `site` under `profile` in `base`.
    static func yearlyVisits(_ persona: Persona, at site: Site, profile: Profile?) -> Double {
        let amount = persona.demand.amount(at: site.id)
        switch persona.demand {
        case .visitsPerYear: return amount
        case .arrivalsPerHour:
            let open = openFractions(site.visitorHours)
            let p = profile ?? Profile.flat
            var weightedHours = 0.0
            for d in Weekday.allCases { for h in 0..<24 { weightedHours += p.weight(day: d, hour: h) * open[d.rawValue][h] } }
            return amount * weightedHours * 365 / 7
        }
    }

    /// Each persona's new demand: its share of each calibrated site's visits kept, its
    /// profile the fitted one of the calibrated site where it comes most.
    func personaDemands(_ base: Scenario) -> [PersonaDemand] {
        let fits = Dictionary(sites.map { ($0.site, $0) }, uniquingKeysWith: { a, _ in a })
        var totals: [String: Double] = [:]
        var old: [String: [String: Double]] = [:]
        for persona in base.personas {
            let profile = persona.profile.flatMap { base.profile($0) }
            for siteID in persona.demand.sites where fits[siteID] != nil {
                guard let site = base.site(siteID) else { continue }
                let visits = Self.yearlyVisits(persona, at: site, profile: profile)
                old[persona.id, default: [:]][siteID] = visits
                totals[siteID, default: 0] += visits
            }
        }
        var result: [PersonaDemand] = []
        for persona in base.personas {
            guard let mine = old[persona.id], !mine.isEmpty else { continue }
            let home = mine.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }!.key
            guard let fit = fits[home] else { continue }
            var demand = PersonaDemand(id: persona.id, profile: fit.profileID, visitsPerYear: [], arrivalsPerHour: [])
            let newProfile = Profile(id: fit.profileID, hours: fit.hours, days: fit.days)
            for siteID in persona.demand.sites {
                guard let site = base.site(siteID) else { continue }
                let target: Double
                if let f = fits[siteID], let total = totals[siteID], total > 0 {
                    target = (mine[siteID] ?? 0) / total * f.visitsPerYear
                } else {
                    target = Self.yearlyVisits(persona, at: site, profile: persona.profile.flatMap { base.profile($0) })
                }
                switch persona.demand {
                case .visitsPerYear:
                    if fits[siteID] != nil { demand.visitsPerYear.append((siteID, (target * 100).rounded() / 100)) }
                case .arrivalsPerHour:
                    let open = Self.openFractions(site.visitorHours)
                    var weightedHours = 0.0
                    for d in Weekday.allCases { for h in 0..<24 { weightedHours += newProfile.weight(day: d, hour: h) * open[d.rawValue][h] } }
                    let rate = weightedHours > 0 ? target / (weightedHours * 365 / 7) : 0
                    demand.arrivalsPerHour.append((siteID, (rate * 1e6).rounded() / 1e6))
                }
            }
            result.append(demand)
        }
        return result
    }

    /// The overlay on `base` (written as `extendsPath`), or without a base the fitted
    /// profiles and yearly visits for the user to put into a scenario.
    func overlay(countsFile: String, base: (path: String, scenario: Scenario)?) -> String {
        var out = ""
        func line(_ text: String) { out += text + "\n" }
        line("# Calibrated from \((countsFile as NSString).lastPathComponent) by `pitstop calibrate`: per site, the visits a year")
        line("# (counted weekly visits × 365 / 7, in open hours) and a profile fitted to the hourly counts.")
        for fit in sites {
            var text = "#   \(fit.site) (\(fit.name)): \(formatNumber(fit.visitsPerYear)) visits a year"
            if fit.closedVisitsPerYear > 0 { text += "; \(formatNumber(fit.closedVisitsPerYear)) more counted while closed, left out" }
            line(text)
        }
        let demands = base.map { personaDemands($0.scenario) } ?? []
        if let (path, scenario) = base {
            line("# Every persona keeps its share of each site's visits; it follows the fitted profile of the")
            line("# site where it comes most (a persona has one profile for all its sites).")
            let fitted = Set(sites.map(\.site))
            let unvisited = sites.filter { fit in !scenario.personas.contains { $0.demand.sites.contains(fit.site) } }
            for fit in unvisited { line("# No persona comes to \(fit.site): its counts are not used — give a persona visits there.") }
            _ = fitted
            line("extends: \(YAMLScalar.text(path))")
        } else {
            line("# Without a base scenario there are no personas to give the visits to: copy the profiles")
            line("# into your scenario and set your personas' visits_per_year (shares of the totals above),")
            line("# or run again with --extends YOUR-SCENARIO.yaml for an overlay that does it.")
        }
        line("")
        line("profiles:")
        for fit in sites {
            line("  - id: \(YAMLScalar.id(fit.profileID))   # \(fit.name), fitted to the counts")
            line("    hours: [" + fit.hours.map(formatNumber).joined(separator: ", ") + "]")
            line("    days: { " + Weekday.allCases.map { "\($0.key): \(formatNumber(fit.days[$0.rawValue]))" }.joined(separator: ", ") + " }")
        }
        if !demands.isEmpty {
            line("")
            line("personas:")
            for d in demands {
                line("  - id: \(YAMLScalar.id(d.id))")
                line("    profile: \(YAMLScalar.id(d.profile))")
                if !d.visitsPerYear.isEmpty {
                    line("    visits_per_year: { " + d.visitsPerYear.map { "\(YAMLScalar.id($0.site)): \(formatNumber($0.amount))" }.joined(separator: ", ") + " }")
                }
                if !d.arrivalsPerHour.isEmpty {
                    line("    arrivals_per_hour: { " + d.arrivalsPerHour.map { "\(YAMLScalar.id($0.site)): \(formatNumber($0.amount))" }.joined(separator: ", ") + " }")
                }
            }
        }
        return out
    }

    /// The expected hourly arrivals at each calibrated site of the calibrated scenario: the
    /// sum over its personas, each with its new demand and profile.
    func scenarioExpectation(_ base: Scenario) -> [String: [[Double]]] {
        let demands = personaDemands(base)
        var result: [String: [[Double]]] = [:]
        for fit in sites {
            var sum = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
            for d in demands {
                let profile = sites.first { $0.profileID == d.profile }!
                let visits: Double
                if let v = d.visitsPerYear.first(where: { $0.site == fit.site }) {
                    visits = v.amount
                } else if let a = d.arrivalsPerHour.first(where: { $0.site == fit.site }) {
                    var weightedHours = 0.0
                    for day in 0..<7 { for h in 0..<24 { weightedHours += profile.hours[h] * profile.days[day] * fit.open[day][h] } }
                    visits = a.amount * weightedHours * 365 / 7
                } else {
                    continue
                }
                let cells = Self.expected(visitsPerYear: visits, hours: profile.hours, days: profile.days, open: fit.open)
                for day in 0..<7 { for h in 0..<24 { sum[day][h] += cells[day][h] } }
            }
            result[fit.site] = sum
        }
        return result
    }
}
