// swift-tools-version:6.0
// Pitstop — organisation-design simulator and diagram generator.
import PackageDescription

let package = Package(
    name: "Pitstop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pitstop", targets: ["pitstop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // CSV for imports: streaming, true cell counts per row, Excel-lenient quotes.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The explorer's web server (`pitstop serve`); swift-nio is Hummingbird's own, named for NIOThreadPool.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        // Core: values only — no C, no I/O.
        .target(name: "PitstopModel", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // Scenario files: YAML through Yams' node tree, overlays, diagnostics.
        .target(name: "PitstopScenario", dependencies: ["PitstopModel", "Yams"]),
        // Discrete-event simulation: staffing and visitor flow, replications, statistics.
        // (A hand-written binary heap: 1.2–1.3× faster here than swift-collections' Heap.)
        .target(name: "PitstopSimulation", dependencies: ["PitstopModel"]),
        // Staffing from demand: Erlang A/C requirements per half hour and the rota as an integer
        // program over the real people — values and arithmetic only: no C, no I/O.
        .target(name: "PitstopStaffing", dependencies: ["PitstopModel", "PitstopSimulation"]),
        // COIN-OR CBC behind one small wrapper that owns the lock, the lifecycle and a quiet stdout.
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        .target(name: "CbcSolving", dependencies: ["CCbc", "PitstopStaffing"]),
        // The Graphviz C library behind one small wrapper that owns the lock and the lifecycle.
        .systemLibrary(
            name: "CGraphviz", pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
        .target(name: "GraphvizRendering", dependencies: ["CGraphviz"]),
        // Org charts, floor maps and org diffs as DOT, rendered through GraphvizRendering.
        .target(name: "PitstopDiagrams", dependencies: ["PitstopModel", "GraphvizRendering"]),
        // SVG charts, the comparison and the self-contained HTML report.
        .target(name: "PitstopReport", dependencies: ["PitstopModel", "PitstopSimulation", "PitstopDiagrams"]),
        // librsvg behind one small wrapper: SVG text to PNG bytes, in-process (for the deck's pictures).
        .systemLibrary(name: "CRsvg", providers: [.apt(["librsvg2-dev"]), .brew(["librsvg"])]),
        .target(name: "SVGRasterising", dependencies: ["CRsvg"]),
        // The comparison as a PowerPoint deck: slides from the report's input, Office Open XML on ZIPFoundation.
        .target(name: "PitstopDeck", dependencies: [
            "PitstopReport", "SVGRasterising", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Getting real organisations in: HR exports and door counts (CSV) to scenario YAML.
        .target(name: "PitstopImport", dependencies: [
            "PitstopModel", "PitstopScenario", .product(name: "CSV", package: "CSV.swift"),
        ]),
        // The JSON Schema of the scenario and sweep formats, for editors.
        .target(name: "PitstopSchema", dependencies: ["PitstopModel"]),
        // Studies — simulate, compare, draw, inspect — over the modules above: the logic every
        // front end shares, written once. Produces files and text; writes folders atomically.
        .target(name: "PitstopStudy", dependencies: [
            "PitstopModel", "PitstopScenario", "PitstopSimulation", "GraphvizRendering", "PitstopDiagrams", "PitstopReport",
            "PitstopDeck", "PitstopStaffing", "CbcSolving",
        ]),
        // The explorer: `pitstop serve` — a JSON API over PitstopStudy and a page embedded in the binary.
        .target(name: "PitstopServer", dependencies: [
            "PitstopModel", "PitstopScenario", "PitstopStudy", "PitstopReport", "PitstopDiagrams", "GraphvizRendering",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], resources: [.embedInCode("Web")]),
        // The command-line tool: thin commands over PitstopStudy.
        .executableTarget(name: "pitstop", dependencies: [
            "PitstopModel", "PitstopScenario", "PitstopSimulation", "PitstopStudy", "GraphvizRendering", "PitstopDiagrams", "PitstopReport",
            "PitstopImport", "PitstopSchema", "PitstopStaffing", "PitstopServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks and the memory check (not tests): `make bench`, `make leakcheck`.
        .executableTarget(name: "render-bench", dependencies: ["PitstopModel", "PitstopDiagrams", "GraphvizRendering"]),
        .executableTarget(name: "staffing-bench", dependencies: ["PitstopStaffing", "CbcSolving", "PitstopScenario"]),

        .testTarget(name: "PitstopModelTests", dependencies: ["PitstopModel"]),
        .testTarget(name: "PitstopScenarioTests", dependencies: ["PitstopScenario"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PitstopSimulationTests", dependencies: ["PitstopSimulation", "PitstopScenario"], resources: [.copy("Fixtures")]),
        // Shared test support (not API): an SVG reader for the rendering and diagram tests.
        .target(name: "_PitstopTestSupport", path: "Tests/_PitstopTestSupport"),
        .testTarget(name: "GraphvizRenderingTests", dependencies: ["GraphvizRendering", "_PitstopTestSupport"]),
        .testTarget(name: "PitstopDiagramsTests", dependencies: ["PitstopDiagrams", "PitstopModel", "PitstopScenario", "_PitstopTestSupport"], resources: [.copy("Snapshots"), .copy("Fixtures")]),
        .testTarget(name: "PitstopStaffingTests", dependencies: ["PitstopStaffing", "CbcSolving", "PitstopScenario"]),
        .testTarget(name: "PitstopReportTests", dependencies: ["PitstopReport", "PitstopScenario"]),
        .testTarget(name: "SVGRasterisingTests", dependencies: ["SVGRasterising"]),
        .testTarget(name: "PitstopDeckTests", dependencies: [
            "PitstopDeck", "PitstopReport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "PitstopStudyTests", dependencies: ["PitstopStudy", "PitstopScenario", "PitstopStaffing"], exclude: ["Fixtures"]),
        .testTarget(name: "pitstopTests", dependencies: ["pitstop"]),
        .testTarget(name: "PitstopImportTests", dependencies: ["PitstopImport", "PitstopScenario", "PitstopSimulation"]),
        .testTarget(name: "PitstopServerTests", dependencies: [
            "PitstopServer", "PitstopStudy", "PitstopScenario", "Yams",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "PitstopSchemaTests", dependencies: ["PitstopSchema", "PitstopScenario", "PitstopStudy"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target (docs/testing.md): only when `make fuzz` asks for it, in its own scratch
// folder, so `swift build` and `swift test` never build it.
if Context.environment["PITSTOP_FUZZ"] == "1" {
    package.targets += [
        // libFuzzer's driver as the executable's main (SwiftPM names it pitstop_fuzz_main).
        .target(name: "CFuzzEntry", path: "Tests/Fuzz/CFuzzEntry"),
        .executableTarget(
            name: "pitstop-fuzz",
            dependencies: ["CFuzzEntry", "PitstopModel", "PitstopScenario", "PitstopSimulation", "PitstopDiagrams", "PitstopStudy"],
            path: "Tests/Fuzz/PitstopFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
}
