import Foundation

// What each KPI key means to a reader: its name in both languages, its unit, how its
// differences are worded and which direction is better.

/// How a KPI is measured, which decides its unit and the wording of a difference.
public enum KPIKind: Sendable, Hashable {
    /// A count per simulated day; differences relative (%).
    case count
    /// Minutes; differences relative (%).
    case minutes
    /// Hours per simulated day; differences relative (%).
    case hours
    /// A fraction 0…1 shown as %; differences in percentage points.
    case share
    /// Money in the report's currency; differences relative (%).
    case money
}

/// Which direction of change is an improvement.
public enum KPIPreference: Sendable, Hashable {
    case higherIsBetter, lowerIsBetter, neutral
}

/// A KPI as a reader sees it.
public struct KPIInfo: Sendable, Hashable {
    public var key: String
    public var kind: KPIKind
    public var preference: KPIPreference
    public var englishName: String
    public var danishName: String

    public func name(_ language: ReportLanguage) -> String {
        language == .da ? danishName : englishName
    }

    /// The unit after a value ("%", "min", "DKK"); empty for counts.
    public func unit(_ language: ReportLanguage, currency: String) -> String {
        switch kind {
        case .count: ""
        case .minutes: "min"
        case .hours: language == .da ? "t" : "h"
        case .share: "%"
        case .money: currency
        }
    }

    /// Decimals for values and differences of this KPI.
    var decimals: Int {
        kind == .money ? 0 : 1
    }

    /// The display value of a raw value (shares become percent).
    func display(_ value: Double) -> Double {
        kind == .share ? value * 100 : value
    }

    /// Looks a key up; an unknown key gets a readable name from the key itself.
    public static func info(for key: String) -> KPIInfo {
        if let known = catalogue.first(where: { $0.key == key }) { return known }
        var name = key.replacingOccurrences(of: "_", with: " ")
        if let first = name.first { name = first.uppercased() + name.dropFirst() }
        let kind: KPIKind =
            key.hasSuffix("_share") ? .share
            : key.hasSuffix("_min") ? .minutes
            : key.hasSuffix("_hours") ? .hours
            : key.hasPrefix("cost_") || key.hasSuffix("_cost") ? .money
            : .count
        return KPIInfo(key: key, kind: kind, preference: .neutral, englishName: name, danishName: name)
    }

    /// The KPIs of the results contract in reading order: `dialogue_hours` (an addition)
    /// after the dialogues served, the mean wait over all requests after the mean wait, the
    /// shares given up and asked when nobody was on duty beside their counts.
    public static let catalogue: [KPIInfo] = [
        KPIInfo(key: "visits", kind: .count, preference: .neutral,
                englishName: "Visits per day", danishName: "Besøg pr. dag"),
        KPIInfo(key: "dialogues_requested", kind: .count, preference: .neutral,
                englishName: "Dialogues requested per day", danishName: "Ønskede samtaler pr. dag"),
        KPIInfo(key: "dialogues_served", kind: .count, preference: .higherIsBetter,
                englishName: "Dialogues served per day", danishName: "Samtaler gennemført pr. dag"),
        KPIInfo(key: "dialogue_hours", kind: .hours, preference: .higherIsBetter,
                englishName: "Hours of dialogue held per day", danishName: "Samtaletimer pr. dag"),
        KPIInfo(key: "served_share", kind: .share, preference: .higherIsBetter,
                englishName: "Share of dialogues served", danishName: "Andel samtaler gennemført"),
        KPIInfo(key: "competence_match_share", kind: .share, preference: .higherIsBetter,
                englishName: "Dialogues served with the right competence",
                danishName: "Samtaler med den rette kompetence"),
        KPIInfo(key: "wait_mean_min", kind: .minutes, preference: .lowerIsBetter,
                englishName: "Mean wait for a dialogue", danishName: "Gennemsnitlig ventetid på en samtale"),
        KPIInfo(key: "wait_all_mean_min", kind: .minutes, preference: .lowerIsBetter,
                englishName: "Mean wait, given-up requests included",
                danishName: "Gennemsnitlig ventetid, opgivne ønsker medregnet"),
        KPIInfo(key: "wait_p90_min", kind: .minutes, preference: .lowerIsBetter,
                englishName: "Wait for a dialogue, 90th percentile", danishName: "Ventetid på en samtale, 90 %-fraktil"),
        KPIInfo(key: "wait_prob", kind: .share, preference: .lowerIsBetter,
                englishName: "Dialogues that had to wait", danishName: "Samtaler med ventetid"),
        KPIInfo(key: "abandoned", kind: .count, preference: .lowerIsBetter,
                englishName: "Dialogues given up per day", danishName: "Opgivne samtaler pr. dag"),
        KPIInfo(key: "abandon_share", kind: .share, preference: .lowerIsBetter,
                englishName: "Share of dialogues given up", danishName: "Andel opgivne samtaler"),
        KPIInfo(key: "unattended", kind: .count, preference: .lowerIsBetter,
                englishName: "Asked when nobody was on duty, per day", danishName: "Spurgt uden personale til stede pr. dag"),
        KPIInfo(key: "unservable_share", kind: .share, preference: .lowerIsBetter,
                englishName: "Share asked when nobody was on duty",
                danishName: "Andel spurgt uden personale til stede"),
        KPIInfo(key: "turnaways", kind: .count, preference: .lowerIsBetter,
                englishName: "Turned away at a full zone per day", danishName: "Afvist ved fuld zone pr. dag"),
        KPIInfo(key: "staff_floor_hours", kind: .hours, preference: .neutral,
                englishName: "Staff hours on the floor per day", danishName: "Personaletimer på gulvet pr. dag"),
        KPIInfo(key: "staff_utilisation", kind: .share, preference: .neutral,
                englishName: "Floor time spent in dialogue", danishName: "Tid på gulvet brugt på samtaler"),
        KPIInfo(key: "travel_hours", kind: .hours, preference: .lowerIsBetter,
                englishName: "Staff travel hours per day", danishName: "Personalets rejsetimer pr. dag"),
        KPIInfo(key: "coverage_share", kind: .share, preference: .higherIsBetter,
                englishName: "Required staffing covered", danishName: "Krævet bemanding dækket"),
        KPIInfo(key: "annual_staff_cost", kind: .money, preference: .lowerIsBetter,
                englishName: "Annual staff cost", danishName: "Årlig lønudgift"),
        KPIInfo(key: "cost_per_visit", kind: .money, preference: .lowerIsBetter,
                englishName: "Cost per visit", danishName: "Udgift pr. besøg"),
        KPIInfo(key: "cost_per_dialogue", kind: .money, preference: .lowerIsBetter,
                englishName: "Cost per dialogue", danishName: "Udgift pr. samtale"),
        KPIInfo(key: "occupancy_mean", kind: .count, preference: .neutral,
                englishName: "Persons present, mean", danishName: "Personer til stede, gennemsnit"),
        KPIInfo(key: "occupancy_peak", kind: .count, preference: .neutral,
                englishName: "Persons present, peak", danishName: "Personer til stede, maksimum"),
    ]
}

/// How a clear difference is judged.
public enum Assessment: Sendable, Hashable {
    case better, worse
    /// A clear change in a KPI that is neither good nor bad in itself.
    case neutral
}

extension KPIInfo {
    /// The judgement of a change with the sign of `change` (assumed clear).
    package func assessment(ofChange change: Double) -> Assessment {
        switch preference {
        case .neutral: .neutral
        case .higherIsBetter: change > 0 ? .better : .worse
        case .lowerIsBetter: change < 0 ? .better : .worse
        }
    }
}
