// The report's style sheet: system fonts, the scenario colours, tables, galleries and print.

enum HTMLStyle {
    static func css(scenarioCount: Int) -> String {
        var colours = ""
        for i in 0..<max(scenarioCount, 1) {
            colours += ".sc\(i) { background: \(Palette.scenario(i)); }\n"
        }
        return colours + base
    }

    static let base = """
    :root {
      --ink: \(Palette.ink); --muted: \(Palette.muted); --line: #d9dee4; --soft: #f5f7fa;
      --better: \(Palette.better); --better-bg: #e7f4ea; --worse: \(Palette.worse); --worse-bg: #fdecea;
      --neutral: \(Palette.neutral); --neutral-bg: #e8f0fd; --accent: #24405a;
    }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #eef1f4; color: var(--ink);
      font-family: \(fontStack); font-size: 15px; line-height: 1.45; }
    .masthead { background: var(--accent); color: #fff; padding: 28px 40px 18px; }
    .masthead h1 { margin: 2px 0 12px; font-size: 30px; line-height: 1.2; font-weight: 700; }
    .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .8; }
    .meta { margin: 10px 0 0; font-size: 13px; opacity: .85; }
    .scenarios { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 22px; font-size: 17px; }
    .scenarios li { display: flex; align-items: center; }
    .masthead .tag { background: rgba(255,255,255,.18); color: #fff; }
    .toc ol { list-style: none; margin: 16px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 13px; }
    .toc a { color: #fff; opacity: .85; text-decoration: none; border-bottom: 1px solid rgba(255,255,255,.35); }
    main { max-width: 1320px; margin: 0 auto; padding: 8px 24px 24px; }
    section { background: #fff; margin: 18px 0; padding: 22px 28px 26px; border-radius: 6px;
      box-shadow: 0 1px 2px rgba(16,24,40,.08); }
    h2 { margin: 0 0 14px; font-size: 22px; color: var(--accent); }
    h2 .num { display: inline-block; min-width: 1.6em; color: var(--muted); font-weight: 400; }
    h3 { margin: 20px 0 10px; font-size: 17px; display: flex; align-items: center; }
    h4 { margin: 0 0 6px; font-size: 14px; }
    p { margin: 6px 0 10px; }
    .intro, .note, .unclear { color: var(--muted); font-size: 13px; }
    .empty { color: var(--muted); font-style: italic; }
    code { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 12px; background: var(--soft);
      padding: 1px 4px; border-radius: 3px; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 7px; flex: none;
      vertical-align: -1px; box-shadow: inset 0 0 0 1px rgba(0,0,0,.12); }
    .tag { display: inline-block; margin-left: 8px; padding: 1px 7px; border-radius: 10px; font-size: 11px;
      text-transform: uppercase; letter-spacing: .05em; background: var(--soft); color: var(--muted); }

    /* Summary */
    .comparison h3 { margin-top: 4px; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: 12px; margin: 8px 0 16px; }
    .tile { border-radius: 6px; padding: 12px 14px; border-left: 5px solid var(--unclear, #9aa5b1); background: var(--soft); }
    .tile .big { font-size: 28px; font-weight: 700; line-height: 1.1; white-space: nowrap; }
    .tile .what { font-size: 14px; margin-top: 4px; }
    .tile .ci { font-size: 12px; color: var(--muted); margin-top: 2px; }
    .tile.better { border-color: var(--better); background: var(--better-bg); }
    .tile.better .big { color: var(--better); }
    .tile.worse { border-color: var(--worse); background: var(--worse-bg); }
    .tile.worse .big { color: var(--worse); }
    .tile.neutral { border-color: var(--neutral); background: var(--neutral-bg); }
    .tile.neutral .big { color: var(--neutral); }
    .claims { margin: 0 0 8px; padding: 0; list-style: none; }
    .claims li { padding: 5px 10px; margin: 4px 0; border-left: 4px solid var(--neutral); background: var(--soft); }
    .claims li.better { border-color: var(--better); }
    .claims li.worse { border-color: var(--worse); }

    /* Tables */
    table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
    table.kpi { margin: 4px 0 14px; }
    table.kpi th, table.kpi td { padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
    table.kpi thead th { text-align: left; font-size: 12px; color: var(--muted); font-weight: 700;
      border-bottom: 2px solid var(--ink); vertical-align: bottom; white-space: nowrap; }
    table.kpi thead .sub { font-weight: 400; }
    table.kpi tbody th { text-align: left; font-weight: 400; }
    table.kpi tbody tr:nth-child(even) { background: #fafbfc; }
    .val { text-align: right !important; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .ci { display: block; font-size: 11px; color: var(--muted); }
    .unit { color: var(--muted); font-size: 12px; }
    td.better { color: var(--better); font-weight: 700; }
    td.worse { color: var(--worse); font-weight: 700; }
    td.neutral { color: var(--neutral); font-weight: 700; }
    td.unclear { color: var(--muted); }
    td.diff.better { background: var(--better-bg); }
    td.diff.worse { background: var(--worse-bg); }
    td.diff.neutral { background: var(--neutral-bg); }
    .pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; color: #fff; }
    .pill.better { background: var(--better); }
    .pill.worse { background: var(--worse); }
    .pill.neutral { background: var(--neutral); }
    table.facts th { text-align: left; width: 260px; font-weight: 700; padding: 8px 10px; vertical-align: top;
      border-bottom: 1px solid var(--line); }
    table.facts td { padding: 8px 10px; border-bottom: 1px solid var(--line); }
    .scenario-list { margin: 0; padding-left: 20px; }
    .notes { color: var(--muted); font-size: 13px; }
    table.changes-table td { font-size: 12.5px; }
    table.changes-table tr.group th { background: var(--soft); font-weight: 700; padding-top: 8px; }

    /* Diagrams */
    .gallery { display: grid; grid-template-columns: repeat(var(--n), minmax(0, 1fr)); gap: 16px; }
    figure { margin: 0; }
    figure.diagram { border: 1px solid var(--line); border-radius: 6px; padding: 10px; background: #fff;
      display: flex; flex-direction: column; }
    figure.diagram figcaption { font-weight: 700; margin-bottom: 8px; display: flex; align-items: center; }
    .svgbox { flex: 1; display: flex; align-items: center; justify-content: center; }
    a.svgbox { cursor: zoom-in; border-radius: 4px; }
    a.svgbox:hover, a.svgbox:focus-visible { outline: 2px solid var(--neutral); outline-offset: 2px; }
    .svgbox svg { display: block; width: auto; max-width: 100%; height: auto; max-height: 78vh; }
    .svgbox.missing { min-height: 120px; color: var(--muted); font-style: italic; background: var(--soft); }
    .changes { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 16px; margin-bottom: 14px; }
    .change { border-top: 4px solid var(--line); background: var(--soft); padding: 10px 14px; border-radius: 0 0 6px 6px; }
    .change.added { border-color: var(--better); }
    .change.removed { border-color: var(--worse); }
    .change.moved { border-color: var(--neutral); }
    .change ul { margin: 0; padding-left: 18px; font-size: 13.5px; }
    .change .count { color: var(--muted); font-weight: 400; }
    .unitname { color: var(--muted); font-size: 12px; }
    .site + .site { margin-top: 10px; }

    /* Charts */
    .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 18px; }
    figure.chart { grid-column: 1 / -1; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
    figure.chart.half { grid-column: auto; }
    figure.chart svg { display: block; width: 100%; height: auto; }
    footer { text-align: center; color: var(--muted); font-size: 12px; padding: 6px 0 28px; }

    /* The diagram viewer: opened by the link on a diagram (:target), zoom by radio buttons,
       pan by scrolling. No script. */
    .sheets { display: none; }
    .viewer { display: none; position: fixed; inset: 0; z-index: 10; background: rgba(16, 24, 34, .94);
      flex-direction: column; }
    .viewer:target { display: flex; }
    .viewer input { position: absolute; opacity: 0; pointer-events: none; }
    .viewer .bar { display: flex; align-items: center; gap: 8px; padding: 10px 18px; color: #fff; font-size: 14px; }
    .viewer .bar .title { flex: 1; display: flex; align-items: center; font-weight: 700; }
    .viewer .bar label, .viewer .bar a { color: #fff; text-decoration: none; cursor: pointer; padding: 3px 10px;
      border: 1px solid rgba(255,255,255,.45); border-radius: 4px; white-space: nowrap; }
    .viewer .bar a.close { margin-left: 10px; }
    .viewer .canvas { flex: 1; overflow: auto; margin: 0 18px 18px; background: #fff; border-radius: 4px; }
    .viewer .canvas svg { display: block; width: 100%; height: 100%; }
    .viewer .z1:checked ~ .canvas svg { width: var(--w); height: var(--h); }
    .viewer .z2:checked ~ .canvas svg { width: calc(var(--w) * 2); height: calc(var(--h) * 2); }
    .viewer .z4:checked ~ .canvas svg { width: calc(var(--w) * 4); height: calc(var(--h) * 4); }
    .viewer .fit:checked ~ .bar label.fit, .viewer .z1:checked ~ .bar label.z1,
    .viewer .z2:checked ~ .bar label.z2, .viewer .z4:checked ~ .bar label.z4 { background: #fff; color: var(--accent); }
    .viewer input:focus-visible ~ .bar label { outline: 1px dotted #fff; }

    @media screen and (max-width: 900px) {
      .charts, .changes { grid-template-columns: minmax(0, 1fr); }
      .gallery { grid-template-columns: minmax(0, 1fr); }
    }

    .print-only { display: none; }
    @page { size: A4 landscape; margin: 9mm; }
    @media print {
      body { background: #fff; font-size: 9.5pt; }
      .masthead { padding: 12px 18px; }
      .masthead h1 { font-size: 20pt; margin-bottom: 8px; }
      .toc { display: none; }
      main { max-width: none; padding: 0; }
      /* Text flows from section to section; every diagram gets pages of its own. */
      section { box-shadow: none; border-radius: 0; margin: 0; padding: 10px 0 0; }
      h2 { font-size: 15pt; margin-bottom: 8px; }
      h3 { font-size: 11.5pt; margin: 10px 0 6px; }
      h2, h3, h4 { break-after: avoid; }
      table { font-size: 8.5pt; }
      table.kpi th, table.kpi td { padding: 2px 8px; }
      .ci { font-size: 7pt; }
      .tiles { margin: 4px 0 8px; }
      .tile { padding: 8px 10px; }
      .tile .big { font-size: 18pt; }
      .claims li { padding: 3px 8px; margin: 2px 0; }
      figure, tr, .tile, .claims li { break-inside: avoid; }
      .changes { display: block; }
      .change { margin-bottom: 8px; break-inside: auto; }
      .change ul { columns: 4; column-gap: 16px; font-size: 8pt; }
      .change li { break-inside: avoid; }
      /* On paper a diagram is its printed pages, not the screen figure. */
      .gallery, figure.diagram, .viewer { display: none !important; }
      section.diagrams { display: none; }
      section#assumptions { break-inside: avoid; }
      .sheets { display: block; }
      .screen-only { display: none !important; }
      tr.print-only { display: table-row; }
      tr.print-only td { font-style: italic; color: var(--muted); }
      .sheet { break-before: page; break-inside: avoid; margin: 0; }
      .sheet-caption { display: flex; align-items: center; margin: 0 0 4px; font-size: 9pt; font-weight: 700;
        color: var(--muted); line-height: 14px; }
      .sheet svg { display: block; margin: 0 auto; }
      figure.chart svg { max-height: 120mm; }
      .charts { gap: 8px; }
      /* The version is in the assumptions; a footer after the last sheet would print alone. */
      footer { display: none; }
    }

    """
}
