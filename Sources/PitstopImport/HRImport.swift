import Foundation
import PitstopModel
import PitstopScenario

/// An HR export (one row per person or position) made into a scenario: sites, units,
/// staff and reporting lines — or, on a base scenario, an overlay that replaces the base's
/// people and organisation and keeps its sites, zones, personas and staffing.
///
/// ```swift
/// let table = try CSVTable.read(path: "HR.csv").get()
/// let result = HRImport(options: .init(onCost: 1.25)).run(table)
/// for d in result.diagnostics { print(d.rendered) }
/// if let yaml = result.yaml { … }   // nil whenever there is an error
/// ```
///
/// Every problem is reported at once, at `HR.csv:ROW:COLUMN`; nothing is produced when
/// there is an error.
public struct HRImport: Sendable {
    public struct Options: Sendable {
        /// Columns named explicitly, beside the recognised headers.
        public var mappings: [ColumnMapping]
        /// cost = salary × onCost: pension, holiday pay, ATP and other employer costs
        /// on top of pay (1.25 by default, a typical Danish public-sector figure).
        public var onCost: Double
        /// The `extends:` line of an overlay (a path relative to the output file), with
        /// the base scenario it names, loaded; `nil` for a stand-alone scenario.
        public var base: (path: String, scenario: Scenario)?
        /// The scenario's name; by default from the file name.
        public var name: String?

        public init(mappings: [ColumnMapping] = [], onCost: Double = HRImport.defaultOnCost,
                    base: (path: String, scenario: Scenario)? = nil, name: String? = nil) {
            self.mappings = mappings
            self.onCost = onCost
            self.base = base
            self.name = name
        }
    }

    /// The on-cost factor used when none is given.
    public static let defaultOnCost = 1.25

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// What an import produced.
    public struct Result: Sendable {
        /// The scenario (or overlay) text; `nil` whenever a diagnostic is an error.
        public var yaml: String?
        /// Every problem, sorted by row and column.
        public var diagnostics: [Diagnostic]
        /// Headers of the columns not imported, with their column numbers.
        public var unmappedColumns: [(column: Int, header: String)]
        /// People imported.
        public var people: Int
        /// How the file was read: encoding, separator, number convention.
        public var reading: String
    }

    /// One person, as read from a row.
    struct Person {
        var row: Int
        var key: String
        var name: String
        var isVacant: Bool
        var title: String?
        var managerKey: String?
        var unit: String?
        var site: String?
        var fte: Double?
        var salary: Double?
        var profession: String?
        var id = ""
        var manager: String?
    }

    public func run(_ table: CSVTable) -> Result {
        var problems = Problems(table: table)
        let columns = assignColumns(table, &problems)
        let fractionCells = table.rows.compactMap { row in columns[.fte].flatMap { $0 < row.count ? row[$0] : nil } }
        let convention = NumberConvention.detect(fractions: fractionCells, separator: table.separator)
        let separatorName = table.separator == "\t" ? "tab" : "'\(table.separator)'"
        let reading = "\(table.encoding.rawValue), \(separatorName) separated, \(convention.rawValue)"
        let unmapped = table.header.enumerated().filter { index, _ in
            !columns.values.contains(index) || columns.first(where: { $0.value == index })?.key == .ignore
        }.map { ($0.offset + 1, $0.element) }

        guard !problems.hasErrors else {
            return Result(yaml: nil, diagnostics: problems.sorted, unmappedColumns: unmapped, people: 0, reading: reading)
        }
        var people = readPeople(table, columns, convention, &problems)
        resolve(&people, columns, &problems)
        let yaml = problems.hasErrors ? nil : write(people, table: table, unmapped: unmapped, reading: reading, columns: columns)
        return Result(yaml: yaml, diagnostics: problems.sorted, unmappedColumns: unmapped, people: people.count, reading: reading)
    }

    // MARK: - Columns

