#!/usr/bin/python3
"""The explorer in a real browser (headless Chromium through Selenium).

    /usr/bin/python3 Tests/Explorer/browser_test.py .build/debug/pitstop

Serves a copy of the bundled scenarios with `pitstop serve --port 0`, opens the page, picks
the pitstop scenario, moves a person to another unit and removes a position, runs, waits
for the result, checks that the figures and the org chart changed, saves the what-if,
`pitstop validate`s the saved overlay beside its scenario, and checks that `pitstop compare`
of the scenario and the saved overlay gives the figures the page showed. Then it opens the
saved what-if again (the controls come back and the same run is answered from the cache),
looks at the Danish page, and checks that the browser logged no error (a content security
policy violation, a failed load, an exception) and that Ctrl-C stops the server with 0.
Exit status 0 when every check passed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from session import Server, browser, console_errors, wait_for_file  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_TIMEOUT = 300  # a debug build on a shared 2-core machine


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    print(f"ok: {message}")


def number(text):
    """A figure as the page shows it (1,234.5 / −3.2 pp / +12 %) as a float."""
    cleaned = text.replace("\u2212", "-").replace(",", "").replace("pp", "").replace("%", "").strip()
    return float(cleaned)


def same_figure(text, value, kpi):
    """Whether `text`, as the page shows a KPI (shares in %, money whole, else one
    decimal), is `value` from comparison.json rounded to what the page shows."""
    share = kpi.endswith("_share") or kpi in ("wait_prob", "staff_utilisation")
    money = kpi.startswith("cost_") or kpi.endswith("_cost")
    v = value * 100 if share else value
    half = 0.5 if money else 0.05
    return abs(number(text) - v) <= half + 1e-9


def wait_ready(driver):
    WebDriverWait(driver, 60).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")


def changes(driver):
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#changes li:not(.empty)")]


def table_figures(driver):
    """{kpi: (baseline, what-if, difference)} as shown, and the verdict text."""
    rows = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#kpi-table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        value = lambda cell: cell.find_element(By.CSS_SELECTOR, "span").text  # noqa: E731
        rows[row.get_attribute("data-kpi")] = (value(cells[0]), value(cells[1]), value(cells[2]), cells[4].text)
    return rows


def run_and_wait(driver):
    """Runs, and waits for the key figures — or fails at once on a page error or a failed run."""
    driver.find_element(By.ID, "run").click()

    def finished(d):
        errors = [e for e in console_errors(d)]
        if errors:
            raise Failure(f"the page failed while running: {errors}")
        if "bad" in d.find_element(By.ID, "status").get_attribute("class"):
            raise Failure(f"the run failed: {d.find_element(By.ID, 'status').text}")
        return EC.visibility_of_element_located((By.ID, "kpi-table"))(d)

    WebDriverWait(driver, RUN_TIMEOUT).until(finished)


def main(binary):
    work = tempfile.mkdtemp(prefix="pitstop-browser-")
    folder = os.path.join(work, "scenarios")
    downloads = os.path.join(work, "downloads")
    shutil.copytree(os.path.join(ROOT, "Scenarios"), folder)
    os.mkdir(downloads)
    server = Server(binary, folder)
    driver = browser(download_dir=downloads)
    try:
        driver.get(server.url)
        wait_ready(driver)
        check(driver.title == "Pitstop explorer", "the page loads in English")

        # Pick the pitstop scenario; the baseline is the scenario itself, unchanged.
        Select(driver.find_element(By.ID, "scenario")).select_by_value("pitstop.yaml")
        WebDriverWait(driver, 60).until(EC.text_to_be_present_in_element((By.ID, "scenario-name"), "Pitstop-biblioteket"))
        view_chart = driver.find_element(By.CSS_SELECTOR, "#scenario-view figure.org svg").get_attribute("textContent")
        check("REMOVED" not in view_chart, "the scenario's own org chart marks no change")

        # Move the first person with a unit to another unit, through the keyboard-usable select.
        driver.find_element(By.CSS_SELECTOR, "details.people > summary").click()
        selects = driver.find_elements(By.CSS_SELECTOR, "table.people select[data-path^='staff.']")
        person = next(s for s in selects if s.get_attribute("value"))
        path = person.get_attribute("data-path")
        before = person.get_attribute("value")
        options = [o.get_attribute("value") for o in person.find_elements(By.TAG_NAME, "option")]
        target = next(v for v in options if v and v != before)
        name = driver.find_element(By.CSS_SELECTOR, f"label[for='{person.get_attribute('id')}']").text.splitlines()[0]
        Select(person).select_by_value(target)

        # Remove a position from the first group.
        count = driver.find_element(By.CSS_SELECTOR, "input[data-path$='.count']")
        count_path = count.get_attribute("data-path")
        positions = int(count.get_attribute("value"))
        count.send_keys(Keys.CONTROL, "a")
        count.send_keys(str(positions - 1))
        WebDriverWait(driver, 60).until(lambda d: len(changes(d)) >= 2)
        listed = changes(driver)
        check(any(c.startswith(path) for c in listed), f"what changed lists the move ({path}: {before} → {target})")
        check(any(count_path.replace(".count", "") in c for c in listed), f"what changed lists the removed position ({count_path})")

        # Run and wait for the result.
        run_and_wait(driver)
        figures = table_figures(driver)
        cost = figures["annual_staff_cost"]
        check(cost[0] != cost[1] and cost[3] != "–", f"the annual staff cost changed: {cost[0]} → {cost[1]} ({cost[3]})")
        check(len(figures) >= 15, f"the key figures are shown ({len(figures)})")
        result_chart = driver.find_element(By.CSS_SELECTOR, "#result-org svg").get_attribute("textContent")
        check("MOVED" in result_chart and "REMOVED" in result_chart and name in result_chart,
              f"the org chart is redrawn with {name} moved and a position removed")
        check(len(driver.find_elements(By.CSS_SELECTOR, ".pair svg")) >= 2, "heat maps are shown for the baseline and the what-if")
        hourly = driver.find_elements(By.CSS_SELECTOR, "#result figure.chart svg")
        check(len(hourly) >= 2 and "Dialogues by hour of day" in hourly[0].get_attribute("textContent"),
              f"hourly charts per site are shown ({len(hourly)})")
        command = driver.find_element(By.ID, "reproduce").text
        check(command.startswith("pitstop compare pitstop.yaml pitstop-whatif.yaml"), f"the page gives the command: {command}")

        # Save the what-if; it lands beside its scenario.
        driver.find_element(By.ID, "save").click()
        saved = wait_for_file(downloads, ".yaml")
        time.sleep(0.5)
        overlay = os.path.join(folder, os.path.basename(saved))
        shutil.copy(saved, overlay)
        check(os.path.basename(saved) == "pitstop-whatif.yaml", "the what-if downloads as pitstop-whatif.yaml")
        validate = subprocess.run([binary, "validate", overlay], capture_output=True, text=True)
        check(validate.returncode == 0, f"pitstop validate accepts the saved overlay ({validate.stderr.strip().splitlines()[-1:]})")

        # The command line's compare gives the figures the page showed.
        args = command.split()[1:]
        out = os.path.join(work, "out")
        compare = subprocess.run([binary] + args + ["--format", "json", "--out", out], capture_output=True, text=True,
                                 cwd=folder)
        check(compare.returncode == 0, "pitstop compare runs the saved what-if")
        document = json.loads(compare.stdout)
        base_name = document["baseline"]
        other = next(n for n in document["results"] if n != base_name)
        mismatches = []
        for kpi, (base, what_if, difference, _) in figures.items():
            expected = (document["results"][base_name]["kpis"][kpi]["mean"], document["results"][other]["kpis"][kpi]["mean"],
                        document["differences"][other]["kpis"][kpi]["mean"])
            for text, value in zip((base, what_if, difference), expected):
                if text != "–" and not same_figure(text, value, kpi):
                    mismatches.append(f"{kpi}: page {text}, compare {value}")
        check(not mismatches, f"compare of the saved overlay gives the page's {len(figures)} figures " + "; ".join(mismatches))

        # Open the saved what-if again: the controls come back and the run is the cached one.
        driver.find_element(By.ID, "reset").click()
        WebDriverWait(driver, 60).until(lambda d: not changes(d))
        driver.find_element(By.ID, "open-file").send_keys(overlay)
        WebDriverWait(driver, 60).until(lambda d: sorted(changes(d)) == sorted(listed))
        check(Select(driver.find_element(By.CSS_SELECTOR, f"select[data-path='{path}']")).first_selected_option
              .get_attribute("value") == target, "opening the saved what-if restores the controls")
        run_and_wait(driver)
        check(table_figures(driver) == figures, "the reopened what-if gives the same figures")
        check("cache" in driver.find_element(By.ID, "result-settings").text, "and comes from the cache")

        # Keyboard: every control has a label the keyboard user hears.
        unlabelled = driver.execute_script("""
            return [...document.querySelectorAll('input:not(.file):not([type=hidden]), select')]
              .filter(e => !e.labels || e.labels.length === 0).map(e => e.id || e.outerHTML.slice(0, 60));""")
        check(not unlabelled, f"every control has a label {unlabelled}")

        # Danish.
        driver.get(server.url + "?lang=da")
        wait_ready(driver)
        check(driver.title == "Pitstop-udforskeren" and driver.find_element(By.ID, "run").text == "Kør", "the page speaks Danish")

        errors = console_errors(driver)
        check(not errors, f"the browser logged no error {errors}")
    finally:
        driver.quit()
        status = server.stop()
        shutil.rmtree(work, ignore_errors=True)
    check(status == 0, "Ctrl-C stops the server with exit status 0")


if __name__ == "__main__":
    try:
        main(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/pitstop")))
    except Failure as failure:
        print(f"FAILED: {failure}")
        sys.exit(1)
    print("browser test passed")
