/// Requirement against rota at one site: per place a heat grid of weekdays × half hours,
/// each cell "planned / required" and coloured by the balance (red short, green met).
///
/// ```swift
/// let chart = StaffingChart(title: "Main library", columnStart: 20, columns: 18, blocks: [...])
/// let svg = chart.svg(id: "staffing-main")
/// ```
public struct StaffingChart: Sendable, Hashable {
    /// One place's grid.
    public struct Block: Sendable, Hashable {
        public var title: String
        /// A line under the title (e.g. the week's shortfall).
        public var subtitle: String
        public var rows: [Row]
        public init(title: String, subtitle: String, rows: [Row]) {
            self.title = title
            self.subtitle = subtitle
            self.rows = rows
        }
    }

    /// One weekday: a cell per half hour of the chart's span, `nil` where the site is not staffed.
    public struct Row: Sendable, Hashable {
        public var label: String
        public var cells: [Cell?]
        public init(label: String, cells: [Cell?]) {
            self.label = label
            self.cells = cells
        }
    }

    public struct Cell: Sendable, Hashable {
        public var required: Int
        public var planned: Int
        public init(required: Int, planned: Int) {
            self.required = required
            self.planned = planned
        }
    }

    public var title: String
    /// The first half hour shown (0 is 00:00–00:30).
    public var columnStart: Int
    public var columns: Int
    public var blocks: [Block]
    public var language: ReportLanguage

    public init(title: String, columnStart: Int, columns: Int, blocks: [Block], language: ReportLanguage = .en) {
        self.title = title
        self.columnStart = columnStart
        self.columns = columns
        self.blocks = blocks
        self.language = language
    }

    static let cellWidth = 30.0, cellHeight = 20.0, labelWidth = 44.0, margin = 16.0

    /// The colour of a cell by planned − required.
    static func fill(_ c: Cell) -> String {
        let balance = c.planned - c.required
        switch balance {
        case ..<(-2): return "#d9534f"
        case -2: return "#ec8f8c"
        case -1: return "#f8cfcd"
        case 0: return c.required == 0 ? "#ffffff" : "#d4edda"
        default: return "#a8d5b5"
        }
    }

    public func svg(id: String) -> String {
        let da = language == .da
        let gridWidth = Double(columns) * Self.cellWidth
        let width = max(Self.margin * 2 + Self.labelWidth + gridWidth, 420)
        var y = Self.margin + 16
        var height = y
        for block in blocks { height += 40 + Double(block.rows.count) * Self.cellHeight + 14 }
        height += 56
        var canvas = SVGCanvas(width: width, height: height, id: id)
        canvas.text(title, Self.margin, y, size: 15, weight: "bold")
        y += 12
        let x0 = Self.margin + Self.labelWidth
        for block in blocks {
            y += 18
            canvas.text(block.title, Self.margin, y, size: 13, weight: "bold")
            canvas.text(block.subtitle, width - Self.margin, y, anchor: .end, size: 11, fill: Palette.muted)
            y += 6
            // Hour labels above the grid.
            for k in 0...columns where (columnStart + k) % 2 == 0 {
                let hour = (columnStart + k) / 2
                canvas.text((hour < 10 ? "0" : "") + String(hour), x0 + Double(k) * Self.cellWidth, y + 10, anchor: .middle,
                            size: 10, fill: Palette.muted)
            }
            y += 14
            for row in block.rows {
                canvas.text(row.label, Self.margin, y + 14, size: 11)
                for (k, cell) in row.cells.enumerated() {
                    let x = x0 + Double(k) * Self.cellWidth
                    guard let cell else {
                        canvas.rect(x, y, Self.cellWidth, Self.cellHeight, fill: "#f5f7fa")
                        continue
                    }
                    let start = columnStart + k
                    let clock = { (s: Int) in (s / 2 < 10 ? "0" : "") + "\(s / 2):" + (s % 2 == 0 ? "00" : "30") }
                    let tip = "\(row.label) \(clock(start))–\(clock(start + 1)): "
                        + (da ? "planlagt \(cell.planned), krævet \(cell.required)" : "planned \(cell.planned), required \(cell.required)")
                    canvas.rect(x, y, Self.cellWidth, Self.cellHeight, fill: Self.fill(cell), stroke: "#ffffff", tooltip: tip)
                    if cell.required > 0 || cell.planned > 0 {
                        canvas.text("\(cell.planned)/\(cell.required)", x + Self.cellWidth / 2, y + 14, anchor: .middle, size: 9.5)
                    }
                }
                y += Self.cellHeight
            }
            y += 8
        }
        y += 20
        let legend: [SVGCanvas.LegendItem] = [
            .init(label: da ? "3+ for få" : "3+ short", colour: "#d9534f", style: .box),
            .init(label: da ? "2 for få" : "2 short", colour: "#ec8f8c", style: .box),
            .init(label: da ? "1 for få" : "1 short", colour: "#f8cfcd", style: .box),
            .init(label: da ? "dækket" : "met", colour: "#d4edda", style: .box),
            .init(label: da ? "flere end krævet" : "more than required", colour: "#a8d5b5", style: .box),
        ]
        canvas.legend(legend, x: Self.margin, y: y, maxWidth: width - 2 * Self.margin)
        canvas.text(da ? "Celler: planlagt/krævet personale pr. halve time" : "Cells: staff planned/required per half hour",
                    Self.margin, y + 24, size: 11, fill: Palette.muted)
        let description = da
            ? "Krævet personale efter Erlang A mod den optimerede vagtplan, ugedag × halve time, pr. zone."
            : "Staff required by Erlang A against the optimised rota, weekday × half hour, per zone."
        return canvas.render(title: title, description: description)
    }
}
