// The explorer page: pick a scenario and a baseline, change things through controls made
// from the scenario, run on the same simulated visitors, save the what-if as an overlay.

import { api, APIError } from "./api.js";
import { Controls } from "./controls.js";
import { el, replace, ticket } from "./dom.js";
import { renderRun, renderScenario } from "./results.js";
import { lang, words } from "./words.js";

const $ = (id) => document.getElementById(id);

const state = {
  scenarios: [],
  view: null,
  controls: null,
  entries: [],
  ok: true,
  checkTimer: null,
  checkSerial: 0,
  running: false,
};

function say(text, kind = "") {
  const status = $("status");
  status.className = `status ${kind}`;
  status.textContent = text;
}

function translate() {
  document.documentElement.lang = lang;
  document.title = words.title;
  for (const node of document.querySelectorAll("[data-word]")) {
    const word = words[node.dataset.word];
    if (typeof word === "string") node.textContent = word;
  }
  for (const node of document.querySelectorAll("[data-word-label]")) {
    const word = words[node.dataset.wordLabel];
    if (typeof word === "string") node.setAttribute("aria-label", word);
  }
  $(`lang-${lang}`).setAttribute("aria-current", "true");
  $("result").setAttribute("aria-label", words.keyFigures);
  $("scenario-view").setAttribute("aria-label", words.figures);
}

/** The request for the current scenario, baseline, length and controls. */
function request(extra = {}) {
  const baseline = $("baseline").value;
  return {
    scenario: $("scenario").value,
    baseline: baseline === "" ? undefined : baseline,
    sets: state.entries.map((e) => e.set),
    full: $("full").checked,
    lang,
    ...extra,
  };
}

function showError(error) {
  const message = error instanceof APIError ? error.message : String(error);
  say(`${words.failed}: ${message}`, "bad");
  if (error instanceof APIError && error.diagnostics.length) {
    const rest = state.controls ? state.controls.showDiagnostics(error.diagnostics, state.entries) : error.diagnostics;
    showLoose(rest);
  }
}

/** Diagnostics that belong to no control (a file's own problems). */
function showLoose(diagnostics) {
  const box = $("check-status");
  replace(box, diagnostics.filter((d) => d.severity === "error").map((d) =>
    el("p", { class: "problem" }, el("span", { class: "error", text: `${d.location ?? ""} ${d.message}`.trim() }))));
}

async function loadScenarios() {
  const listing = await api.scenarios();
  state.scenarios = listing.scenarios;
  const scenario = $("scenario"), baseline = $("baseline");
  replace(scenario);
  replace(baseline, el("option", { value: "", text: words.baselineSelf }));
  for (const s of listing.scenarios) {
    const label = s.errors ? `${s.name} (${s.id}) ✗` : `${s.name} (${s.id})`;
    scenario.append(el("option", { value: s.id, text: label, disabled: s.errors > 0 }));
    if (!s.errors) baseline.append(el("option", { value: s.id, text: label }));
  }
  const wanted = new URLSearchParams(location.search).get("scenario");
  const first = listing.scenarios.find((s) => s.id === wanted && !s.errors) ?? listing.scenarios.find((s) => !s.errors);
  if (first) scenario.value = first.id;
  return first?.id;
}

async function selectScenario(id, sets = null) {
  say("");
  $("result").hidden = true;
  replace($("result"));
  let view;
  try {
    view = await api.scenario(id, lang);
  } catch (error) {
    replace($("scenario-view"), el("p", { class: "problem", text: `${words.notLoading} ${error.message}` }),
      el("ul", {}, (error.diagnostics ?? []).map((d) => el("li", { text: `${d.location ?? ""} ${d.message}` }))));
    replace($("controls"));
    state.controls = null;
    return;
  }
  state.view = view;
  $("scenario").value = id;
  $("full-hint").textContent = `— ${words.fullLengthHint(view.settings.full.replications, view.settings.full.days)}`;
  $("run").title = words.interactive(view.settings.interactive.replications, view.settings.interactive.days);
  renderScenario($("scenario-view"), view, words);
  state.controls = new Controls($("controls"), view, words, scheduleCheck);
  if (sets) state.controls.apply(sets);
  await check();
}

function scheduleCheck() {
  clearTimeout(state.checkTimer);
  $("check-status").textContent = words.checking;
  state.checkTimer = setTimeout(check, 250);
}

