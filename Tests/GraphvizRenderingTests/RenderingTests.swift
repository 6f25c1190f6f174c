import Testing
import _PitstopTestSupport
@testable import GraphvizRendering

/// A chart with clusters and cross edges: the shape whose layout used to change from render
/// to render in one process before the sequential-id shim.
let clusteredDOT: String = {
    var dot = """
        digraph "org" {
          graph [fontname="Arial", compound=true, label=<<B>Bibliotekerne – Ørestad</B>>, labelloc=t];
          node [fontname="Arial", shape=box, style="rounded,filled", fillcolor="#F4F4F4"];
          edge [fontname="Arial", arrowhead=none];
          top [label="Direktør\\nJens Ærø"];

        """
    for c in 1...8 {
        dot += "  subgraph \"cluster_\(c)\" { label=\"Afdeling \(c) – æøå\"; style=\"rounded,filled\"; fillcolor=\"#EEF3FA\";\n"
        dot += "    h\(c) [label=\"Leder \(c)\"];\n"
        for p in 1...3 { dot += "    c\(c)p\(p) [label=\"Medarbejder \(c).\(p)\"]; h\(c) -> c\(c)p\(p);\n" }
        dot += "  }\n  top -> h\(c);\n"
    }
    for c in 1...7 { dot += "  c\(c)p1 -> c\(c + 1)p3 [style=dashed, constraint=false];\n" }
    return dot + "}\n"
}()

@Suite struct RenderingTests {
    @Test func svgIsWellFormedWithDanishLetters() throws {
        let svg = try Graphviz.render(dot: clusteredDOT, format: .svg)
        let parsed = try SVGInspector(svg)
        #expect(parsed.nodes.count == 1 + 8 * 4)
        #expect(parsed.clusters.count == 8)
        #expect(parsed.node("top")?.texts == ["Direktør", "Jens Ærø"])
        #expect(parsed.clusters.first?.texts == ["Afdeling 1 – æøå"])
        // Raw UTF-8, not character references.
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Ærø"))
        #expect(!text.contains("&#216;"))
    }

    @Test func clusteredChartIsIdenticalTwentyTimesInOneProcess() throws {
        let first = try Graphviz.render(dot: clusteredDOT, format: .svg)
        for _ in 1..<20 {
            #expect(try Graphviz.render(dot: clusteredDOT, format: .svg) == first)
        }
        // Clusters come out in creation order.
        let titles = try SVGInspector(first).clusters.map(\.title)
        #expect(titles == (1...8).map { "cluster_\($0)" })
    }

    @Test func concurrentRendersMatchASerialRender() async throws {
        let serial = try Graphviz.render(dot: clusteredDOT, format: .svg)
        let small = "graph { a -- b }"
        let serialSmall = try Graphviz.render(dot: small, format: .svg)
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for i in 0..<32 {
                group.addTask {
                    (i, try Graphviz.render(dot: i.isMultiple(of: 4) ? small : clusteredDOT, format: .svg))
                }
            }
            return try await group.reduce(into: [(Int, [UInt8])]()) { $0.append($1) }
        }
        #expect(results.count == 32)
        for (i, output) in results {
            #expect(output == (i.isMultiple(of: 4) ? serialSmall : serial))
        }
    }

    /// The last graph is freed after its bytes are returned; a failed render and a render
    /// with another layout in between must disturb neither that nor the renders after it.
    @Test func rendersAroundAFailureStayIdentical() throws {
        let first = try Graphviz.render(dot: clusteredDOT, format: .svg)
        #expect(throws: RenderError.self) { try Graphviz.render(dot: "digraph { a -> }", format: .svg) }
        _ = try Graphviz.render(dot: clusteredDOT, layout: .neato, format: .svg)
        let again = try Graphviz.render(dot: clusteredDOT, format: .svg)
        #expect(again == first)
    }

        @Test func pngAndPdfGoThroughCairo() throws {
        let png = try Graphviz.render(dot: "digraph { a -> b }", format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try Graphviz.render(dot: "digraph { a -> b }", format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func dotFormatReturnsTheTextWithoutGraphviz() throws {
        let text = "this is not DOT at all {"
        #expect(try Graphviz.render(dot: text, format: .dot) == Array(text.utf8))
    }

    @Test func nopKeepsPinnedPositionsInPoints() throws {
        let dot = """
            graph { node [shape=box, fixedsize=true, width=2.7778, height=1.6667, label=""];
              r1 [pos="100,300"]; r2 [pos="310,300"]; }
            """
        let svg = String(decoding: try Graphviz.render(dot: dot, layout: .nop, format: .svg), as: UTF8.self)
        // nop moves the drawing to the origin and keeps every distance: 200 × 120 pt rooms,
        // 10 pt apart.
        #expect(svg.contains("points=\"200,-120 0,-120 0,0 200,0 200,-120\""))
        #expect(svg.contains("points=\"410,-120 210,-120 210,0 410,0 410,-120\""))
    }

    @Test func syntaxErrorsCarryGraphvizText() {
        #expect {
            try Graphviz.render(dot: "digraph { a -> }", format: .svg)
        } throws: { error in
            guard let error = error as? RenderError else { return false }
            return error.kind == .syntax && error.graphvizMessage.contains("syntax error in line")
                && error.description.hasPrefix("Graphviz could not parse the DOT input: Error:")
        }
        #expect(throws: RenderError.self) { try Graphviz.render(dot: "", format: .svg) }
        // The parser recovers: the next render works.
        #expect((try? Graphviz.render(dot: "digraph { a -> b }", format: .svg)) != nil)
    }

    @Test func warningsAreCapturedNotPrinted() throws {
        let result = try Graphviz.renderReportingWarnings(
            dot: "digraph { a [color=nosuchcolour] }", format: .svg)
        #expect(result.warnings.contains("nosuchcolour is not a known color"))
        #expect(try SVGInspector(result.output).nodes.count == 1)
    }

    @Test func contextReportsVersionAndPlugins() {
        #expect(Graphviz.hasLayoutPlugins)
        #expect(Graphviz.version.hasPrefix("2."))
    }
}

@Suite struct RenderErrorTests {
    @Test func emptyLayoutListMeansPluginsAreMissing() {
        let error = RenderError.interpreting(
            "Error: Layout type: \"dot\" not recognized. Use one of:\n", stage: .layout, subject: "dot")
        #expect(error.kind == .pluginsMissing)
        #expect(error.description.hasPrefix("Graphviz layout plugins are missing; run `make deps`"))
    }

    @Test func unknownLayoutWithPluginsIsALayoutError() {
        let error = RenderError.interpreting(
            "Error: Layout type: \"dott\" not recognized. Use one of: circo dot fdp neato nop\n",
            stage: .layout, subject: "dott")
        #expect(error.kind == .layout)
        #expect(error.description.contains("'dott'"))
    }

    @Test func unknownFormatMeansTheRendererPluginIsMissing() {
        let error = RenderError.interpreting(
            "Error: Format: \"png:cairo\" not recognized. Use one of: dot svg\n", stage: .output, subject: "png")
        #expect(error.kind == .formatUnavailable)
        #expect(error.description.contains("cannot write png"))
    }

    @Test func otherMessagesKeepTheirStage() {
        let error = RenderError.interpreting("Error: trouble in init_rank\n", stage: .layout, subject: "dot")
        #expect(error == RenderError(kind: .layout, graphvizMessage: "Error: trouble in init_rank", subject: "dot"))
    }
}
