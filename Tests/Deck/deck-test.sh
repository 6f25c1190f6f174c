#!/usr/bin/env bash
# The comparison deck checked the way a consultant's tools would read it: `make deck-test`.
#
# Builds the bundled comparison's deck in English and Danish, opens each with python-pptx
# (PyPI, in a virtual environment under .build/), converts each with LibreOffice Impress to
# PDF (one page per slide, the expected text, one image per picture, the notes read), and
# renders every page to PNG under Output/deck-test/ to be looked at. Also: the same run
# with 1 and 2 jobs gives byte-identical decks. Installs libreoffice-impress and
# poppler-utils when missing (not part of `make deps`: running Pitstop does not need them).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${DECK_TEST_OUT:-$ROOT/Output/deck-test}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
start=$(date +%s)

missing=""
for p in libreoffice-impress poppler-utils python3-venv; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
if [ ! -x .build/venv/bin/python ] || ! .build/venv/bin/python -c 'import pptx' 2>/dev/null; then
  python3 -m venv .build/venv
  .build/venv/bin/pip install -q 'python-pptx==1.0.2'
fi

swift build --product pitstop
PITSTOP=$(swift build --show-bin-path)/pitstop
rm -rf "$OUT"
mkdir -p "$OUT"

# The competence ids of the bundled scenarios (English words that Danish output must not show).
awk '/^competences:/{on=1; next} /^[a-z]/{on=0} on && /- id:/{print $3}' Scenarios/library-base.yaml > "$OUT/competence-ids.txt"

status=0
for lang in en da; do
  "$PITSTOP" --deck --lang "$lang" --out "$OUT/$lang" > "$OUT/$lang.txt"
  test -s "$OUT/$lang/deck.pptx" || { echo "FAIL: no deck.pptx ($lang)"; exit 1; }
  .build/venv/bin/python Tests/Deck/check_deck.py "$OUT/$lang/deck.pptx" "$lang" "$OUT/competence-ids.txt" \
    "$OUT/$lang" "$OUT/$lang/summary.json" || status=1

  # LibreOffice: its own profile per run (a shared one loses jobs), and the PDF checked,
  # never the exit status (0 even when the deck could not be loaded).
  profile="$OUT/lo-profile-$lang-$$"
  libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$OUT/$lang" \
    "$OUT/$lang/deck.pptx" > "$OUT/$lang/libreoffice.log" 2>&1 || true
  libreoffice -env:UserInstallation="file://$profile" --headless \
    --convert-to 'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"}}' \
    --outdir "$OUT/$lang/notes" "$OUT/$lang/deck.pptx" >> "$OUT/$lang/libreoffice.log" 2>&1 || true
  rm -rf "$profile"
  pdf="$OUT/$lang/deck.pdf"
  [ -s "$OUT/$lang/summary.json" ] || { echo "FAIL ($lang): python-pptx could not read the deck"; status=1; continue; }
  if [ ! -s "$pdf" ]; then echo "FAIL ($lang): LibreOffice made no PDF"; cat "$OUT/$lang/libreoffice.log"; exit 1; fi
  slides=$(.build/venv/bin/python -c "import json,sys; print(json.load(open(sys.argv[1]))['slides'])" "$OUT/$lang/summary.json")
  pictures=$(.build/venv/bin/python -c "import json,sys; print(json.load(open(sys.argv[1]))['pictures'])" "$OUT/$lang/summary.json")
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
  size=$(pdfinfo "$pdf" | awk '/^Page size:/{print $3 "x" $5}')
  images=$(pdfimages -list "$pdf" | awk 'NR>2 && $3=="image"' | wc -l)
  [ "$pages" = "$slides" ] || { echo "FAIL ($lang): $pages PDF pages for $slides slides"; status=1; }
  [ "$size" = "960.009x540" ] || { echo "FAIL ($lang): page size $size, not 16:9 (960.009 x 540 pt)"; status=1; }
  [ "$images" = "$pictures" ] || { echo "FAIL ($lang): $images images in the PDF for $pictures pictures"; status=1; }
  text=$(pdftotext -layout "$pdf" -)
  if [ "$lang" = en ]; then expected=("Key figures" "The answer" "Visits per day" "Heat map" "Assumptions" "95 %"); \
  else expected=("Nøgletal" "Svaret" "Besøg pr. dag" "Varmekort" "Forudsætninger" "95 %"); fi
  for phrase in "${expected[@]}"; do
    grep -qF "$phrase" <<< "$text" || { echo "FAIL ($lang): '$phrase' not in the PDF's text"; status=1; }
  done
  # The notes pages come after the slides: LibreOffice read the notes (needs the notes master).
  notes_text=$(pdftotext -f $((slides + 1)) "$OUT/$lang/notes/deck.pdf" - 2>/dev/null || true)
  grep -qF "seed" <<< "$notes_text" || { echo "FAIL ($lang): no speaker notes in LibreOffice's notes pages"; status=1; }
  mkdir -p "$OUT/$lang/pages"
  pdftoppm -png -r 60 "$pdf" "$OUT/$lang/pages/slide"
  echo "LibreOffice ($lang): $pages pages of $size pt for $slides slides, $images images for $pictures pictures; pages in $OUT/$lang/pages/"
done

# Same input, same bytes, whatever the number of jobs.
"$PITSTOP" --deck --days 7 --replications 4 --jobs 1 --out "$OUT/jobs-1" > /dev/null
"$PITSTOP" --deck --days 7 --replications 4 --jobs 2 --out "$OUT/jobs-2" > /dev/null
if cmp -s "$OUT/jobs-1/deck.pptx" "$OUT/jobs-2/deck.pptx"; then
  echo "Deterministic: deck.pptx byte-identical with 1 and 2 jobs ($(sha256sum < "$OUT/jobs-1/deck.pptx" | cut -c1-16)…)"
else
  echo "FAIL: deck.pptx differs between 1 and 2 jobs"; status=1
fi

echo "deck-test: $(( $(date +%s) - start )) s"
if [ $status = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit $status
