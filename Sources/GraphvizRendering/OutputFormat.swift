/// A file format Graphviz can write.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
    /// The DOT text the project built, returned as is (Graphviz is not called).
    case dot

    /// The file-name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The `format[:renderer]` string passed to `gvRenderData`, or `nil` for ``dot``.
    ///
    /// PNG and PDF go through the cairo renderer of the pango plugin (`libgvplugin_pango`).
    var graphvizName: String? {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: nil
        }
    }
}

/// A Graphviz layout engine.
public enum Layout: String, Sendable, CaseIterable {
    /// Hierarchical layout: org charts.
    case dot
    /// No layout: every node has a `pos` in points (`neato -n`). Floor maps.
    case nop
    /// Spring model layout.
    case neato
}
