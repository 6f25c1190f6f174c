import PitstopModel

extension ScenarioDecoder {
    /// Zones are checked pairwise for overlaps, so their number per site is capped.
    static let maxZonesPerSite = ScenarioLimits.zonesPerSite

    func decodeSites(_ top: Fields) -> [Site] {
        guard withinLimit(top, "sites", ScenarioLimits.sites) else { return [] }
        let zoneCount = (top["sites"]?.items ?? []).reduce(0) { $0 + ($1["zones"]?.items?.count ?? 0) }
        if zoneCount > ScenarioLimits.zones, let node = top["sites"] {
            error(Message(ScenarioLimits.tooMany("zones", found: zoneCount, limit: ScenarioLimits.zones)), at: node.location)
            return []
        }
        let items = identified(top, "sites", noun: "site", allowed: Keys.site)
        let metres = "more than 0 and at most \(Int(ScenarioLimits.metres).formatted) m"
        return items.map { item in
            let f = item.fields
            var site = Site(id: item.id, name: text(f, "name") ?? item.id)
            if let node = f["staffed_hours"] { site.staffedHours = schedule(node, "'staffed_hours'") ?? WeekSchedule() }
            if let node = f["open_hours"] { site.openHours = schedule(node, "'open_hours'") ?? WeekSchedule() }

            var floor: Floor?
            if let node = f["floor"], let ff = fields(node, what: "'floor'", context: "the floor of site '\(item.id)'", allowed: Keys.floor) {
                let width = required(ff, "width").flatMap { number($0, "'width'", metres) { $0 > 0 && $0 <= ScenarioLimits.metres } }
                let depth = required(ff, "depth").flatMap { number($0, "'depth'", metres) { $0 > 0 && $0 <= ScenarioLimits.metres } }
                if let width, let depth { floor = Floor(width: width, depth: depth) }
            }

            var placed: [(zone: Zone, location: SourceLocation)] = []
            let zoneItems = identified(f, "zones", noun: "zone", allowed: Keys.zone)
            if zoneItems.count > Self.maxZonesPerSite, let node = f["zones"] {
                error(.tooMany("zones", at: "site '\(item.id)'", found: zoneItems.count, limit: Self.maxZonesPerSite), at: node.location)
            }
            for z in zoneItems.prefix(Self.maxZonesPerSite) {
                let zf = z.fields
                var zone = Zone(id: z.id, name: text(zf, "name") ?? z.id)
                if z.id == "roving" { error(.reservedRoving, at: z.idLocation) }
                zoneLocations[ZoneKey(site: item.id, zone: z.id)] = zf.location
                if let p = zf["perspective"], let id = text(p, "'perspective'") {
                    zone.perspective = id
                    refer(.perspective, id, at: p.location)
                }
                if let c = zf["capacity"] { zone.capacity = capacity(c) ?? .unlimited }
                let at = required(zf, "at").flatMap { pair($0, "at", positive: false) }
                let size = required(zf, "size").flatMap { pair($0, "size", positive: true) }
                if let at, let size {
                    zone.at = at
                    zone.size = size
                    placed.append((zone, zf.entry("at")?.value.location ?? zf.location))
                }
                site.zones.append(zone)
            }
            site.floor = floor ?? boundingFloor(of: placed.map(\.zone))
            checkPlacement(placed, floor: floor, site: item.id)

            for link in list(f, "links") {
                guard let pair = link.items, pair.count == 2, let a = pair[0].scalar, let b = pair[1].scalar else {
                    error(.wrongType("each link", expected: "a pair of zone ids [a, b]", found: link.found), at: link.location)
                    continue
                }
                refer(.zone(site: item.id), a, at: pair[0].location)
                refer(.zone(site: item.id), b, at: pair[1].location)
                site.links.append(ZoneLink(a, b))
            }
            if let node = f["travel"] {
                if let entries = node.entries {
                    for entry in entries {
                        refer(.site, entry.key, at: entry.keyLocation)
                        let range = "between 0 and \(Int(ScenarioLimits.travelMinutes).formatted)"
                        if let minutes = number(entry.value, "travel minutes", range, { $0 >= 0 && $0 <= ScenarioLimits.travelMinutes }) {
                            site.travel[entry.key] = minutes
                        }
                    }
                } else {
                    error(.wrongType("'travel'", expected: "a map of site ids to minutes", found: node.found), at: node.location)
                }
            }
            return site
        }
    }

    func capacity(_ node: SourceNode) -> Capacity? {
        if node.scalar == "unlimited" { return .unlimited }
        guard let text = node.scalar, let value = parseNumber(text), value == value.rounded(), abs(value) < 1e15 else {
            error(.badCapacity(found: node.found), at: node.location)
            return nil
        }
        let limit = Double(ScenarioLimits.capacity)
        guard value >= 0, value <= limit else {
            let expected = "between 0 and \(ScenarioLimits.capacity.formatted) (or unlimited)"
            error(.outOfRange("'capacity'", expected: expected, found: value), at: node.location)
            return nil
        }
        return .limited(Int(value))
    }

    /// `[x, y]` in metres; `positive` requires both above 0 (a size), else 0 or more.
    func pair(_ node: SourceNode, _ key: String, positive: Bool) -> Point? {
        guard let items = node.items, items.count == 2,
            let x = items[0].scalar.flatMap(parseNumber), let y = items[1].scalar.flatMap(parseNumber)
        else {
            error(.badPair(key, found: node.found), at: node.location)
            return nil
        }
        let limit = ScenarioLimits.metres
        func valid(_ v: Double) -> Bool { (positive ? v > 0 : v >= 0) && v <= limit }
        guard valid(x), valid(y) else {
            let expected = (positive ? "more than 0" : "0 or more") + " and at most \(Int(limit).formatted) m in both directions"
            error(.outOfRange("'\(key)'", expected: expected, found: valid(x) ? y : x), at: node.location)
            return nil
        }
        return Point(x: x, y: y)
    }

    /// Zones must lie inside the floor and must not overlap each other.
    func checkPlacement(_ placed: [(zone: Zone, location: SourceLocation)], floor: Floor?, site: String) {
        for (index, entry) in placed.enumerated() {
            let zone = entry.zone
            if let floor, zone.at.x + zone.size.x > floor.width || zone.at.y + zone.size.y > floor.depth {
                error(.zoneOutsideFloor(zone.id, site: site, floor: floor), at: entry.location)
            }
            if let other = placed[..<index].first(where: { $0.zone.overlaps(zone) }) {
                error(.zonesOverlap(zone.id, other.zone.id, site: site), at: entry.location)
            }
        }
    }

    /// With no `floor:`, the smallest floor that holds every zone.
    func boundingFloor(of zones: [Zone]) -> Floor {
        Floor(
            width: zones.map { $0.at.x + $0.size.x }.max() ?? 0,
            depth: zones.map { $0.at.y + $0.size.y }.max() ?? 0)
    }
}
