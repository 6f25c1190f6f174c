/// Names of professions. A scenario gives a position's profession as an id (`librarian`,
/// `social-worker`); the diagrams show a word from this table in the diagram's language for
/// the usual ones, and the id made readable (`health-nurse` → "Health nurse") otherwise.
public enum ProfessionNames {
    /// The profession's name in `language`: the table's word, else the id with its first
    /// letter capitalised and hyphens and underscores as spaces.
    public static func name(of id: String, in language: DiagramLanguage) -> String {
        if let words = table[id.lowercased()] {
            switch language {
            case .en: return words.en
            case .da: return words.da
            }
        }
        return humanised(id)
    }

    /// Whether `id` is in the word table.
    public static func isKnown(_ id: String) -> Bool { table[id.lowercased()] != nil }

    /// `health-nurse` → "Health nurse".
    static func humanised(_ id: String) -> String {
        let spaced = String(id.map { $0 == "-" || $0 == "_" ? " " : $0 })
        guard let first = spaced.first else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }

    /// The professions of public libraries and the professions they recruit ("supplement
    /// the librarians with other professions", the seed deck): English, Danish.
    static let table: [String: (en: String, da: String)] = [
        "administrative": ("Administrative officer", "Administrativ medarbejder"),
        "archivist": ("Archivist", "Arkivar"),
        "caretaker": ("Caretaker", "Pedel"),
        "communicator": ("Communicator", "Kommunikationsmedarbejder"),
        "consultant": ("Consultant", "Konsulent"),
        "cultural-mediator": ("Cultural mediator", "Kulturformidler"),
        "developer": ("Developer", "Udvikler"),
        "educator": ("Educator", "Pædagog"),
        "health-nurse": ("Health visitor", "Sundhedsplejerske"),
        "it-adviser": ("IT adviser", "IT-vejleder"),
        "it-supporter": ("IT supporter", "IT-supporter"),
        "job-counsellor": ("Job counsellor", "Jobkonsulent"),
        "librarian": ("Librarian", "Bibliotekar"),
        "library-assistant": ("Library assistant", "Biblioteksassistent"),
        "manager": ("Manager", "Leder"),
        "nurse": ("Nurse", "Sygeplejerske"),
        "psychologist": ("Psychologist", "Psykolog"),
        "researcher": ("Researcher", "Forsker"),
        "social-worker": ("Social worker", "Socialrådgiver"),
        "student-assistant": ("Student assistant", "Studentermedhjælper"),
        "teacher": ("Teacher", "Lærer"),
        "volunteer-coordinator": ("Volunteer coordinator", "Frivilligkoordinator"),
    ]
}
