/// Who reports to whom, derived from the scenario by the rules of the format.
///
/// The leader forum's chair is the top and reports to nobody. Anyone else reports to
/// `manager` if given, else to the lead of their unit; a unit's lead reports to the lead of
/// the nearest ancestor unit that has one, else to the chair. People outside every unit
/// report to `manager`, else to the chair.
public struct ReportingTree: Sendable, Hashable {
    /// The manager of each position id (absent for roots).
    public let managerOf: [String: String]
    /// Position ids in scenario order.
    public let order: [String]
    /// Positions with no manager.
    public let roots: [String]
    /// Each reporting cycle once, as the ids in it (starting from the smallest id).
    public let cycles: [[String]]

    public init(_ scenario: Scenario) {
        let chair = scenario.organisation.leaderForum?.chair
        let ids = Set(scenario.staff.map(\.id))
        var unitsByID: [String: Unit] = [:]
        for u in scenario.organisation.units where unitsByID[u.id] == nil { unitsByID[u.id] = u }

        /// The lead of the nearest unit at or above `unitID` that has one and is not `person`.
        func leadAbove(_ unitID: String?, excluding person: String) -> String? {
            var current = unitID
            var seen = Set<String>()
            while let id = current, let unit = unitsByID[id], seen.insert(id).inserted {
                if let lead = unit.lead, lead != person, ids.contains(lead) { return lead }
                current = unit.parent
            }
            return nil
        }

        var managerOf: [String: String] = [:]
        for member in scenario.staff {
            if member.id == chair { continue }
            var boss: String?
            if let m = member.manager, ids.contains(m) {
                boss = m
            } else if let unitID = member.unit, let unit = unitsByID[unitID] {
                if unit.lead == member.id {
                    boss = leadAbove(unit.parent, excluding: member.id)
                } else {
                    boss = leadAbove(unitID, excluding: member.id)
                }
            }
            if boss == nil, let chair, chair != member.id, ids.contains(chair) { boss = chair }
            if let boss, boss != member.id { managerOf[member.id] = boss } else if let boss, boss == member.id {
                managerOf[member.id] = boss  // self-report: a cycle of one
            }
        }
        self.managerOf = managerOf
        self.order = scenario.staff.map(\.id)
        self.roots = order.filter { managerOf[$0] == nil }

        // Cycles: walk up from each node; a revisit within the same walk is a cycle.
        var state: [String: Int] = [:]  // 1 = on current path, 2 = done
        var found: [[String]] = []
        for start in order where state[start] == nil {
            var path: [String] = []
            var node: String? = start
            while let n = node, state[n] == nil {
                state[n] = 1
                path.append(n)
                node = managerOf[n]
            }
            if let n = node, state[n] == 1, let i = path.firstIndex(of: n) {
                var cycle = Array(path[i...])
                if let minIndex = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                    cycle = Array(cycle[minIndex...] + cycle[..<minIndex])
                }
                found.append(cycle)
            }
            for p in path { state[p] = 2 }
        }
        self.cycles = found
    }

    /// Direct reports of each manager, in scenario order.
    public var directReports: [String: [String]] {
        var result: [String: [String]] = [:]
        for id in order { if let m = managerOf[id] { result[m, default: []].append(id) } }
        return result
    }

    /// The depth of every position reachable from a root (roots have depth 1).
    /// Positions on a cycle are left out.
    public var depths: [String: Int] {
        let reports = directReports
        var depth: [String: Int] = [:]
        var stack = roots.map { ($0, 1) }
        while let (id, d) = stack.popLast() {
            if depth[id] != nil { continue }
            depth[id] = d
            for r in reports[id] ?? [] { stack.append((r, d + 1)) }
        }
        return depth
    }
}