    /// Column index of each field: recognised headers, then `--map`, which wins.
    func assignColumns(_ table: CSVTable, _ problems: inout Problems) -> [HRField: Int] {
        var columns: [HRField: Int] = [:]
        var explicit = Set<Int>()
        for mapping in options.mappings {
            guard let index = table.header.firstIndex(where: { $0 == mapping.column })
                ?? table.header.firstIndex(where: { $0.lowercased() == mapping.column.lowercased() })
            else {
                problems.error("--map names the column '\(mapping.column)', which the header does not have",
                               row: 1, column: 1,
                               notes: closestMatch(to: mapping.column, in: table.header).map { ["did you mean '\($0)'?"] } ?? []
                                   + ["the columns are " + table.header.map { "'\($0)'" }.joined(separator: ", ")])
                continue
            }
            if let other = columns[mapping.field], mapping.field != .ignore, other != index {
                problems.error("--map gives '\(mapping.field.rawValue)' twice: columns '\(table.header[other])' and '\(mapping.column)'", row: 1, column: index + 1)
            }
            columns[mapping.field] = index
            explicit.insert(index)
        }
        for (index, header) in table.header.enumerated() where !explicit.contains(index) {
            guard let field = HRField.recognise(header) else { continue }
            if let other = columns[field] {
                if !explicit.contains(other) {
                    problems.error(
                        "columns '\(table.header[other])' and '\(header)' both give '\(field.rawValue)'", row: 1, column: index + 1,
                        notes: ["choose one with --map '\(header)=ignore' or --map '\(table.header[other])=ignore'"])
                }
                continue
            }
            columns[field] = index
        }
        columns[.ignore] = nil
        if columns[.id] == nil {
            problems.error("no column gives the employee number ('id')", row: 1, column: 1,
                           notes: ["looked for headers such as Medarbejdernr., Lønnr., Employee ID; name yours with --map COLUMN=id"])
        }
        if columns[.name] == nil && (columns[.firstName] == nil || columns[.lastName] == nil) {
            problems.error("no column gives the name", row: 1, column: 1,
                           notes: ["looked for Navn, Name (or Fornavn and Efternavn); name yours with --map COLUMN=name"])
        }
        if columns[.manager] == nil {
            problems.error("no column gives the manager", row: 1, column: 1,
                           notes: ["looked for Leder, Nærmeste leder, Manager, Reports to; name yours with --map COLUMN=manager"])
        }
        if columns[.fte] != nil, columns[.weeklyHours] != nil {
            problems.error("both FTE ('\(table.header[columns[.fte]!])') and weekly hours ('\(table.header[columns[.weeklyHours]!])') are given",
                           row: 1, column: columns[.weeklyHours]! + 1,
                           notes: ["choose one with --map '\(table.header[columns[.weeklyHours]!])=ignore'"])
        }
        if columns[.salary] != nil, columns[.monthlySalary] != nil {
            problems.error("both a yearly ('\(table.header[columns[.salary]!])') and a monthly salary ('\(table.header[columns[.monthlySalary]!])') are given",
                           row: 1, column: columns[.monthlySalary]! + 1,
                           notes: ["choose one with --map '\(table.header[columns[.monthlySalary]!])=ignore'"])
        }
        return columns
    }

    // MARK: - Rows

    static let vacantWords: Set<String> = ["vakant", "vacant", "ledig", "ubesat", "vacancy"]

