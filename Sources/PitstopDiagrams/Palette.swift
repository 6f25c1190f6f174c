import PitstopModel

/// An sRGB colour, written as `#RRGGBB`.
struct RGB: Hashable, Sendable {
    var r: Double, g: Double, b: Double  // 0…1

    init(r: Double, g: Double, b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// Parses `#RGB`, `#RRGGBB` or a common CSS colour name; nil otherwise.
    init?(css: String) {
        let text = css.trimmingWhitespace().lowercased()
        if text.hasPrefix("#") {
            let hex = Array(text.dropFirst())
            let digits: [Character]
            switch hex.count {
            case 3: digits = hex.flatMap { [$0, $0] }
            case 6: digits = hex
            default: return nil
            }
            var values: [Double] = []
            for i in stride(from: 0, to: 6, by: 2) {
                guard let v = UInt8(String(digits[i...i + 1]), radix: 16) else { return nil }
                values.append(Double(v) / 255)
            }
            self.init(r: values[0], g: values[1], b: values[2])
        } else if let hex = RGB.cssNames[text] {
            self.init(css: hex)
        } else {
            return nil
        }
    }

    var hex: String {
        func byte(_ v: Double) -> String {
            let n = Format.count((v * 255).rounded(), atMost: 255)
            let s = String(n, radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }

    /// Mixed with white: 0 = the colour, 1 = white.
    func tint(_ amount: Double) -> RGB {
        RGB(r: r + (1 - r) * amount, g: g + (1 - g) * amount, b: b + (1 - b) * amount)
    }

    /// Mixed with black: 0 = the colour, 1 = black.
    func shade(_ amount: Double) -> RGB {
        RGB(r: r * (1 - amount), g: g * (1 - amount), b: b * (1 - amount))
    }

    /// CSS names a scenario is likely to use (sorted table, looked up only).
    static let cssNames: [String: String] = [
        "black": "#000000", "blue": "#0000FF", "brown": "#A52A2A", "coral": "#FF7F50",
        "crimson": "#DC143C", "cyan": "#00FFFF", "darkblue": "#00008B", "darkgreen": "#006400",
        "darkred": "#8B0000", "gold": "#FFD700", "gray": "#808080", "green": "#008000",
        "grey": "#808080", "indigo": "#4B0082", "lightblue": "#ADD8E6", "lightgreen": "#90EE90",
        "lime": "#00FF00", "magenta": "#FF00FF", "maroon": "#800000", "navy": "#000080",
        "olive": "#808000", "orange": "#FFA500", "pink": "#FFC0CB", "purple": "#800080",
        "red": "#FF0000", "salmon": "#FA8072", "seagreen": "#2E8B57", "silver": "#C0C0C0",
        "skyblue": "#87CEEB", "steelblue": "#4682B4", "tan": "#D2B48C", "teal": "#008080",
        "tomato": "#FF6347", "turquoise": "#40E0D0", "violet": "#EE82EE", "white": "#FFFFFF",
        "yellow": "#FFFF00",
    ]
}

/// The colours of one group of boxes: border, fill, and the stronger fill of managers.
struct Swatch: Hashable, Sendable {
    var border: String
    var fill: String
    var managerFill: String
    var managerBorder: String
    var clusterFill: String

    init(base: RGB) {
        border = base.shade(0.05).hex
        fill = base.tint(0.80).hex
        managerFill = base.tint(0.52).hex
        managerBorder = base.shade(0.35).hex
        clusterFill = base.tint(0.93).hex
    }

    init(border: String, fill: String, managerFill: String, managerBorder: String, clusterFill: String) {
        self.border = border
        self.fill = fill
        self.managerFill = managerFill
        self.managerBorder = managerBorder
        self.clusterFill = clusterFill
    }

    /// Site units and people outside perspective units.
    static let neutral = Swatch(
        border: "#8A9099", fill: "#F1F3F5", managerFill: "#D9DEE4", managerBorder: "#4A525C",
        clusterFill: "#F8F9FA")
}

enum Palette {
    /// Muted, distinguishable colours for perspectives without their own `colour`.
    static let perspectives: [RGB] = [
        "#E07A5F", "#3D85C6", "#81B29A", "#E9B949", "#9C6ADE", "#4DA8A8", "#C9734A", "#7E8CA8",
    ].compactMap { RGB(css: $0) }

    static let text = "#1F2933"
    static let muted = "#5B6570"
    static let faint = "#8A9099"
    static let edge = "#7B848E"
    static let organisationFill = "#2F3B4C"
    static let forumFill = "#F6F1E7"
    static let forumBorder = "#B9A98C"

    /// The colour of every perspective of the scenario, by id: its own `colour` when that
    /// parses, else the palette colour at its position.
    static func perspectiveColours(_ scenario: Scenario) -> [String: RGB] {
        var result: [String: RGB] = [:]
        for (index, perspective) in scenario.perspectives.enumerated() where result[perspective.id] == nil {
            result[perspective.id] = perspective.colour.flatMap(RGB.init(css:))
                ?? perspectives[index % perspectives.count]
        }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
