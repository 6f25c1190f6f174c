"""Shared by the explorer's browser test and its screenshot: start `pitstop serve --port 0`,
read the address it prints, and open headless Chromium on it (Debian's chromium and
chromium-driver, through /usr/bin/python3's python3-selenium)."""
import os
import re
import signal
import subprocess
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Server:
    """`pitstop serve FOLDER --port 0`, stopped with SIGINT (Ctrl-C) by `stop()`."""

    def __init__(self, binary, folder=None, extra=()):
        args = [binary, "serve"] + ([folder] if folder else []) + ["--port", "0"] + list(extra)
        env = dict(os.environ, NO_PROXY="*", no_proxy="*")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline()
        match = re.search(r"(http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"pitstop serve printed no address: {line!r} {self.process.stderr.read()!r}")
        self.url = match.group(1)

    def stop(self):
        """Ctrl-C; returns the exit status (0 when it stopped cleanly)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def browser(download_dir=None, width=1600, height=1000):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}",
                 "--no-proxy-server", "--lang=en-GB"):
        options.add_argument(flag)
    if download_dir:
        options.add_experimental_option("prefs", {
            "download.default_directory": download_dir, "download.prompt_for_download": False,
        })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if download_dir:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": download_dir})
    return driver


def console_errors(driver):
    """SEVERE messages of the browser's console (CSP violations, failed loads, exceptions)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait_for_file(folder, suffix, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        names = [n for n in os.listdir(folder) if n.endswith(suffix)]
        if names:
            return os.path.join(folder, names[0])
        time.sleep(0.1)
    raise TimeoutError(f"no *{suffix} appeared in {folder}")
