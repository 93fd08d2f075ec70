#!/usr/bin/env python3
"""Opens exported notebooks (HTML) in headless Chromium and checks that they render.

Usage: .venv/bin/python Tests/notebooks/check_html.py [--screenshots DIR] [--min-images N] FILE.html...

Drives Debian's `chromium` through its `chromedriver` (PyPI `selenium`, no driver download). For each file:
  - the page loads (document.readyState == "complete");
  - every plot output (`.jp-RenderedImage`) holds an <img> that decoded with a non-zero natural size,
    every <img> is embedded (`data:` URI, no link) and its data decodes completely (Pillow), and there
    are at least --min-images of them;
  - no error output: no stderr/traceback cell (`data-mime-type="application/vnd.jupyter.stderr"`,
    `.jp-OutputArea-error`), no "Traceback" text in an output;
  - the page loaded nothing from the network (self-contained);
  - a screenshot of the page's first 4000 px is not blank (more than 16 distinct colours, > 2 % non-white
    pixels); with --screenshots it is saved there, halved and palette-reduced (small PNG).
Prints one line per file and exits 1 if any check fails.
"""
from __future__ import annotations

import argparse
import base64
import binascii
import io
import re
import pathlib
import shutil
import sys

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PROBE = r"""
const out = {ready: document.readyState, title: document.title};
const plots = Array.from(document.querySelectorAll('.jp-RenderedImage'));
out.plots = plots.length;
out.emptyPlots = plots.filter(d => d.querySelectorAll('img').length === 0).length;
out.images = Array.from(document.images).map(i => ({
  embedded: i.src.startsWith('data:image/'), complete: i.complete, w: i.naturalWidth, h: i.naturalHeight,
  shownW: i.getBoundingClientRect().width}));
out.errors = document.querySelectorAll(
  '[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-error, .output_error, .output_stderr').length;
out.tracebacks = Array.from(document.querySelectorAll('.jp-OutputArea-output'))
  .filter(o => /Traceback \(most recent call last\)|Error: /.test(o.textContent)).length;
out.network = performance.getEntriesByType('resource').map(r => r.name)
  .filter(n => !n.startsWith('data:') && !n.startsWith('file:'));
out.height = Math.ceil(document.documentElement.scrollHeight);
return out;
"""


def find(*names: str) -> str:
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    sys.exit(f"check_html: none of {', '.join(names)} is installed (make deps installs Debian's chromium and chromium-driver)")


def driver() -> webdriver.Chrome:
    opts = webdriver.ChromeOptions()
    opts.binary_location = find("chromium", "chromium-browser", "google-chrome")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
              "--window-size=1100,1400", "--force-device-scale-factor=1", "--no-first-run", "--mute-audio"):
        opts.add_argument(a)
    d = webdriver.Chrome(service=Service(executable_path=find("chromedriver")), options=opts)
    d.set_page_load_timeout(60)
    return d


def blank(png: bytes) -> tuple[bool, str]:
    img = Image.open(io.BytesIO(png)).convert("RGB")
    colours = img.getcolors(maxcolors=1 << 20)
    n = len(colours) if colours is not None else 1 << 20
    grey = img.convert("L")
    nonwhite = sum(c for v, c in enumerate(grey.histogram()) if v < 245) / (img.width * img.height)
    return (n <= 16 or nonwhite < 0.02), f"{n} colours, {nonwhite * 100:.1f} % non-white"


def undecodable(path: pathlib.Path) -> list[str]:
    """Embedded images that do not decode completely (a truncated PNG may still show with its full size)."""
    bad = []
    for n, m in enumerate(re.finditer(r'src="data:image/[a-z+]+;base64,([^"]*)"', path.read_text(encoding="utf-8"))):
        try:
            Image.open(io.BytesIO(base64.b64decode(m.group(1), validate=True))).load()
        except (OSError, ValueError, binascii.Error) as e:
            bad.append(f"image {n + 1}: {e}")
    return bad


def check(d: webdriver.Chrome, path: pathlib.Path, min_images: int, shots: pathlib.Path | None) -> list[str]:
    d.set_window_size(1100, 1400)
    d.get(path.resolve().as_uri())
    r = d.execute_script(PROBE)
    problems = []
    if r["ready"] != "complete":
        problems.append(f"document not loaded ({r['ready']})")
    bad = [i for i in r["images"] if not (i["complete"] and i["w"] > 0 and i["h"] > 0 and i["shownW"] > 0)]
    if bad:
        problems.append(f"{len(bad)} of {len(r['images'])} images did not load or have zero size")
    linked = [i for i in r["images"] if not i["embedded"]]
    if linked:
        problems.append(f"{len(linked)} images are links, not embedded data")
    broken = undecodable(path)
    if broken:
        problems.append(f"{len(broken)} embedded images do not decode: {'; '.join(broken[:3])}")
    if r["emptyPlots"]:
        problems.append(f"{r['emptyPlots']} of {r['plots']} plot outputs hold no image")
    if len(r["images"]) < min_images:
        problems.append(f"{len(r['images'])} images, expected at least {min_images}")
    if r["errors"] or r["tracebacks"]:
        problems.append(f"{r['errors']} error/stderr output cells, {r['tracebacks']} outputs with a traceback")
    if r["network"]:
        problems.append(f"loaded from the network: {r['network'][:3]}")
    d.set_window_size(1100, max(800, min(r["height"], 4000)))  # the top of the page: title, first plots
    png = d.get_screenshot_as_png()
    is_blank, how = blank(png)
    if is_blank:
        problems.append(f"screenshot is blank ({how})")
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        img = Image.open(io.BytesIO(png)).convert("RGB")
        img = img.resize((img.width // 2, img.height // 2), Image.LANCZOS).quantize(colors=64, method=Image.MEDIANCUT)
        img.save(shots / f"{path.stem}.png", optimize=True)
    status = "ok  " if not problems else "FAIL"
    sizes = ", ".join(f"{i['w']}x{i['h']}" for i in r["images"][:12])
    print(f"{status} {path}: {len(r['images'])} images loaded "
          f"({sizes}), {r['errors']} error cells, "
          f"page {r['height']} px, screenshot {how}" + "".join(f"\n     - {p}" for p in problems))
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=pathlib.Path)
    ap.add_argument("--screenshots", type=pathlib.Path)
    ap.add_argument("--min-images", type=int, default=1)
    a = ap.parse_args()
    missing = [f for f in a.files if not f.is_file()]
    if missing:
        print(f"check_html: missing {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    d = driver()
    try:
        failed = [f for f in a.files if check(d, f, a.min_images, a.screenshots)]
    finally:
        d.quit()
    print(f"check_html: {len(a.files) - len(failed)} of {len(a.files)} files render"
          + (f"; FAILED: {', '.join(map(str, failed))}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
