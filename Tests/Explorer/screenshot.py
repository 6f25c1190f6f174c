#!/usr/bin/python3
"""The explorer's screenshot for the README, taken by headless Chromium (renew it with
`make explorer-screenshot`).

    /usr/bin/python3 Tests/Explorer/screenshot.py .build/release/pitstop docs/images/explorer.png

Serves a copy of the bundled scenarios, picks the pitstop scenario, lets visits grow 20 %,
moves a person to another unit and removes a student position, runs, and photographs the
page with the result's key figures in view.
"""
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from session import Server, browser, console_errors  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def set_value(driver, selector, text):
    field = driver.find_element(By.CSS_SELECTOR, selector)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text)


def main(binary, output, lang="en"):
    work = tempfile.mkdtemp(prefix="pitstop-shot-")
    folder = os.path.join(work, "scenarios")
    shutil.copytree(os.path.join(ROOT, "Scenarios"), folder)
    server = Server(binary, folder)
    driver = browser(width=1600, height=1150)
    try:
        driver.get(f"{server.url}?lang={lang}&scenario=pitstop.yaml")
        WebDriverWait(driver, 60).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
        driver.find_element(By.CSS_SELECTOR, "details.people > summary").click()
        Select(driver.find_element(By.CSS_SELECTOR, "select[data-path='staff.mads-sondergaard.unit']")).select_by_value("citizen-team")
        set_value(driver, "input[data-path='staff.student-main.count']", "3")
        set_value(driver, "input[data-path='simulation.demand_scale']", "1.2")
        WebDriverWait(driver, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#changes li:not(.empty)")) == 3)
        driver.find_element(By.CSS_SELECTOR, "details.people > summary").click()
        driver.find_element(By.ID, "run").click()
        WebDriverWait(driver, 300).until(EC.visibility_of_element_located((By.ID, "kpi-table")))
        driver.execute_script("window.scrollTo(0, 0); document.querySelector('.panel').scrollTop = 0;")
        driver.save_screenshot(output)
        errors = console_errors(driver)
    finally:
        driver.quit()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    if errors:
        print("console:", errors)
        sys.exit(1)
    print(output)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), sys.argv[2], *(sys.argv[3:4]))