/** The loader's verdict on the current `--set`s, shown beside their controls. */
async function check() {
  clearTimeout(state.checkTimer);
  if (!state.controls) return;
  const serial = ++state.checkSerial;
  const entries = state.controls.entries();
  state.entries = entries;
  let answer;
  try {
    answer = await api.check(request({ sets: entries.map((e) => e.set) }));
  } catch (error) {
    if (serial === state.checkSerial) showError(error);
    return;
  }
  if (serial !== state.checkSerial) return;
  state.ok = answer.ok;
  const loose = state.controls.showDiagnostics(answer.diagnostics, entries);
  showLoose(loose.filter((d) => d.set === null && d.severity === "error"));
  if (!answer.ok) $("check-status").append(el("p", { class: "problem", text: words.errorsBlockRun }));
  else if (!loose.some((d) => d.severity === "error")) $("check-status").textContent = "";
  replace($("changes"), answer.changes.length
    ? answer.changes.map((c) => el("li", {}, el("code", { text: c.path }), ": ", c.from ?? words.none, " → ", c.to ?? words.none))
    : el("li", { class: "empty", text: words.noChanges }));
  $("run").disabled = state.running || !answer.ok;
  $("save").disabled = !answer.ok;
}

async function run() {
  await check();
  if (!state.ok || state.running) return;
  state.running = true;
  $("run").disabled = true;
  $("run").textContent = words.running;
  const runTicket = ticket();
  const box = $("progress-box"), bar = $("progress"), text = $("progress-text");
  box.hidden = false;
  bar.value = 0;
  text.textContent = words.queued;
  say("");
  let polling = true;
  const poll = async () => {
    while (polling) {
      try {
        const p = await api.progress(runTicket);
        if (!polling) break;
        if (p.state === "running" && p.total > 0) {
          bar.max = p.total;
          bar.value = p.done;
          text.textContent = words.progress(p.done, p.total);
        }
      } catch {
        // progress is a courtesy; the run's answer decides
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  poll();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const { json, cached } = await api.run(request({ ticket: runTicket }));
        renderRun($("result"), json, words, cached);
        $("result").hidden = false;
        $("result-title").focus();
        say("");
        break;
      } catch (error) {
        if (error instanceof APIError && error.status === 503 && attempt < 5) {
          const wait = error.retryAfter ?? 2;
          say(words.busy(wait), "warn");
          await new Promise((r) => setTimeout(r, wait * 1000));
          continue;
        }
        throw error;
      }
    }
  } catch (error) {
    showError(error);
  } finally {
    polling = false;
    box.hidden = true;
    state.running = false;
    $("run").textContent = words.run;
    $("run").disabled = !state.ok;
  }
}

async function save() {
  await check();
  if (!state.ok) return;
  try {
    const saved = await api.save(request());
    const url = URL.createObjectURL(new Blob([saved.text], { type: "text/yaml" }));
    const link = el("a", { href: url, download: saved.file_name, class: "sr-only", text: saved.file_name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(words.savedAs(saved.file_name), "good");
  } catch (error) {
    showError(error);
  }
}

async function openFile(file) {
  if (!file) return;
  try {
    const text = await file.text();
    const opened = await api.open(text);
    await selectScenario(opened.scenario, opened.sets);
    say(words.opened(file.name), "good");
  } catch (error) {
    showError(error);
  } finally {
    $("open-file").value = "";
  }
}

async function start() {
  translate();
  $("scenario").addEventListener("change", () => selectScenario($("scenario").value));
  $("baseline").addEventListener("change", () => { $("result").hidden = true; });
  $("full").addEventListener("change", () => { $("result").hidden = true; });
  $("run").addEventListener("click", run);
  $("save").addEventListener("click", save);
  $("reset").addEventListener("click", () => { state.controls?.reset(); check(); });
  $("open-file").addEventListener("change", (event) => openFile(event.target.files[0]));
  try {
    const id = await loadScenarios();
    if (id) await selectScenario(id);
    document.body.dataset.ready = "true";
  } catch (error) {
    if (error instanceof APIError && error.status === 401) say(words.tokenMissing, "bad");
    else say(`${words.loadFailed}: ${error.message}`, "bad");
  }
}

start();
