import PitstopModel

extension ScenarioDecoder {
    /// Positions per group are capped so that `count: 1e9` cannot exhaust memory.
    static let maxGroupCount = ScenarioLimits.groupCount

    func decodeStaff(_ top: Fields) -> [StaffMember] {
        // Positions are counted before any group is expanded.
        if let node = top["staff"], let items = node.items {
            let positions = items.reduce(0) { total, item in
                let count = item["count"]?.scalar.flatMap(parseNumber).map { min(max($0, 1), Double(Self.maxGroupCount)) } ?? 1
                return total + Int(count.isFinite ? count : 1)
            }
            if positions > ScenarioLimits.positions {
                error(Message(ScenarioLimits.tooMany("staff positions", found: positions, limit: ScenarioLimits.positions)), at: node.location)
                return []
            }
        }
        var members: [StaffMember] = []
        var seen: [String: SourceLocation] = [:]
        for item in identified(top, "staff", noun: "staff member", allowed: Keys.staff, checkDuplicates: false) {
            let f = item.fields
            let count = integer(f, "count", "between 1 and \(Self.maxGroupCount.formatted)") { $0 >= 1 && $0 <= Self.maxGroupCount }
            let isGroup = f.has("count")
            let vacant = bool(f, "vacant") ?? false
            let name = text(f, "name")
            let title = text(f, "title")
            if name == nil {
                if !vacant && !isGroup {
                    error(.missingName(in: f.context), at: f.location)
                } else if title == nil {
                    error(.missingTitle(in: f.context), at: f.location)
                }
            }
            var member = StaffMember(id: item.id, name: name, title: title ?? "", isVacant: vacant)
            member.profession = text(f, "profession")
            member.fte = number(f, "fte", "more than 0 and at most 1.5") { $0 > 0 && $0 <= 1.5 } ?? 1
            member.cost = number(f, "cost", "between 0 and 1,000,000,000") { $0 >= 0 && $0 <= ScenarioLimits.cost } ?? 0
            if let node = f["cost"], member.cost > 0, member.cost / member.fte < Self.plausibleCostPerFTE {
                warning(.implausibleCost(member.cost, raw: node.scalar ?? ""), at: node.location)
            }
            if let node = f["unit"], let id = text(node, "'unit'") {
                member.unit = id
                refer(.unit, id, at: node.location)
            }
            var managerLocation: SourceLocation?
            if let node = f["manager"], let id = text(node, "'manager'") {
                member.manager = id
                managerLocation = node.location
                refer(.person(role: "a manager"), id, at: node.location)
            }
            for (id, location) in ids(f, "competences") {
                member.competences.append(id)
                refer(.competence, id, at: location)
            }
            for (id, location) in ids(f, "sites") {
                member.sites.append(id)
                refer(.site, id, at: location)
            }

            // Positions: one, or `count` of them named id-1 … id-n.
            var positions: [String] = [item.id]
            if isGroup {
                positions = (1...(count ?? 1)).map { "\(item.id)-\($0)" }
                groups[item.id] = positions
                member.group = item.id
            }
            for id in (isGroup ? [item.id] : []) + positions {
                if let first = seen[id] {
                    let line = first.file == item.idLocation.file ? first.line : nil
                    error(.duplicateID("staff", id, firstLine: line), at: item.idLocation)
                } else {
                    seen[id] = item.idLocation
                }
            }
            for id in positions {
                var position = member
                position.id = id
                members.append(position)
                if staffIndex[id] == nil { staffIndex[id] = StaffInfo(item: f.location, manager: managerLocation) }
            }
        }
        return members
    }

    /// Below this annual cost per FTE a cost is taken for a slip (`90.000` read as 90).
    static let plausibleCostPerFTE = 1_000.0

    func decodeOrganisation(_ top: Fields, scenarioName: String) -> Organisation {
        var organisation = Organisation(name: scenarioName)
        guard let node = top["organisation"],
            let f = fields(node, what: "'organisation'", context: "'organisation'", allowed: Keys.organisation)
        else { return organisation }
        organisation.name = text(f, "name") ?? scenarioName

        if let node = f["leader_forum"],
            let lf = fields(node, what: "'leader_forum'", context: "'leader_forum'", allowed: Keys.leaderForum)
        {
            let chair = required(lf, "chair").flatMap { chairNode -> String? in
                guard let id = text(chairNode, "'chair'") else { return nil }
                refer(.person(role: "the chair"), id, at: chairNode.location) { .notStaff("chair", $0) }
                return id
            }
            var members: [String] = []
            for (id, location) in ids(lf, "members") {
                members.append(id)
                refer(.person(role: "a member"), id, at: location) { .notStaff("member", $0) }
            }
            organisation.leaderForum = LeaderForum(name: text(lf, "name") ?? "Leader forum", chair: chair ?? "", members: members)
        }

        organisation.units = identified(f, "units", noun: "unit", allowed: Keys.unit).map { item in
            let uf = item.fields
            var unit = Unit(id: item.id, name: text(uf, "name") ?? item.id)
            if let node = uf["site"], let id = text(node, "'site'") {
                unit.site = id
                refer(.site, id, at: node.location)
            }
            if let node = uf["perspective"], let id = text(node, "'perspective'") {
                unit.perspective = id
                refer(.perspective, id, at: node.location)
            }
            if let node = uf["lead"], let id = text(node, "'lead'") {
                unit.lead = id
                refer(.person(role: "a unit lead"), id, at: node.location)
            }
            var parentLocation: SourceLocation?
            if let node = uf["parent"], let id = text(node, "'parent'") {
                unit.parent = id
                parentLocation = node.location
                refer(.unit, id, at: node.location)
            }
            for entry in list(uf, "covers") {
                guard let cf = fields(entry, what: "each item of 'covers'", context: "'covers' of unit '\(item.id)'", allowed: Keys.coverage),
                    let siteNode = required(cf, "site"), let site = text(siteNode, "'site'")
                else { continue }
                refer(.site, site, at: siteNode.location)
                var zones: [String] = []
                if required(cf, "zones") != nil {
                    for (zone, location) in ids(cf, "zones") {
                        zones.append(zone)
                        refer(.zone(site: site), zone, at: location)
                        coverageLocations.append((item.id, ZoneKey(site: site, zone: zone), location))
                    }
                }
                unit.covers.append(Coverage(site: site, zones: zones))
            }
            unitLocations[item.id] = (uf.location, parentLocation)
            return unit
        }
        return organisation
    }
}
