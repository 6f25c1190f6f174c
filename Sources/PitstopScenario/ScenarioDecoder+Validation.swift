import PitstopModel

extension ScenarioDecoder {
    /// Resolves every recorded reference against the decoded scenario.
    func resolveReferences(in scenario: Scenario) {
        let sites = scenario.sites.map(\.id)
        let siteSet = Set(sites)
        var zonesBySite: [String: [String]] = [:]
        var zoneSet = Set<ZoneKey>()
        for site in scenario.sites where zonesBySite[site.id] == nil {
            zonesBySite[site.id] = site.zones.map(\.id)
            for zone in site.zones { zoneSet.insert(ZoneKey(site: site.id, zone: zone.id)) }
        }
        let units = scenario.organisation.units.map(\.id)
        let perspectives = scenario.perspectives.map(\.id)
        let competences = scenario.competences.map(\.id)
        let profiles = scenario.profiles.map(\.id)
        let people = scenario.staff.map(\.id)
        let sets: [String: Set<String>] = [
            "unit": Set(units), "perspective": Set(perspectives), "competence": Set(competences),
            "profile": Set(profiles), "staff member": Set(people),
        ]

        for reference in references {
            let id = reference.id
            let noun: String
            var suffix = ""
            let candidates: [String]
            switch reference.kind {
            case .site:
                if siteSet.contains(id) { continue }
                noun = "site"
                candidates = sites
            case .zone(let site):
                guard let zones = zonesBySite[site] else { continue }  // unknown site: reported on its own
                if zoneSet.contains(ZoneKey(site: site, zone: id)) { continue }
                noun = "zone"
                suffix = " at site '\(site)'"
                candidates = zones
            case .unit:
                noun = "unit"
                candidates = units
            case .perspective:
                noun = "perspective"
                candidates = perspectives
            case .competence:
                noun = "competence"
                candidates = competences
            case .profile:
                noun = "profile"
                candidates = profiles
            case .person(let role):
                if let positions = groups[id] {
                    error(.groupNotAPerson(id, role: role, count: positions.count), at: reference.location)
                    continue
                }
                noun = "staff member"
                candidates = people
            }
            if let set = sets[noun], set.contains(id) { continue }
            let message = reference.unknown?(id) ?? .unknownReference(noun, id, suffix: suffix)
            error(message.suggesting(sink.suggest(id, in: candidates)), at: reference.location)
        }

        // Route zones: at every site the persona visits (unknown sites are reported on their own).
        for check in routeChecks where !sink.isFull {
            let sites = check.sites.filter { siteSet.contains($0) }
            guard !sites.isEmpty else { continue }
            var missingAt: [String: [String]] = [:]
            for step in check.steps where !sink.isFull {
                if missingAt[step.zone] == nil {
                    missingAt[step.zone] = sites.filter { !zoneSet.contains(ZoneKey(site: $0, zone: step.zone)) }
                }
                for site in missingAt[step.zone] ?? [] {
                    let message = Message.routeZoneMissing(step.zone, site: site)
                    error(message.suggesting(sink.suggest(step.zone, in: zonesBySite[site] ?? [])), at: step.location)
                }
            }
        }
    }

    /// Checks that need the whole scenario: reporting and unit cycles, and the warnings.
    func validate(_ scenario: Scenario) {
        checkReportingCycles(scenario)
        checkUnitCycles(scenario)
        checkScaledDemand(scenario)
        warnUnitsWithoutStaff(scenario)
        warnUncoveredZones(scenario)
        warnCoveredZonesNeverStaffed(scenario)
        warnRatesTooSmallToArrive(scenario)
    }

    /// Demand × `demand_scale` stays within the bounds on demand.
    func checkScaledDemand(_ scenario: Scenario) {
        let scale = scenario.simulation.demandScale
        guard scale > 1, let location = demandScaleLocation else { return }
        for persona in scenario.personas {
            let (amounts, limit, unit): ([String: Double], Double, String) =
                switch persona.demand {
                case .visitsPerYear(let m): (m, ScenarioLimits.visitsPerYear, "visits a year")
                case .arrivalsPerHour(let m): (m, ScenarioLimits.arrivalsPerHour, "arrivals an hour")
                }
            for site in amounts.keys.sorted() where (amounts[site] ?? 0) * scale > limit {
                error(.scaledDemandTooLarge(persona.id, site: site, scale: scale, amount: (amounts[site] ?? 0) * scale, unit: unit, limit: limit), at: location)
                return
            }
        }
    }

