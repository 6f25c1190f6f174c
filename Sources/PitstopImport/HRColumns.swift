import PitstopModel

/// What a column of an HR export holds, as the import reads it.
public enum HRField: String, CaseIterable, Sendable {
    /// The employee (or position) number other rows name as their manager.
    case id
    case name
    /// Joined with `last_name` into the name.
    case firstName = "first_name"
    case lastName = "last_name"
    case title
    /// The manager's employee number (or, failing that, their exact name).
    case manager
    case unit
    case site
    /// FTE, 0 < fte ≤ 1.5.
    case fte
    /// Contracted hours a week; fte = hours ÷ the scenario's `week_hours` (37).
    case weeklyHours = "weekly_hours"
    /// Yearly pay of the position (at its FTE).
    case salary
    /// Monthly pay of the position; × 12 for the year.
    case monthlySalary = "monthly_salary"
    case profession
    /// A column deliberately left out (still listed as not imported).
    case ignore

    /// Headers recognised for each field, compared as Danish slugs (`Nærmeste leder` →
    /// `naermeste-leder`), so case, accents and punctuation do not matter.
    static let headers: [HRField: [String]] = [
        .id: [
            "medarbejdernr", "medarbejdernummer", "medarb-nr", "medarbejder-nr", "medarbejder-id", "ma-nr", "loenr",
            "loennummer", "stillingsnr", "stillingsnummer", "id", "employee-id", "employee-number", "employee-no",
            "position-id", "person-id",
        ],
        .name: ["navn", "fulde-navn", "medarbejdernavn", "name", "full-name", "employee-name", "employee"],
        .firstName: ["fornavn", "first-name", "given-name"],
        .lastName: ["efternavn", "last-name", "surname", "family-name"],
        .title: ["stilling", "stillingsbetegnelse", "titel", "jobtitel", "title", "job-title", "position"],
        .manager: [
            "leder", "naermeste-leder", "leders-medarbejdernr", "leder-id", "leder-nr", "chef", "manager",
            "manager-id", "reports-to", "line-manager", "supervisor",
        ],
        .unit: ["afdeling", "enhed", "team", "organisatorisk-enhed", "org-enhed", "department", "unit", "division"],
        .site: ["arbejdssted", "tjenestested", "lokation", "matrikel", "bibliotek", "site", "location", "work-location", "workplace"],
        .fte: ["normering", "aarsvaerk", "beskaeftigelsesgrad", "brok", "fte", "full-time-equivalent"],
        .weeklyHours: ["timer-pr-uge", "ugentlig-arbejdstid", "ugentlige-timer", "arbejdstid", "weekly-hours", "hours-per-week"],
        .salary: ["loen", "aarsloen", "aarsloen-kr", "loen-kr", "salary", "annual-salary", "yearly-salary", "pay"],
        .monthlySalary: ["maanedsloen", "maanedsloen-kr", "monthly-salary", "monthly-pay"],
        .profession: ["faggruppe", "profession", "fagomraade", "uddannelse"],
    ]

    /// The field a header names, if any.
    static func recognise(_ header: String) -> HRField? {
        let key = danishSlug(header)
        for field in HRField.allCases where headers[field]?.contains(key) == true { return field }
        return nil
    }
}

/// `--map COLUMN=FIELD`: the column with that header holds that field.
public struct ColumnMapping: Sendable, Hashable {
    public var column: String
    public var field: HRField

    public init(column: String, field: HRField) {
        self.column = column
        self.field = field
    }

    /// Reads `COLUMN=FIELD` (the last `=` splits: a header may hold one).
    public static func parse(_ text: String) -> Result<ColumnMapping, MappingProblem> {
        guard let split = text.lastIndex(of: "=") else { return .failure(.noEquals(text)) }
        let column = text[..<split].trimmingCharacters(in: .whitespaces)
        let fieldText = text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty else { return .failure(.noColumn(text)) }
        guard let field = HRField(rawValue: fieldText) else {
            return .failure(.unknownField(fieldText, suggestion: closestMatch(to: fieldText, in: HRField.allCases.map(\.rawValue))))
        }
        return .success(ColumnMapping(column: column, field: field))
    }
}

/// Why a `--map` argument cannot be read.
public enum MappingProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case noEquals(String)
    case noColumn(String)
    case unknownField(String, suggestion: String?)

    public var description: String {
        switch self {
        case .noEquals(let text): "'\(text)' must be COLUMN=FIELD, e.g. 'Nærmeste leder=manager'"
        case .noColumn(let text): "'\(text)' names no column before '='"
        case .unknownField(let field, let suggestion):
            "unknown field '\(field)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; the fields are " + HRField.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
