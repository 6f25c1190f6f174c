import Foundation
import PitstopModel

extension HRImport {
    /// A site or unit named in the file, with the id it gets.
    struct Named {
        var id: String
        var name: String
        /// Whether it is the base scenario's (an overlay then only names it).
        var inBase: Bool
    }

    /// The scenario (or overlay) text for `people`, who resolved without errors.
    func write(_ people: [Person], table: CSVTable, unmapped: [(column: Int, header: String)], reading: String,
               columns: [HRField: Int]) -> String {
        let base = options.base?.scenario
        let sites = named(people.compactMap(\.site), existing: base?.sites.map { ($0.id, $0.name) } ?? [])
        let units = named(people.compactMap(\.unit), existing: base?.organisation.units.map { ($0.id, $0.name) } ?? [])
        let siteID = Dictionary(sites.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let unitID = Dictionary(units.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let top = people.first { $0.managerKey == nil }
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reports: [String: [String]] = [:]
        for person in people { if let m = person.manager { reports[m, default: []].append(person.id) } }

        // Units: the lead is the one member whose manager is outside the unit; the parent
        // is the unit of the lead's manager (left out where it would nest in a cycle).
        var leadOf: [String: String] = [:], parentOf: [String: String] = [:], siteOfUnit: [String: String] = [:]
        for unit in units {
            let members = people.filter { $0.unit.flatMap { unitID[$0] } == unit.id }
            let heads = members.filter { m in m.manager.flatMap { byID[$0] }.flatMap { $0.unit.flatMap { unitID[$0] } } != unit.id }
            if heads.count == 1, !heads[0].isVacant { leadOf[unit.id] = heads[0].id }
            let memberSites = Set(members.compactMap { $0.site.flatMap { siteID[$0] } })
            if memberSites.count == 1, members.allSatisfy({ $0.site != nil }) { siteOfUnit[unit.id] = memberSites.first }
        }
        for unit in units {
            guard let lead = leadOf[unit.id], let manager = byID[lead]?.manager, let parent = byID[manager]?.unit.flatMap({ unitID[$0] }),
                  parent != unit.id else { continue }
            var seen: Set<String> = [unit.id], current: String? = parent
            while let c = current, !seen.contains(c) {
                seen.insert(c)
                current = parentOf[c]
            }
            if current == nil { parentOf[unit.id] = parent }
        }
        let forumMembers = top.map { t in (reports[t.id] ?? []).filter { reports[$0] != nil } } ?? []

        var out = ""
        func line(_ text: String) { out += text + "\n" }
        let file = (table.file as NSString).lastPathComponent
        let salaryHeader = columns[.salary].map { table.header[$0] } ?? columns[.monthlySalary].map { table.header[$0] + " × 12" }
        line("# Imported from \(file) by `pitstop import`: \(people.count) \(people.count == 1 ? "person" : "people") (\(reading)).")
        if let salaryHeader {
            line("# cost is the fully loaded yearly cost of each position: its pay ('\(salaryHeader)') × \(formatNumber(options.onCost)),")
            line("# the on-cost factor for pension, holiday pay, ATP and other employer costs (--on-cost).")
        } else {
            line("# No salary column: every cost is 0. cost is the fully loaded yearly cost of a position")
            line("# (pay × on-cost for pension, holiday pay, ATP …) — fill it in.")
        }
        if unmapped.isEmpty {
            line("# Every column was imported.")
        } else {
            line("# Not imported: " + unmapped.map { "'\($0.header.isEmpty ? "(no header)" : $0.header)' (column \($0.column))" }.joined(separator: ", ")
                 + " — name one with --map COLUMN=FIELD.")
        }
        line("# Left for you (an HR export does not hold them):")
        line("#   competences: declare them under `competences:` and list each person's;")
        if base == nil {
            line("#   each site's opening hours (staffed_hours, open_hours) and the zones on its floor;")
            line("#   personas (the visitors) and profiles; staffing rules or shifts.")
        } else {
            line("#   zones, personas and staffing come from the base scenario; people it had")
            line("#   that this file does not are removed (remove: true) — check its shifts and rules.")
        }
        if let (path, _) = options.base {
            line("extends: \(YAMLScalar.text(path))")
        } else {
            line("format: 1")
        }
        let name = options.name ?? ((file as NSString).deletingPathExtension)
        if base == nil { line("name: \(YAMLScalar.text(name))") }

        let newSites = sites.filter { !$0.inBase }
        if !newSites.isEmpty {
            line("")
            line("sites:")
            for site in newSites {
                line("  - id: \(YAMLScalar.id(site.id))")
                line("    name: \(YAMLScalar.text(site.name))")
            }
        }

        line("")
        line("organisation:")
        if base == nil { line("  name: \(YAMLScalar.text(name))") }
        if let top {
            line("  leader_forum:")
            if base?.organisation.leaderForum == nil { line("    name: Lederforum") }
            line("    chair: \(YAMLScalar.id(top.id))")
            line("    members: [\(forumMembers.map(YAMLScalar.id).joined(separator: ", "))]")
        }
        let removedUnits = (base?.organisation.units ?? []).filter { u in !units.contains { $0.id == u.id } }
        if !units.isEmpty || !removedUnits.isEmpty {
            line("  units:")
            for unit in units {
                line("    - id: \(YAMLScalar.id(unit.id))")
                if !unit.inBase { line("      name: \(YAMLScalar.text(unit.name))") }
                if let site = siteOfUnit[unit.id] { line("      site: \(YAMLScalar.id(site))") }
                if let lead = leadOf[unit.id] { line("      lead: \(YAMLScalar.id(lead))") }
                if let parent = parentOf[unit.id] { line("      parent: \(YAMLScalar.id(parent))") }
            }
            for unit in removedUnits { line("    - { id: \(YAMLScalar.id(unit.id)), remove: true }") }
        }

        line("")
        line("staff:")
        for person in people {
            line("  - id: \(YAMLScalar.id(person.id))")
            if person.isVacant {
                line("    vacant: true")
            } else {
                line("    name: \(YAMLScalar.text(person.name))")
            }
            if let title = person.title { line("    title: \(YAMLScalar.text(title))") }
            if let profession = person.profession { line("    profession: \(YAMLScalar.text(profession))") }
            if let unit = person.unit.flatMap({ unitID[$0] }) { line("    unit: \(YAMLScalar.id(unit))") }
            if let manager = person.manager { line("    manager: \(YAMLScalar.id(manager))") }
            if let fte = person.fte { line("    fte: \(YAMLScalar.number((fte * 10_000).rounded() / 10_000))") }
            if let salary = person.salary {
                let cost = (salary * options.onCost).rounded()
                line("    cost: \(YAMLScalar.number(cost))   # \(YAMLScalar.number(salary)) × \(formatNumber(options.onCost))")
            }
            if let site = person.site.flatMap({ siteID[$0] }) { line("    sites: [\(YAMLScalar.id(site))]") }
        }
        let imported = Set(people.map(\.id))
        var removed: [String] = []
        for member in base?.staff ?? [] {
            let id = member.group ?? member.id
            if !imported.contains(id), !removed.contains(id) { removed.append(id) }
        }
        for id in removed { line("  - { id: \(YAMLScalar.id(id)), remove: true }") }
        return out
    }

    /// Distinct names in first-seen order, with ids: the base's id where the name is a
    /// base item's id, name or the slug of either; else the Danish slug, made unique.
    func named(_ values: [String], existing: [(id: String, name: String)]) -> [Named] {
        var result: [Named] = []
        var used = Set(existing.map(\.id))
        for value in values where !result.contains(where: { $0.name == value }) {
            let slug = danishSlug(value)
            if let match = existing.first(where: { $0.id == value || $0.name.lowercased() == value.lowercased() || $0.id == slug }) {
                result.append(Named(id: match.id, name: value, inBase: true))
                continue
            }
            var id = slug.isEmpty ? "x" : slug, n = 2
            while used.contains(id) {
                id = "\(slug.isEmpty ? "x" : slug)-\(n)"
                n += 1
            }
            used.insert(id)
            result.append(Named(id: id, name: value, inBase: false))
        }
        return result
    }
}
