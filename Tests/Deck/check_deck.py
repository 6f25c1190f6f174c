"""Opens a deck.pptx with python-pptx and checks what a consultant relies on.

Usage: check_deck.py DECK.pptx LANG COMPETENCE_IDS_FILE SVG_FOLDER SUMMARY.json

Touches every layout, master, picture and notes page (python-pptx drops broken
relationships at open and fails only when they are reached), finds the native key-figure
table and the speaker notes, and with LANG=da checks that no competence id (an English
word) appears anywhere: slide text, table cells, notes, nor the drawings the pictures were
made from. Writes the slide and picture counts to SUMMARY.json for the LibreOffice check.
"""
import json
import re
import sys

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

path, lang, ids_file, svg_folder, summary_path = sys.argv[1:6]
failures = []


def fail(message):
    failures.append(message)


prs = Presentation(path)
if (prs.slide_width, prs.slide_height) != (12192000, 6858000):
    fail(f"slide size {prs.slide_width} x {prs.slide_height} EMU, not 16:9 (12192000 x 6858000)")
for layout in prs.slide_layouts:
    layout.slide_master.slide_layouts  # reach the master through the layout
if len(prs.notes_master.placeholders) < 2:  # the notes master PowerPoint needs, with its placeholders
    fail("the notes master lacks its slide image and notes placeholders")

words = {
    "en": dict(key="Key figures", table_head="Key figure", answer="The answer", org="Organisation:",
               changed="Changes in the organisation", heat="Heat map", diff="What changes from the baseline",
               assumptions="Assumptions", run="seed", visits="Visits per day"),
    "da": dict(key="Nøgletal", table_head="Nøgletal", answer="Svaret", org="Organisation:",
               changed="Ændringer i organisationen", heat="Varmekort", diff="Hvad ændrer sig fra udgangspunktet",
               assumptions="Forudsætninger", run="seed", visits="Besøg pr. dag"),
}[lang]

titles, all_text, pictures, tables = [], [], 0, []
for number, slide in enumerate(prs.slides, start=1):
    slide.slide_layout.slide_master  # dangling layout/master relationships fail here
    title = slide.shapes.title
    if title is None or not title.text.strip():
        fail(f"slide {number} has no title")
        continue
    titles.append(title.text)
    all_text.append(title.text)
    for shape in slide.shapes:
        if shape.has_text_frame:
            all_text.append(shape.text_frame.text)
        if shape.has_table:
            tables.append((number, shape.table))
            for row in shape.table.rows:
                for cell in row.cells:
                    all_text.append(cell.text)
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE or hasattr(shape, "image"):
            pictures += 1
            image = shape.image  # raises when the image part is missing
            if image.content_type != "image/png":
                fail(f"slide {number}: picture is {image.content_type}, not PNG")
            # PNG at 2x: 192 px per inch of the picture's box (914400 EMU an inch).
            expected = (round(shape.width / 914400 * 192), round(shape.height / 914400 * 192))
            if abs(image.size[0] - expected[0]) > 2 or abs(image.size[1] - expected[1]) > 2:
                fail(f"slide {number}: picture is {image.size} px for a box wanting {expected} (2x)")
            if not shape._element.xpath(".//p:cNvPr/@descr")[0].strip():
                fail(f"slide {number}: picture without alternative text")
    if not slide.has_notes_slide:
        fail(f"slide {number} has no speaker notes")
        continue
    notes = slide.notes_slide.notes_text_frame.text
    all_text.append(notes)
    if words["run"] not in notes:
        fail(f"slide {number}: the notes do not carry the run settings")

def has_title(fragment):
    return any(fragment in t for t in titles)

for key in ("key", "answer", "org", "changed", "heat", "diff", "assumptions"):
    if not has_title(words[key]):
        fail(f"no slide titled with '{words[key]}'")
if len(prs.slides) < 10:
    fail(f"only {len(prs.slides)} slides")
if pictures < 6:
    fail(f"only {pictures} pictures")

# The native key-figure table: a header row, then one row per key figure.
key_tables = [t for n, t in tables if t.cell(0, 0).text == words["table_head"]]
if not key_tables:
    fail("no native key-figure table")
else:
    rows = sum(len(t.rows) - 1 for t in key_tables)
    if rows < 15:
        fail(f"the key-figure tables hold {rows} rows")
    names = [t.cell(r, 0).text for t in key_tables for r in range(1, len(t.rows))]
    if not any(n.startswith(words["visits"]) for n in names):
        fail(f"no '{words['visits']}' row in the key-figure table")
    if len(key_tables[0].columns) < 5:
        fail("the key-figure table lacks the difference columns")

text = "\n".join(all_text)
if "95" not in text or "%" not in text:
    fail("no 95 % interval in the deck's text")

if lang == "da":
    ids = [line.strip() for line in open(ids_file, encoding="utf-8") if line.strip()]
    for competence in ids:
        if re.search(r"(?<![\w-])" + re.escape(competence) + r"(?![\w-])", text):
            fail(f"English competence id '{competence}' in the deck's text")
    import glob
    for svg in sorted(glob.glob(svg_folder + "/*.svg")):
        import html
        drawing = html.unescape(open(svg, encoding="utf-8").read())
        for competence in ids:
            if re.search(r">[^<]*(?<![\w-])" + re.escape(competence) + r"(?![\w-])[^<]*<", drawing):
                fail(f"English competence id '{competence}' in {svg.split('/')[-1]}, drawn as a picture of the deck "
                     "(the charts' words: issue 14 item 2)")

json.dump({"slides": len(prs.slides), "pictures": pictures, "titles": titles}, open(summary_path, "w"),
          ensure_ascii=False, indent=1)
for message in failures:
    print(f"FAIL ({lang}): {message}")
print(f"python-pptx ({lang}): {len(prs.slides)} slides, {pictures} pictures, {len(tables)} native tables, "
      f"notes on every slide; {len(failures)} problems")
sys.exit(1 if failures else 0)