    /// A zone a unit covers, in which visitors ask for dialogues, but in which no shift
    /// (with someone who is not a vacancy) or rule ever places anyone. A roving shift or
    /// rule at the site counts for every zone there, as roving staff serve every zone;
    /// sites without staffed hours, and zones nobody asks for a dialogue in, are left out.
    func warnCoveredZonesNeverStaffed(_ scenario: Scenario) {
        let staffedSites = Set(scenario.sites.filter { !$0.staffedHours.isEmpty }.map(\.id))
        var asked = Set<ZoneKey>()
        for persona in scenario.personas {
            guard let dialogue = persona.dialogue, dialogue.p > 0 else { continue }
            for site in persona.demand.sites { asked.insert(ZoneKey(site: site, zone: dialogue.zone)) }
        }
        for coverage in coverageLocations
        where staffedSites.contains(coverage.key.site) && !rovingSites.contains(coverage.key.site)
            && !placedZones.contains(coverage.key) && asked.contains(coverage.key)
        {
            warning(.coveredNeverStaffed(coverage.key.zone, site: coverage.key.site, unit: coverage.unit), at: coverage.location)
        }
    }

    /// A positive demand whose expected visits in the simulated days (one replication) are
    /// above 0 but below 0.001: the rate is so small that practically nobody arrives.
    func warnRatesTooSmallToArrive(_ scenario: Scenario) {
        let days = scenario.simulation.days
        let scale = scenario.simulation.demandScale
        var weightedHours: [String: Double] = [:]
        for (personaID, siteID, location) in demandLocations {
            guard let persona = scenario.personas.first(where: { $0.id == personaID }), let site = scenario.site(siteID) else { continue }
            let amount = persona.demand.amount(at: siteID)
            guard amount > 0 else { continue }
            let profile = persona.profile.flatMap { scenario.profile($0) } ?? .flat
            let key = profile.id + "\u{0}" + siteID
            let hours = weightedHours[key] ?? Self.weightedOpenHours(site.visitorHours, profile: profile)
            weightedHours[key] = hours
            let expected: Double
            switch persona.demand {
            case .visitsPerYear: expected = hours > 0 ? amount * scale * Double(days) / 365 : 0
            case .arrivalsPerHour: expected = amount * scale * hours * Double(days) / 7
            }
            if expected > 0, expected < 0.001 {
                warning(.practicallyNoArrivals(personaID, site: siteID, expected: expected, days: days), at: location)
            }
        }
    }

    /// Open hours a week, each weighted by the profile's weight for its day and hour.
    static func weightedOpenHours(_ hours: WeekSchedule, profile: Profile) -> Double {
        var total = 0.0
        for day in Weekday.allCases {
            for range in hours.ranges(on: day) {
                var minute = range.start
                while minute < range.end {
                    let hourEnd = min(range.end, (minute / 60 + 1) * 60)
                    total += profile.weight(day: day, hour: minute / 60) * Double(hourEnd - minute) / 60
                    minute = hourEnd
                }
            }
        }
        return total
    }

    func checkReportingCycles(_ scenario: Scenario) {
        for cycle in ReportingTree(scenario).cycles {
            let located = cycle.first { staffIndex[$0]?.manager != nil }
            let location = located.flatMap { staffIndex[$0]?.manager } ?? cycle.first.flatMap { staffIndex[$0]?.item }
            error(.reportingCycle(cycle), at: location)
        }
    }

    func checkUnitCycles(_ scenario: Scenario) {
        var parentOf: [String: String] = [:]
        for unit in scenario.organisation.units { if let parent = unit.parent, parentOf[unit.id] == nil { parentOf[unit.id] = parent } }
        var done = Set<String>()
        for unit in scenario.organisation.units where !done.contains(unit.id) {
            var path: [String] = []
            var onPath = Set<String>()
            var current: String? = unit.id
            while let id = current, !done.contains(id), onPath.insert(id).inserted {
                path.append(id)
                current = parentOf[id]
            }
            if let id = current, onPath.contains(id), let start = path.firstIndex(of: id) {
                var cycle = Array(path[start...])
                if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                    cycle = Array(cycle[smallest...] + cycle[..<smallest])
                }
                let location = cycle.first.flatMap { unitLocations[$0]?.parent }
                error(.unitCycle(cycle), at: location)
            }
            done.formUnion(path)
        }
    }

    func warnUnitsWithoutStaff(_ scenario: Scenario) {
        let staffIDs = Set(scenario.staff.map(\.id))
        let staffedUnits = Set(scenario.staff.compactMap(\.unit))
        for unit in scenario.organisation.units where !staffedUnits.contains(unit.id) {
            if let lead = unit.lead, staffIDs.contains(lead) { continue }
            warning(.unitWithoutStaff(unit.id), at: unitLocations[unit.id]?.item)
        }
    }

    /// A zone at a site with staffed hours that no unit covers and no shift or rule places
    /// staff in (a roving shift or rule covers every zone of its site).
    func warnUncoveredZones(_ scenario: Scenario) {
        var covered = staffedPlacements
        for unit in scenario.organisation.units {
            for coverage in unit.covers {
                for zone in coverage.zones { covered.insert(ZoneKey(site: coverage.site, zone: zone)) }
            }
        }
        for site in scenario.sites where !site.staffedHours.isEmpty && !rovingSites.contains(site.id) {
            for zone in site.zones {
                let key = ZoneKey(site: site.id, zone: zone.id)
                if !covered.contains(key) { warning(.zoneUncovered(zone.id, site: site.id), at: zoneLocations[key]) }
            }
        }
    }
}
