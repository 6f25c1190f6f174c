/// The page a drawing is made for: a 16:9 slide or a sheet of A4 landscape.
///
/// A drawing is *fitted* to its page: scaled, up or down, until it fills the page inside
/// the margins. Text is legible when it is at least ``minimumLegiblePointSize`` points high
/// after fitting; the org charts page themselves (``OrgChart/pages(_:options:)``) so that
/// every page meets that.
public enum PageShape: String, Sendable, Hashable, CaseIterable {
    /// A 16:9 slide, 13.333 × 7.5 in (PowerPoint's widescreen default).
    case slide
    /// A4 landscape, 297 × 210 mm.
    case a4Landscape = "a4-landscape"

    /// The smallest text, in points after fitting, that a drawing may show: 6 pt — the
    /// usual floor for fine print on paper, and readable on a projected slide.
    public static let minimumLegiblePointSize = 6.0

    /// The whole page, in points (1/72 in).
    public var size: (width: Double, height: Double) {
        switch self {
        case .slide: (960, 540)
        case .a4Landscape: (841.89, 595.28)
        }
    }

    /// The area a drawing may fill: the page less a margin of 0.3 in (slide) or 10 mm (A4)
    /// on every side. (The drawings carry their own title.)
    public var drawingArea: (width: Double, height: Double) {
        switch self {
        case .slide: (960 - 2 * 21.6, 540 - 2 * 21.6)
        case .a4Landscape: (841.89 - 2 * 28.35, 595.28 - 2 * 28.35)
        }
    }

    /// The aspect ratio (width ÷ height) of ``drawingArea``.
    public var aspectRatio: Double { drawingArea.width / drawingArea.height }

    /// The factor a drawing of `width` × `height` points is scaled by to fill the drawing
    /// area (0 for an empty or non-finite drawing).
    public func fittingScale(width: Double, height: Double) -> Double {
        guard width > 0, height > 0, width.isFinite, height.isFinite else { return 0 }
        return min(drawingArea.width / width, drawingArea.height / height)
    }
}
