// The what-if controls, generated from the scenario the API describes (never from the
// bundled one). Every control writes `--set`s — only for what the user changed — and shows
// the loader's messages about its own `--set`s beside it.

import { el, replace } from "./dom.js";

let serial = 0;

/** A `--set`'s value as a control shows it: quotes and list brackets taken off. */
function plainValue(value) {
  let v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    v = v.slice(1, -1);
  }
  if (v.startsWith("[") && v.endsWith("]")) v = v.slice(1, -1).split(",").map((s) => plainValue(s)).join(", ");
  return v;
}

/** `path=value` split at the first `=`. */
export function splitSet(text) {
  const at = text.indexOf("=");
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

/** The shared behaviour: an input, its problem line, the sets it writes. */
class Control {
  constructor(words) {
    this.words = words;
    this.id = `c${++serial}`;
    this.problem = el("p", { class: "problem", id: `${this.id}-problem`, role: "alert" });
    this.problem.hidden = true;
    this.opened = null;
  }

  /** The `--set`s this control writes now (opened ones kept verbatim until edited). */
  sets() {
    if (this.opened && this.input.value === this.opened.shown) return this.opened.sets;
    this.opened = null;
    return this.fresh();
  }

  /** Takes the `--set`s of an opened file that are this control's; true when taken. */
  take(sets) {
    const shown = this.show(sets);
    if (shown === null) return false;
    this.input.value = shown;
    this.opened = { shown: this.input.value, sets };
    return true;
  }

  reset() {
    this.opened = null;
    this.input.value = this.original;
    this.clearProblems();
  }

  clearProblems() {
    replace(this.problem);
    this.problem.hidden = true;
    this.input.removeAttribute("aria-invalid");
    this.input.classList.remove("invalid", "warned");
  }

  addProblem(diagnostic) {
    this.problem.hidden = false;
    const isError = diagnostic.severity === "error";
    this.problem.append(el("span", { class: isError ? "error" : "warning", text: diagnostic.message }));
    for (const note of diagnostic.notes ?? []) this.problem.append(el("span", { class: "note", text: note }));
    if (isError) {
      this.input.setAttribute("aria-invalid", "true");
      this.input.classList.add("invalid");
    } else {
      this.input.classList.add("warned");
    }
  }

  /** `input` wired to its label, hint and problem line. */
  wire(input, hintID) {
    this.input = input;
    input.id = this.id;
    input.setAttribute("aria-describedby", [hintID, this.problem.id].filter(Boolean).join(" "));
    return input;
  }
}

/** A unit select for a person or a group: `staff.<id>.unit=<unit>`. */
class UnitControl extends Control {
  constructor(words, units, item) {
    super(words);
    this.path = item.path ?? item.unit_path;
    this.original = item.unit ?? "";
    const select = el("select", { "data-path": this.path });
    select.append(el("option", { value: "", text: words.noUnit }));
    for (const unit of units) select.append(el("option", { value: unit.id, text: unit.name }));
    select.value = this.original;
    this.wire(select);
    const label = item.count !== undefined ? `${item.title} × ${item.count}` : item.name;
    const detail = item.count !== undefined ? item.id : item.vacant ? `${item.title} (${words.vacant})` : item.title;
    this.search = `${label} ${detail}`.toLowerCase();
    this.row = el("tr", {},
      el("th", { scope: "row" }, el("label", { for: this.id }, label, el("span", { class: "detail", text: detail }))),
      el("td", {}, select, this.problem));
  }

  fresh() {
    return this.input.value === this.original ? [] : [`${this.path}=${this.input.value === "" ? "null" : this.input.value}`];
  }

  show(sets) {
    if (sets.length !== 1) return null;
    const value = plainValue(splitSet(sets[0])[1]);
    return value === "null" || value === "~" ? "" : value;
  }
}

/** A number input: a group's count, or the demand scale. */
class NumberControl extends Control {
  constructor(words, path, original, label, options = {}) {
    super(words);
    this.path = path;
    this.original = String(original);
    const input = el("input", {
      type: "number", "data-path": path, value: this.original, min: options.min, max: options.max,
      step: options.step ?? 1, inputmode: options.step ? "decimal" : "numeric",
    });
    this.wire(input, options.hint);
    this.node = el("div", { class: "control" }, el("label", { for: this.id, text: label }), input, this.problem);
  }

  fresh() {
    const value = this.input.value.trim();
    if (value === "" || Number(value) === Number(this.original)) return [];
    return [`${this.path}=${value}`];
  }

  show(sets) {
    return sets.length === 1 ? plainValue(splitSet(sets[0])[1]) : null;
  }
}

/** One day of a site's staffed hours: `sites.<site>.staffed_hours.<day>=…`. */
class HoursControl extends Control {
  constructor(words, day, site, hintID) {
    super(words);
    this.path = day.path;
    this.original = day.hours;
    const input = el("input", {
      type: "text", "data-path": this.path, value: this.original, spellcheck: "false", autocomplete: "off", size: 13,
    });
    this.wire(input, hintID);
    this.node = el("div", { class: "day" },
      el("label", { for: this.id, text: words.days[day.day] ?? day.day, title: site.name }), input, this.problem);
  }

  fresh() {
    const text = this.input.value.trim();
    const normal = (s) => s.split(",").map((p) => p.trim()).filter(Boolean).join(", ");
    if (text === "" || normal(text) === normal(this.original)) return [];
    const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
    const value = parts.length > 1 ? `[${parts.join(", ")}]` : parts[0];
    return [`${this.path}=${value}`];
  }

  show(sets) {
    return sets.length === 1 ? plainValue(splitSet(sets[0])[1]) : null;
  }
}

/** A perspective's dialogue share in %: each of its personas' chance scaled alike. */
class ShareControl extends Control {
  constructor(words, perspective) {
    super(words);
    this.perspective = perspective;
    this.paths = perspective.personas.map((p) => p.path);
    this.original = (perspective.share * 100).toFixed(1);
    const input = el("input", {
      type: "number", min: 0, max: 100, step: 0.1, inputmode: "decimal", value: this.original,
      "data-perspective": perspective.id,
    });
    this.wire(input);
    this.node = el("div", { class: "control" },
      el("label", { for: this.id }, perspective.name, el("span", { class: "unit", text: " %" })), input, this.problem);
  }

  fresh() {
    const value = Number(this.input.value);
    if (this.input.value.trim() === "" || !Number.isFinite(value) || value.toFixed(1) === this.original) return [];
    const base = this.perspective.share * 100;
    const sets = [];
    for (const persona of this.perspective.personas) {
      const p = base > 0 ? persona.p * (value / base) : value / 100;
      const next = Math.round(Math.min(Math.max(p, 0), 1) * 10000) / 10000;
      if (next !== persona.p) sets.push(`${persona.path}=${next}`);
    }
    return sets;
  }

  show(sets) {
    const first = this.perspective.personas.find((p) => sets.some((s) => splitSet(s)[0] === p.path));
    if (!first || first.p <= 0) return null;
    const value = Number(plainValue(splitSet(sets.find((s) => splitSet(s)[0] === first.path))[1]));
    if (!Number.isFinite(value)) return null;
    return (this.perspective.share * 100 * (value / first.p)).toFixed(1);
  }
}

/** Every persona's patience: `personas.*.dialogue.patience=…` (never → null). */
class PatienceControl extends Control {
  constructor(words, patience, hintID) {
    super(words);
    this.path = patience.path;
    this.original = patience.value ?? "";
    const input = el("input", {
      type: "text", "data-path": this.path, value: this.original, placeholder: words.patienceMixed,
      spellcheck: "false", autocomplete: "off",
    });
    this.wire(input, hintID);
    this.node = el("div", { class: "control" }, el("label", { for: this.id, text: words.patienceLabel }), input, this.problem);
  }

  fresh() {
    const text = this.input.value.trim();
    if (text === "" || text === this.original) return [];
    return [`${this.path}=${text === "never" || text === "aldrig" ? "null" : text}`];
  }

  show(sets) {
    if (sets.length !== 1) return null;
    const value = plainValue(splitSet(sets[0])[1]);
    return value === "null" || value === "~" ? "never" : value;
  }
}

/** Every control of one scenario, built into `container`. */
export class Controls {
  constructor(container, view, words, onChange) {
    this.words = words;
    this.onChange = onChange;
    this.controls = [];
    this.extra = [];
    const c = view.controls;
    const sections = [];

    // People and groups: a unit each.
    const rows = [...c.people.map((p) => new UnitControl(words, c.units, p)),
      ...c.groups.map((g) => new UnitControl(words, c.units, g))];
    if (rows.length) {
      const filter = el("input", { type: "search", id: "find-person", autocomplete: "off" });
      filter.addEventListener("input", () => {
        const q = filter.value.trim().toLowerCase();
        for (const row of rows) row.row.hidden = q !== "" && !row.search.includes(q);
      });
      sections.push(this.section("people", words.people, words.peopleHint,
        el("div", { class: "control" }, el("label", { for: "find-person", text: words.findPerson }), filter),
        el("div", { class: "table-scroll" }, el("table", { class: "people" },
          el("thead", {}, el("tr", {}, el("th", { scope: "col", text: words.people }),
            el("th", { scope: "col", text: words.unit }))),
          el("tbody", {}, rows.map((r) => r.row))))));
      this.controls.push(...rows);
    }

    // Positions in groups.
    if (c.groups.length) {
      const counts = c.groups.map((g) =>
        new NumberControl(words, g.count_path, g.count, `${g.title} (${g.id})`, { min: 0, max: 1000, hint: "hint-positions" }));
      sections.push(this.section("positions", words.positions, words.positionsHint, counts.map((n) => n.node)));
      this.controls.push(...counts);
    }

    // Staffed hours per site and day.
    if (c.sites.length) {
      const blocks = c.sites.map((site) => {
        const days = site.days.map((d) => new HoursControl(words, d, site, "hint-hours"));
        this.controls.push(...days);
        return el("fieldset", { class: "site" }, el("legend", { text: site.name }),
          el("div", { class: "days" }, days.map((d) => d.node)));
      });
      sections.push(this.section("hours", words.hours, words.hoursHint, blocks));
    }

    // Demand.
    const demand = new NumberControl(words, c.demand_scale.path, c.demand_scale.value, words.demandScale,
      { min: 0.05, max: 100, step: 0.05, hint: "hint-demand" });
    this.controls.push(demand);
    sections.push(this.section("demand", words.demand, words.demandHint, demand.node));

    // Dialogue share per perspective.
    const shares = c.perspectives.filter((p) => p.personas.length).map((p) => new ShareControl(words, p));
    if (shares.length) {
      this.controls.push(...shares);
      sections.push(this.section("dialogue", words.dialogue, words.dialogueHint, shares.map((s) => s.node)));
    }

    // Patience.
    if (c.patience.available) {
      const patience = new PatienceControl(words, c.patience, "hint-patience");
      this.controls.push(patience);
      sections.push(this.section("patience", words.patience, words.patienceHint, patience.node));
    }

    this.extraList = el("ul", { class: "extra" });
    this.extraSection = this.section("other", words.otherSets, null, this.extraList);
    this.extraSection.hidden = true;
    sections.push(this.extraSection);

    replace(container, sections);
    for (const control of this.controls) {
      control.input.addEventListener("input", () => this.onChange());
      control.input.addEventListener("change", () => this.onChange());
    }
  }

  section(key, title, hint, ...content) {
    const hintNode = hint ? el("p", { class: "hint", id: `hint-${key}`, text: hint }) : null;
    return el("details", { class: `group ${key}`, open: key !== "people" && key !== "hours" ? true : undefined },
      el("summary", {}, el("h2", { text: title })), hintNode, content);
  }

  /** The `--set`s of every control, in order, with the control that wrote each. */
  entries() {
    const entries = [];
    for (const control of this.controls) for (const set of control.sets()) entries.push({ set, control });
    for (const extra of this.extra) entries.push({ set: extra.set, control: extra });
    return entries;
  }

  sets() {
    return this.entries().map((e) => e.set);
  }

  /** Shows each diagnostic of a `--set` beside its control; returns the others. */
  showDiagnostics(diagnostics, entries) {
    for (const control of [...this.controls, ...this.extra]) control.clearProblems();
    const rest = [];
    for (const d of diagnostics) {
      const entry = d.set ? entries[d.set - 1] : null;
      if (entry) entry.control.addProblem(d);
      else rest.push(d);
    }
    return rest;
  }

  reset() {
    for (const control of this.controls) control.reset();
    this.extra = [];
    this.renderExtra();
  }

  /** Puts the `--set`s of an opened what-if into the controls; the rest are listed as they are. */
  apply(sets) {
    this.reset();
    const left = [...sets];
    for (const control of this.controls) {
      const mine = left.filter((s) => (control.paths ?? [control.path]).includes(splitSet(s)[0].trim()));
      if (mine.length && control.take(mine)) {
        for (const s of mine) left.splice(left.indexOf(s), 1);
      }
    }
    this.extra = left.map((set) => this.extraControl(set));
    this.renderExtra();
  }

  extraControl(set) {
    const problem = el("p", { class: "problem", role: "alert" });
    problem.hidden = true;
    const item = {
      set,
      problem,
      clearProblems() { replace(problem); problem.hidden = true; },
      addProblem(d) {
        problem.hidden = false;
        problem.append(el("span", { class: d.severity === "error" ? "error" : "warning", text: d.message }));
      },
    };
    return item;
  }

  renderExtra() {
    this.extraSection.hidden = this.extra.length === 0;
    replace(this.extraList, this.extra.map((item) => {
      const remove = el("button", { type: "button", class: "small", text: this.words.remove });
      remove.addEventListener("click", () => {
        this.extra = this.extra.filter((e) => e !== item);
        this.renderExtra();
        this.onChange();
      });
      return el("li", {}, el("code", { text: item.set }), " ", remove, item.problem);
    }));
  }
}
