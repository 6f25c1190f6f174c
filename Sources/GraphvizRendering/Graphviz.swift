import CGraphviz
import Foundation

/// Renders DOT text with the Graphviz C library, in process and in memory.
///
/// Graphviz is not thread-safe, not even with one context per thread, so every call into
/// it goes through one process-wide lock, and the process keeps one Graphviz context that is
/// never freed (freeing it leaks and trips a use-after-free in the pango plugin). Safe to
/// call from any number of threads or tasks; renders run one at a time. A large layout
/// (thousands of nodes) holds the lock for seconds. The last render's graph is freed after
/// its bytes are returned (on a background thread, or before the next render).
public enum Graphviz {
    /// Lays out `dot` with `layout` and writes it as `format`.
    ///
    /// For ``OutputFormat/dot`` the DOT text itself is returned and Graphviz is not called.
    /// PNG output is drawn at 144 dpi unless the graph sets `dpi`. Graphviz's warnings are
    /// dropped; see ``renderReportingWarnings(dot:layout:format:)``.
    public static func render(dot: String, layout: Layout = .dot, format: OutputFormat) throws(RenderError) -> [UInt8] {
        try renderReportingWarnings(dot: dot, layout: layout, format: format).output
    }

    /// Like ``render(dot:layout:format:)``, also returning what Graphviz warned about
    /// (for example an unknown colour name), one message a line.
    public static func renderReportingWarnings(
        dot: String, layout: Layout = .dot, format: OutputFormat
    ) throws(RenderError) -> (output: [UInt8], warnings: String) {
        guard let formatName = format.graphvizName else { return (Array(dot.utf8), "") }
        return try Engine.shared.render(dot: dot, layout: layout.rawValue, format: formatName, subject: format.rawValue)
    }

    /// The Graphviz version the library reports (Debian's 2.42.2 calls itself 2.43.0).
    public static var version: String {
        Engine.shared.version
    }

    /// Whether a layout plugin was found when the context was created.
    public static var hasLayoutPlugins: Bool {
        Engine.shared.layoutPluginCount > 0
    }
}

/// Text that Graphviz hands to the error function. Only touched with `Engine.lock` held:
/// Graphviz calls the function synchronously from calls made under the lock.
nonisolated(unsafe) private var capturedMessages = ""

/// The one Graphviz context of the process and the lock around every Graphviz call.
private final class Engine: @unchecked Sendable {
    static let shared = Engine()

    private let lock = NSLock()
    // Guarded by `lock`.
    private var context: OpaquePointer?
    private var plugins = (layout: 0, textLayout: 0)
    /// The graph of the last successful render, laid out, waiting to be freed.
    private var pendingGraph: UnsafeMutablePointer<Agraph_t>?

    /// Runs `body` with the lock held and the context created.
    private func withContext<T>(_ body: (OpaquePointer) throws(RenderError) -> T) throws(RenderError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let gvc: OpaquePointer
        if let context {
            gvc = context
        } else {
            // Once per process, before any graph exists.
            pitstop_use_sequential_ids()
            _ = agseterr(AGWARN)
            _ = agseterrf { text in
                if let text { capturedMessages += String(cString: text) }
                return 0
            }
            capturedMessages = ""
            guard let created = gvContext() else {
                throw RenderError(kind: .pluginsMissing, graphvizMessage: takeMessages())
            }
            context = created
            plugins = (Int(pitstop_plugin_count(created, "layout")), Int(pitstop_plugin_count(created, "textlayout")))
            _ = takeMessages()
            gvc = created
        }
        return try body(gvc)
    }

    var version: String {
        (try? withContext { gvc in String(cString: gvcVersion(gvc)) }) ?? "unknown"
    }

    var layoutPluginCount: Int {
        (try? withContext { _ in plugins.layout }) ?? 0
    }

    /// The captured Graphviz messages, trimmed; clears the buffer. Lock held.
    private func takeMessages() -> String {
        let text = capturedMessages.trimmingWhitespace()
        capturedMessages = ""
        return text
    }

    func render(dot: String, layout: String, format: String, subject: String) throws(RenderError) -> (output: [UInt8], warnings: String) {
        try withContext { gvc throws(RenderError) in
            guard plugins.layout > 0 else { throw RenderError(kind: .pluginsMissing) }
            // The previous graph first: one graph at a time per context.
            freePendingGraph(gvc)
            capturedMessages = ""
            _ = agreseterrors()
            pitstop_reset_sequential_ids()

            // 1. Parse.
            let parsed = dot.withCString { agmemread($0) }
            guard let graph = parsed else {
                let message = takeMessages()
                throw RenderError(kind: .syntax, graphvizMessage: message.isEmpty ? "no graph in the input" : message)
            }
            // After a successful render the layout and the graph are freed off the caller's
            // path (below); on any failure they are freed here, in this order.
            var deferred = false
            // 6. Free the graph last.
            defer { if !deferred { _ = agclose(graph) } }

            if format.hasPrefix("png"), Self.get(graph, "dpi").isEmpty {
                _ = Self.set(graph, "dpi", "144")
            }

            // 2. Lay out.
            guard gvLayout(gvc, graph, layout) == 0 else {
                throw RenderError.interpreting(takeMessages(), stage: .layout, subject: layout)
            }
            // 5. Free the layout before the graph.
            defer { if !deferred { _ = gvFreeLayout(gvc, graph) } }

            // 3. Render into memory.
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0  // `unsigned int *` in 2.42
            guard gvRenderData(gvc, graph, format, &data, &length) == 0, let data else {
                throw RenderError.interpreting(takeMessages(), stage: .output, subject: subject)
            }
            // 4. Free the output buffer, only when rendering succeeded.
            defer { gvFreeRenderData(data) }
            let bytes = Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
            let warnings = takeMessages()
            // Freeing a large layout takes as long as a tenth of making it; the caller has
            // its bytes, so that happens on a background thread (under the lock), or at the
            // start of the next render, whichever comes first.
            deferred = true
            pendingGraph = graph
            DispatchQueue.global(qos: .utility).async { [self] in
                lock.lock()
                defer { lock.unlock() }
                if let context { freePendingGraph(context) }
            }
            return (bytes, warnings)
        }
    }

    /// Frees the graph of the last render, if still there: its layout, then the graph. Lock held.
    private func freePendingGraph(_ gvc: OpaquePointer) {
        guard let graph = pendingGraph else { return }
        pendingGraph = nil
        _ = gvFreeLayout(gvc, graph)
        _ = agclose(graph)
    }

    /// `agget` with a Swift string: the value, or "" when unset.
    private static func get(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String {
        name.withCString { n in
            agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: n)).map { String(cString: $0) } ?? ""
        }
    }

    /// `agsafeset` with Swift strings (cgraph 2.42 takes non-const `char *` and copies).
    private static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) -> Int32 {
        name.withCString { n in
            value.withCString { v in
                "".withCString { empty in
                    agsafeset(
                        UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: n),
                        UnsafeMutablePointer(mutating: v), UnsafeMutablePointer(mutating: empty))
                }
            }
        }
    }
}