    func readPeople(_ table: CSVTable, _ columns: [HRField: Int], _ convention: NumberConvention, _ problems: inout Problems) -> [Person] {
        var people: [Person] = []
        let weekHours = options.base?.scenario.weekHours ?? 37
        for (offset, cells) in table.rows.enumerated() {
            let row = offset + 2
            if cells.isEmpty { continue }
            if cells.count != table.header.count {
                problems.error("row \(row) has \(cells.count) cells, the header \(table.header.count)", row: row, column: min(cells.count, table.header.count) + 1,
                               notes: ["a separator inside a cell needs quotes: \"Børn; unge\""])
            }
            func cell(_ field: HRField) -> String? {
                guard let index = columns[field], index < cells.count else { return nil }
                let value = cells[index]
                return value.isEmpty ? nil : value
            }
            func column(_ field: HRField) -> Int { (columns[field] ?? 0) + 1 }
            func required(_ field: HRField, _ label: String) -> String? {
                guard columns[field] != nil else { return nil }
                if let value = cell(field) { return value }
                problems.error("the \(label) is empty", row: row, column: column(field))
                return nil
            }
            let key = required(.id, "employee number ('\(table.header[columns[.id] ?? 0])')")
            var name: String?
            if columns[.name] != nil {
                name = required(.name, "name")
            } else {
                let parts = [cell(.firstName), cell(.lastName)].compactMap { $0 }
                if parts.isEmpty { problems.error("the name is empty", row: row, column: column(.firstName)) }
                name = parts.isEmpty ? nil : parts.joined(separator: " ")
            }
            var fte: Double?
            if let text = cell(.fte) {
                fte = number(text, "FTE", row: row, column: column(.fte), convention, &problems)
            } else if let text = cell(.weeklyHours) {
                fte = number(text, "weekly hours", row: row, column: column(.weeklyHours), convention, &problems).map { $0 / weekHours }
            }
            if let value = fte, !(value > 0 && value <= 1.5) {
                let field: HRField = cell(.fte) != nil ? .fte : .weeklyHours
                problems.error("FTE must be more than 0 and at most 1.5, found \(formatNumber(value))", row: row, column: column(field),
                               notes: field == .weeklyHours ? ["from \(cell(.weeklyHours) ?? "") hours a week ÷ \(formatNumber(weekHours))"] : [])
                fte = nil
            }
            var salary: Double?
            if let text = cell(.salary) {
                salary = number(text, "salary", row: row, column: column(.salary), convention, &problems)
            } else if let text = cell(.monthlySalary) {
                salary = number(text, "monthly salary", row: row, column: column(.monthlySalary), convention, &problems).map { $0 * 12 }
            }
            if let value = salary, value * options.onCost > 1e9 {
                problems.error("the salary \(formatNumber(value)) gives a cost above 1,000,000,000", row: row,
                               column: column(cell(.salary) != nil ? .salary : .monthlySalary))
                salary = nil
            }
            if let value = salary, value < 0 {
                problems.error("the salary must be 0 or more, found \(formatNumber(value))", row: row, column: column(cell(.salary) != nil ? .salary : .monthlySalary))
                salary = nil
            }
            guard let key, let name else { continue }
            let vacant = Self.vacantWords.contains(name.lowercased())
            if vacant, cell(.title) == nil {
                problems.error("a vacant position needs a title", row: row, column: column(.title))
            }
            people.append(Person(
                row: row, key: key, name: name, isVacant: vacant, title: cell(.title), managerKey: cell(.manager),
                unit: cell(.unit), site: cell(.site), fte: fte, salary: salary, profession: cell(.profession)))
        }
        return people
    }

    func number(_ text: String, _ what: String, row: Int, column: Int, _ convention: NumberConvention, _ problems: inout Problems) -> Double? {
        if let value = convention.parse(text) { return value }
        problems.error("the \(what) '\(text)' is not a number", row: row, column: column,
                       notes: ["this file writes numbers with a \(convention.rawValue), e.g. \(convention.example)"])
        return nil
    }

    // MARK: - Ids and reporting lines

