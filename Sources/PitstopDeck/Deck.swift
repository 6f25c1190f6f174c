// The slide model: what a slide holds, placed in points on a 16:9 slide (960 × 540 pt).
// Values only; `PPTXWriter` turns a deck into Office Open XML.

/// A presentation: 16:9 slides in order, each with its speaker notes.
public struct Deck: Sendable, Hashable {
    /// The document title (its properties) — the first slide shows its own.
    public var title: String
    /// The language tag of the text (`en-GB`, `da-DK`), for spelling and hyphenation.
    public var languageTag: String
    public var slides: [Slide]

    public init(title: String, languageTag: String, slides: [Slide]) {
        self.title = title
        self.languageTag = languageTag
        self.slides = slides
    }

    /// The slide's size in points: 13.333 × 7.5 in.
    public static let width = 960.0
    public static let height = 540.0
}

/// One slide: a title (the slide's title placeholder), what is on it, and speaker notes.
public struct Slide: Sendable, Hashable {
    public var title: String
    /// Where the title sits; the layout's place (a band across the top) when nil.
    public var titleFrame: Frame?
    public var titleSize: Double
    /// The title's colour (`#rrggbb`).
    public var titleColour: String = "#24405a"
    public var elements: [SlideElement]
    /// Speaker notes, one paragraph a line.
    public var notes: String

    public init(title: String, titleFrame: Frame? = nil, titleSize: Double = 26, elements: [SlideElement] = [], notes: String = "") {
        self.title = title
        self.titleFrame = titleFrame
        self.titleSize = titleSize
        self.elements = elements
        self.notes = notes
    }
}

/// A rectangle on the slide, in points from the top-left corner.
public struct Frame: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Something placed on a slide.
public enum SlideElement: Sendable, Hashable {
    case text(TextBox)
    case table(Table)
    case picture(Picture)
    /// A filled rectangle (a band, a marker): drawn before everything else on the slide, the
    /// title included, so always behind.
    case box(Frame, fill: String)
}

/// A run of text with its look. Colours are `#rrggbb`.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var size: Double
    public var bold: Bool
    public var colour: String

    public init(_ text: String, size: Double = 16, bold: Bool = false, colour: String = "#1f2933") {
        self.text = text
        self.size = size
        self.bold = bold
        self.colour = colour
    }
}

/// A paragraph: runs, and whether it is a bullet point.
public struct Paragraph: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable {
        case left = "l", centre = "ctr", right = "r"
    }

    public var runs: [TextRun]
    public var bullet: Bool
    public var alignment: Alignment
    /// Space before the paragraph, in points.
    public var spaceBefore: Double

    public init(_ runs: [TextRun], bullet: Bool = false, alignment: Alignment = .left, spaceBefore: Double = 0) {
        self.runs = runs
        self.bullet = bullet
        self.alignment = alignment
        self.spaceBefore = spaceBefore
    }

    public var text: String { runs.map(\.text).joined() }
}

/// A text box: paragraphs in a frame, optionally on a fill.
public struct TextBox: Sendable, Hashable {
    public enum Anchor: String, Sendable, Hashable {
        case top = "t", middle = "ctr", bottom = "b"
    }

    public var frame: Frame
    public var paragraphs: [Paragraph]
    public var fill: String?
    public var anchor: Anchor
    /// Inner margin on every side, in points.
    public var inset: Double

    public init(frame: Frame, paragraphs: [Paragraph], fill: String? = nil, anchor: Anchor = .top, inset: Double = 4) {
        self.frame = frame
        self.paragraphs = paragraphs
        self.fill = fill
        self.anchor = anchor
        self.inset = inset
    }
}

/// A native table: column widths, rows of cells; the first `headerRows` rows are headers.
public struct Table: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public var runs: [TextRun]
        public var alignment: Paragraph.Alignment
        public var fill: String?

        public init(_ runs: [TextRun], alignment: Paragraph.Alignment = .left, fill: String? = nil) {
            self.runs = runs
            self.alignment = alignment
            self.fill = fill
        }

        public var text: String { runs.map(\.text).joined() }
    }

    public var frame: Frame
    /// In points; they should add up to the frame's width.
    public var columnWidths: [Double]
    public var rowHeight: Double
    public var rows: [[Cell]]
    public var headerRows: Int

    public init(frame: Frame, columnWidths: [Double], rowHeight: Double, rows: [[Cell]], headerRows: Int = 1) {
        self.frame = frame
        self.columnWidths = columnWidths
        self.rowHeight = rowHeight
        self.rows = rows
        self.headerRows = headerRows
    }
}

/// A PNG picture in a frame; its pixels should be twice the frame's size at 96 px per inch.
public struct Picture: Sendable, Hashable {
    public var frame: Frame
    public var png: [UInt8]
    /// Alternative text for screen readers.
    public var description: String
    /// A thin border around the picture, if any.
    public var border: String?

    public init(frame: Frame, png: [UInt8], description: String, border: String? = nil) {
        self.frame = frame
        self.png = png
        self.description = description
        self.border = border
    }
}
