import Foundation

/// Why Graphviz could not draw a graph, with Graphviz's own words.
public struct RenderError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The stage that failed.
    public enum Kind: String, Sendable, Hashable {
        /// The DOT text did not parse.
        case syntax
        /// The layout engine failed.
        case layout
        /// Writing the output format failed.
        case output
        /// Graphviz found no layout plugins (`config6a` missing or empty plugin folder).
        case pluginsMissing
        /// The output format's plugin is not installed (cairo for PNG and PDF).
        case formatUnavailable
    }

    public var kind: Kind
    /// What Graphviz reported (errors and warnings, trimmed); may be empty.
    public var graphvizMessage: String
    /// The layout engine or format involved, when it matters for the message.
    public var subject: String?

    public init(kind: Kind, graphvizMessage: String = "", subject: String? = nil) {
        self.kind = kind
        self.graphvizMessage = graphvizMessage
        self.subject = subject
    }

    /// The message shown to users when no layout plugin is registered.
    public static let pluginsMissingMessage = "Graphviz layout plugins are missing; run `make deps`"

    public var description: String {
        let detail = graphvizMessage.isEmpty ? "" : ": \(graphvizMessage)"
        switch kind {
        case .syntax:
            return "Graphviz could not parse the DOT input\(detail)"
        case .layout:
            return "Graphviz could not lay out the graph with '\(subject ?? "?")'\(detail)"
        case .output:
            return "Graphviz could not write \(subject ?? "the output")\(detail)"
        case .pluginsMissing:
            return Self.pluginsMissingMessage + (graphvizMessage.isEmpty ? "" : " (Graphviz said: \(graphvizMessage))")
        case .formatUnavailable:
            return "Graphviz cannot write \(subject ?? "this format") here: its plugin (cairo) is missing; run `make deps`"
                + (graphvizMessage.isEmpty ? "" : " (Graphviz said: \(graphvizMessage))")
        }
    }

    /// Maps a failure at `kind`'s stage to an error, recognising Graphviz's "not recognized"
    /// messages. When no plugins are registered Graphviz only says
    /// `Layout type: "dot" not recognized. Use one of:` followed by an empty list.
    static func interpreting(_ message: String, stage kind: Kind, subject: String?) -> RenderError {
        let text = message.trimmingWhitespace()
        if let list = text.listAfter(marker: "not recognized. Use one of:") {
            if text.hasPrefix("Layout type:") || text.contains("Layout type:") {
                return RenderError(kind: list.isEmpty ? .pluginsMissing : .layout, graphvizMessage: text, subject: subject)
            }
            if text.hasPrefix("Format:") || text.contains("Format:") {
                return RenderError(kind: .formatUnavailable, graphvizMessage: text, subject: subject)
            }
        }
        return RenderError(kind: kind, graphvizMessage: text, subject: subject)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// The text after `marker` on the same line, trimmed, or `nil` when the marker is absent.
    func listAfter(marker: String) -> String? {
        guard let range = range(of: marker) else { return nil }
        let rest = self[range.upperBound...]
        let line = rest.prefix { $0 != "\n" }
        return String(line).trimmingWhitespace()
    }
}