    func resolve(_ people: inout [Person], _ columns: [HRField: Int], _ problems: inout Problems) {
        let idColumn = (columns[.id] ?? 0) + 1, managerColumn = (columns[.manager] ?? 0) + 1
        // Employee numbers: unique.
        var rowOfKey: [String: Int] = [:]
        var duplicateRows = Set<Int>()
        for person in people {
            if let first = rowOfKey[person.key] {
                problems.error("duplicate employee number '\(person.key)'", row: person.row, column: idColumn,
                               notes: ["'\(person.key)' is first given at row \(first)"])
                duplicateRows.insert(person.row)
            } else {
                rowOfKey[person.key] = person.row
            }
        }
        // Ids: the name as a Danish slug; where two people share it, the slug of the
        // employee number is added to each — so ids do not depend on row order.
        // On a base, a person the base has (by id, or by name) keeps the base's id, so that
        // its competences, shifts and references stay theirs.
        var used = Set<String>()
        var kept = Set<Int>()
        if let base = options.base?.scenario {
            let single = base.staff.filter { $0.group == nil }
            let ids = Set(single.map(\.id))
            var byName: [String: [String]] = [:]
            for m in single where !m.isVacant { if let n = m.name { byName[n.lowercased(), default: []].append(m.id) } }
            for index in people.indices {
                let p = people[index]
                let candidate = ids.contains(p.key) ? p.key : byName[p.name.lowercased()].flatMap { $0.count == 1 ? $0[0] : nil }
                if let id = candidate, !used.contains(id) {
                    people[index].id = id
                    used.insert(id)
                    kept.insert(index)
                }
            }
        }
        var bySlug: [String: Int] = [:]
        for person in people { bySlug[baseSlug(person), default: 0] += 1 }
        for index in people.indices where !kept.contains(index) {
            let slug = baseSlug(people[index])
            var id = bySlug[slug, default: 0] > 1 || slug.isEmpty ? [slug, danishSlug(people[index].key)].filter { !$0.isEmpty }.joined(separator: "-") : slug
            if id.isEmpty { id = "person" }
            var candidate = id, n = 2
            while used.contains(candidate) {
                candidate = "\(id)-\(n)"
                n += 1
            }
            used.insert(candidate)
            people[index].id = candidate
        }

        // Managers: by employee number, else by exact (unique) name.
        var idOfKey: [String: String] = [:]
        for person in people where idOfKey[person.key] == nil { idOfKey[person.key] = person.id }
        var idsOfName: [String: [String]] = [:]
        for person in people where !person.isVacant { idsOfName[person.name.lowercased(), default: []].append(person.id) }
        let keys = people.map(\.key)
        var tops: [Int] = []
        for index in people.indices {
            guard let managerKey = people[index].managerKey else {
                tops.append(index)
                continue
            }
            if let id = idOfKey[managerKey] {
                people[index].manager = id
            } else if let ids = idsOfName[managerKey.lowercased()], ids.count == 1 {
                people[index].manager = ids[0]
            } else {
                let suggestion = closestMatch(to: managerKey, in: keys) ?? closestMatch(to: managerKey, in: people.map(\.name))
                problems.error("unknown manager '\(managerKey)': no row has that employee number", row: people[index].row, column: managerColumn,
                               notes: suggestion.map { ["did you mean '\($0)'?"] } ?? [])
            }
        }
        if tops.count > 1 {
            let first = people[tops[0]]
            for index in tops.dropFirst() {
                problems.error("'\(people[index].name)' has no manager, and neither has '\(first.name)' (row \(first.row))",
                               row: people[index].row, column: managerColumn,
                               notes: ["only the top of the organisation reports to nobody: give a manager"])
            }
        }

        // Cycles, named by the people in them.
        let tree = ReportingTree(Scenario(
            name: "", organisation: Organisation(name: "", leaderForum: tops.first.map { LeaderForum(name: "", chair: people[$0].id) }),
            staff: people.map { p in
                var member = StaffMember(id: p.id, name: p.name, title: p.title ?? "")
                member.manager = p.manager
                return member
            }))
        let indexOfID = Dictionary(people.indices.map { (people[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        for cycle in tree.cycles {
            let members = cycle.compactMap { indexOfID[$0] }.sorted { people[$0].row < people[$1].row }
            guard let start = members.first, let startPosition = cycle.firstIndex(of: people[start].id) else { continue }
            let ordered = Array(cycle[startPosition...] + cycle[..<startPosition]) + [people[start].id]
            let named = ordered.compactMap { indexOfID[$0] }.map { "\(people[$0].name) (row \(people[$0].row))" }
            problems.error("reporting cycle: " + named.joined(separator: " → "), row: people[start].row, column: managerColumn,
                           notes: ["someone in a cycle must report to a manager outside it"])
        }
    }

    func baseSlug(_ person: Person) -> String {
        person.isVacant ? danishSlug("vakant " + (person.title ?? "")) : danishSlug(person.name)
    }
}

/// Diagnostics of an import, kept sorted by position.
struct Problems {
    let table: CSVTable
    var diagnostics: [Diagnostic] = []
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: String, row: Int, column: Int, notes: [String] = []) {
        diagnostics.append(Diagnostic(severity: .error, location: table.location(row: row, column: column), message: message, notes: notes))
    }

    mutating func warning(_ message: String, row: Int, column: Int, notes: [String] = []) {
        diagnostics.append(Diagnostic(severity: .warning, location: table.location(row: row, column: column), message: message, notes: notes))
    }

    var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let x = a.element.location!, y = b.element.location!
            return x < y || (x == y && a.offset < b.offset)
        }.map(\.element)
    }
}
