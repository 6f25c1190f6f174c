import PitstopModel

extension ScenarioDecoder {
    func decodeStaffing(_ top: Fields, scenario: Scenario) -> Staffing {
        var staffing = Staffing()
        guard let node = top["staffing"],
            let f = fields(node, what: "'staffing'", context: "'staffing'", allowed: Keys.staffing)
        else { return staffing }
        staffing.floorShare = number(f, "floor_share", "between 0 and 1") { (0...1).contains($0) } ?? 0.5
        staffing.maxShiftHours = number(f, "max_shift_hours", "more than 0 and at most 24") { $0 > 0 && $0 <= 24 } ?? 7.5
        staffing.absenceRate = number(f, "absence_rate", "between 0 and 1") { (0...1).contains($0) } ?? 0.04
        if let node = f["dispatch"], let value = text(node, "'dispatch'") {
            let policies = DispatchPolicy.allCases.map(\.rawValue)
            if let policy = DispatchPolicy(rawValue: value) {
                staffing.dispatch = policy
            } else {
                error(Message.unknownReference("dispatch policy", value).suggesting(sink.suggest(value, in: policies))
                    .noting("dispatch policies are " + policies.joined(separator: " and ")), at: node.location)
            }
        }
        staffing.maxWaitMinutes = number(f, "max_wait", "between 0 and 1440 (minutes)") { (0...1440).contains($0) }
            ?? DispatchPolicy.defaultMaxWaitMinutes

        guard withinLimit(f, "shifts", ScenarioLimits.shifts), withinLimit(f, "rules", ScenarioLimits.rules) else { return staffing }
        let members = Dictionary(scenario.staff.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var warnedOverContract = Set<String>()
        var staffCandidates: [String]?
        var seenShifts: [String: SourceLocation] = [:], seenRules: [String: SourceLocation] = [:]
        for item in list(f, "shifts") {
            guard let sf = fields(item, what: "each item of 'shifts'", context: "a shift", allowed: Keys.shift) else { continue }
            let id = label(sf, noun: "shift", seen: &seenShifts)
            let site = requiredText(sf, "site")
            if let site, let location = sf["site"]?.location { refer(.site, site, at: location) }
            let placement = self.placement(sf, site: site)
            let days = sf["days"].flatMap { daySet($0, "'days'") } ?? (sf.has("days") ? nil : DaySet.daily)
            let hours = required(sf, "hours").flatMap { clockRange($0) }

            // Staff: ids of positions or of groups, expanded.
            var staffIDs: [(id: String, location: SourceLocation)] = []
            if let staffNode = required(sf, "staff"), let items = list(staffNode, "'staff'", scalarAllowed: true) {
                for entry in items {
                    guard let id = text(entry, "each item of 'staff'") else { continue }
                    if let positions = groups[id] {
                        staffIDs += positions.map { ($0, entry.location) }
                    } else if members[id] != nil {
                        staffIDs.append((id, entry.location))
                    } else {
                        if staffCandidates == nil {
                            staffCandidates = scenario.staff.filter { $0.group == nil }.map(\.id) + groups.keys.sorted()
                        }
                        let candidates = staffCandidates ?? []
                        error(Message.unknownReference("staff member", id).suggesting(sink.suggest(id, in: candidates)), at: entry.location)
                    }
                }
            }
            guard let site, let placement, let days, let hours else { continue }
            staffing.shifts.append(Shift(staff: staffIDs.map(\.id), site: site, zone: placement, days: days, hours: hours, id: id))
            record(placement, at: site)
            if staffIDs.contains(where: { members[$0.id]?.isVacant == false }), case .zone(let zone) = placement {
                placedZones.insert(ZoneKey(site: site, zone: zone))
            }

            // Contracted hours and vacancies.
            var warnedVacant = Set<SourceLocation>()
            for (id, location) in staffIDs {
                guard let member = members[id] else { continue }
                if member.isVacant {
                    if warnedVacant.insert(location).inserted { warning(.vacantOnShift(member.group ?? id), at: location) }
                    continue
                }
                let minutes = (shiftMinutes[id] ?? 0) + days.days.count * hours.minutes
                shiftMinutes[id] = minutes
                let contracted = member.fte * weekHours
                if Double(minutes) > contracted * 60 + 1e-9, warnedOverContract.insert(id).inserted {
                    warning(
                        .overContract(id, hours: Double(minutes) / 60, contracted: contracted, fte: member.fte, weekHours: weekHours),
                        at: location)
                }
            }
        }

        for item in list(f, "rules") {
            guard let rf = fields(item, what: "each item of 'rules'", context: "a rule", allowed: Keys.rule) else { continue }
            let id = label(rf, noun: "rule", seen: &seenRules)
            let site = requiredText(rf, "site")
            if let site, let location = rf["site"]?.location { refer(.site, site, at: location) }
            let placement = self.placement(rf, site: site)
            let maxStaff = ScenarioLimits.minStaff
            let minStaff = integer(rf, "min_staff", "between 1 and \(maxStaff.formatted)") { $0 >= 1 && $0 <= maxStaff } ?? 1
            var hours: WeekSchedule?
            if let node = rf["hours"] { hours = schedule(node, "'hours'") }
            var units: [String] = []
            for (id, location) in ids(rf, "by") {
                units.append(id)
                refer(.unit, id, at: location)
            }
            guard let site, let placement else { continue }
            staffing.rules.append(StaffingRule(site: site, zone: placement, minStaff: minStaff, hours: hours, by: units, id: id))
            record(placement, at: site)
            if case .zone(let zone) = placement { placedZones.insert(ZoneKey(site: site, zone: zone)) }
        }
        return staffing
    }

    /// The `id` of a shift or rule (a slug, unique among its kind), if it has one.
    func label(_ f: Fields, noun: String, seen: inout [String: SourceLocation]) -> String? {
        guard let node = f["id"], let id = text(node, "'id'") else { return nil }
        checkSlug(id, at: node.location)
        if let first = seen[id] {
            error(.duplicateID(noun, id, firstLine: first.file == node.location.file ? first.line : nil), at: node.location)
        } else {
            seen[id] = node.location
        }
        return id
    }

    /// `zone: <id>`, `zone: roving` or `roving: true`.
    func placement(_ f: Fields, site: String?) -> ZonePlacement? {
        let roving = bool(f, "roving")
        if let node = f["zone"] {
            if roving == true, let location = f.entry("roving")?.keyLocation {
                error(.exclusive("zone", "roving"), at: location)
                return nil
            }
            guard let id = text(node, "'zone'") else { return nil }
            if id == "roving" { return .roving }
            if let site { refer(.zone(site: site), id, at: node.location) }
            return .zone(id)
        }
        if roving == true { return .roving }
        if roving == nil, f.has("roving") { return nil }  // not a boolean: already reported
        error(.missingZone(in: f.context), at: f.location)
        return nil
    }

    func record(_ placement: ZonePlacement, at site: String) {
        switch placement {
        case .zone(let zone): staffedPlacements.insert(ZoneKey(site: site, zone: zone))
        case .roving: rovingSites.insert(site)
        }
    }
}
