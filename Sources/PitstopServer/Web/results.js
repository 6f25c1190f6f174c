// Showing a scenario and a finished run. Every name and number arrives from the API and is
// set as text; diagrams go through dom.svg.

import { diagram, el, replace } from "./dom.js";

/** The scenario as first shown: its figures, warnings, org chart and floor maps. */
export function renderScenario(container, view, words) {
  const f = view.figures;
  const figure = (value, label) => el("li", {}, el("strong", { text: value }), " ", label);
  const warnings = view.diagnostics.filter((d) => d.severity === "warning");
  replace(container,
    el("h2", { id: "scenario-name", text: view.name }),
    view.description ? el("p", { class: "description", text: view.description }) : null,
    el("h3", { text: words.figures }),
    el("ul", { class: "figures", id: "scenario-figures" },
      figure(f.positions, words.figPositions), figure(f.headcount, words.figHeadcount),
      figure(f.vacancies, words.figVacancies), figure(f.text.fte, words.figFTE),
      figure(f.text.annual_cost, words.figCost), figure(f.units, words.figUnits), figure(f.layers, words.figLayers)),
    warnings.length ? el("details", { class: "warnings" }, el("summary", { text: `${words.warnings} (${warnings.length})` }),
      el("ul", {}, warnings.map((d) => el("li", {}, el("code", { text: d.location ?? "" }), " ", d.message)))) : null,
    el("h3", { text: words.orgChart }),
    diagram(view.org_chart, `${words.orgChart} — ${view.name}`, words, "diagram org"),
    el("h3", { text: words.floorMaps }),
    el("div", { class: "floors" }, view.floor_maps.map((m) => diagram(m.svg, m.name, words))));
}

/** The verdict pill, coloured as in the report. */
function verdict(kpi) {
  if (kpi.verdict === "none") return el("span", { class: "unclear", text: "–" });
  const tone = kpi.verdict === "better" ? "better" : kpi.verdict === "worse" ? "worse" : "neutral";
  return el("span", { class: `pill ${tone}`, text: kpi.text.verdict });
}

function cell(value, range, className = "val") {
  return el("td", { class: className }, el("span", { text: value }), range ? el("span", { class: "ci", text: range }) : null);
}

/** A list under its heading, folded away when it is long (a comparison with another scenario). */
function section(title, items, list) {
  if (items.length <= 12) return el("section", {}, el("h3", { text: title }), list);
  return el("section", {}, el("details", { class: "long" },
    el("summary", {}, el("h3", { text: `${title} (${items.length})` })), list));
}

/** A finished run: key figures, the summary, what changed, the diagrams. */
export function renderRun(container, result, words, cached) {
  const s = result.settings;
  const tone = (k) => (k.verdict === "better" ? " better" : k.verdict === "worse" ? " worse" : k.verdict === "none" ? " unclear" : " neutral");
  const table = el("table", { class: "kpi", id: "kpi-table" },
    el("caption", { class: "sr-only", text: words.keyFigures }),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", class: "name", text: words.keyFigure }),
      el("th", { scope: "col", class: "val" }, el("span", { class: "swatch sc0" }), result.baseline.name),
      el("th", { scope: "col", class: "val" }, el("span", { class: "swatch sc1" }), result.what_if.name),
      el("th", { scope: "col", class: "val", text: words.difference }),
      el("th", { scope: "col", class: "val", text: words.relative }),
      el("th", { scope: "col", text: words.verdict }))),
    el("tbody", {}, result.kpis.map((k) => el("tr", { "data-kpi": k.key },
      el("th", { scope: "row", class: "name" }, k.name, k.unit ? el("span", { class: "unit", text: ` ${k.unit}` }) : null),
      cell(k.text.baseline, k.text.baseline_range),
      cell(k.text.what_if, k.text.what_if_range, "val whatif"),
      cell(k.text.difference, k.text.difference_range, `val diff${tone(k)}`),
      el("td", { class: `val${tone(k)}`, text: k.text.relative }),
      el("td", {}, verdict(k))))));

  const changes = result.changes.length
    ? el("ul", { class: "changes", id: "run-changes" }, result.changes.map((c) =>
      el("li", {}, el("code", { text: c.path }), ": ", c.from ?? words.none, " → ", c.to ?? words.none)))
    : el("p", { class: "empty", text: words.noChanges });
  const o = result.org_changes;
  const people = [
    ...o.added.map((p) => el("li", { class: "change added" }, el("strong", { text: words.added }), " ", p.name, p.unit ? ` (${p.unit})` : "")),
    ...o.removed.map((p) => el("li", { class: "change removed" }, el("strong", { text: words.removedPeople }), " ", p.name, p.unit ? ` (${p.unit})` : "")),
    ...o.moved.map((m) => el("li", { class: "change moved" }, el("strong", { text: words.moved }), " ", m.name, `: ${m.from} → ${m.to}`)),
  ];

  replace(container,
    el("h2", { id: "result-title", tabindex: "-1", text: words.resultTitle(result.what_if.name, result.baseline.name) }),
    el("p", { class: "note", id: "result-settings" }, words.settingsLine(s.replications, s.days, s.seed),
      cached ? el("span", { class: "cached", text: ` (${words.cached})` }) : null),
    el("h3", { text: words.keyFigures }),
    el("div", { class: "wide" }, table),
    el("h3", { text: words.summary }),
    result.summary.length
      ? el("ul", { class: "claims", id: "summary" }, result.summary.map((line) => el("li", { text: line })))
      : el("p", { class: "empty", text: words.nothingClear }),
    el("div", { class: "two" },
      section(words.inputChanges, result.changes, changes),
      section(words.orgChanges, people,
        people.length ? el("ul", { class: "org-changes", id: "org-changes" }, people) : el("p", { class: "empty", text: words.none }))),
    el("h3", { text: words.orgChartChanges }),
    el("div", { id: "result-org" }, diagram(result.org_chart, words.orgChartChanges, words, "diagram org")),
    el("h3", { text: words.heatMaps }),
    result.heat_maps.map((m) => el("div", { class: "pair" },
      diagram(m.baseline, `${m.name} — ${result.baseline.name}`, words),
      diagram(m.what_if, `${m.name} — ${result.what_if.name}`, words))),
    el("h3", { text: words.hourly }),
    result.hourly.map((h) => el("div", { class: "pair" },
      diagram(h.dialogues, `${words.hourlyDialogues} — ${h.name}`, words, "diagram chart"),
      h.occupancy ? diagram(h.occupancy, `${words.hourlyOccupancy} — ${h.name}`, words, "diagram chart") : null)),
    el("h3", { text: words.reproduce }),
    el("p", { text: words.reproduceHint }),
    el("pre", {}, el("code", { id: "reproduce", text: result.command })));
}
