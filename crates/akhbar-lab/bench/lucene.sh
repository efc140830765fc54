#!/usr/bin/env bash
# Lucene anchor for the indexing benchmark: indexes one corpus with Anserini
# (Lucene 9, from the pyserini==0.22.1 wheel) and its French or Arabic analyzer.
#
#   bench/lucene.sh CORPUS_JSONL_ZST LANG(fr|ar) [RUNS]
#
# Converts the corpus to {"id","contents": title + "\n" + body} JSON Lines
# (uncompressed, split in 2 files so that both of Anserini's threads work; Anserini
# gives one file to one thread), then runs, RUNS times (default 2):
#   java -cp anserini-0.22.1-fatjar.jar io.anserini.index.IndexCollection \
#     -collection JsonCollection -input DIR -index OUT \
#     -generator DefaultLuceneDocumentGenerator -threads 2 -language LANG \
#     -storePositions -storeRaw
# under /usr/bin/time -v. Prints one machine-readable line per run:
#   LUCENE lang=fr wall_s=… peak_rss_kb=… input_bytes=… docs=… index_bytes=…
# input_bytes are the bytes of the converted JSONL Lucene reads.
# Exit 0 with a `LUCENE-UNAVAILABLE reason` line when java or pip is missing.
set -euo pipefail

CORPUS=${1:?usage: bench/lucene.sh CORPUS_JSONL_ZST fr|ar [RUNS]}
LANG_CODE=${2:?usage: bench/lucene.sh CORPUS_JSONL_ZST fr|ar [RUNS]}
RUNS=${3:-2}
VENV=${AKHBAR_LUCENE_VENV:-/tmp/akhbar-lucene-venv}
WORK=${AKHBAR_LUCENE_WORK:-/tmp/akhbar-bench/lucene}
THREADS=${AKHBAR_LUCENE_THREADS:-2}

unavailable() { echo "LUCENE-UNAVAILABLE $*"; exit 0; }

command -v java >/dev/null 2>&1 || unavailable "java not found (OpenJDK 17 expected)"
command -v zstd >/dev/null 2>&1 || unavailable "zstd CLI not found"
[ -x /usr/bin/time ] || unavailable "/usr/bin/time not found"

JAR=$(find "$VENV" -name 'anserini-*-fatjar.jar' 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
  echo "setting up $VENV (pip install --no-deps pyserini==0.22.1)" >&2
  python3 -m venv "$VENV" >&2 || unavailable "python3 -m venv failed"
  "$VENV/bin/pip" install --quiet --no-deps pyserini==0.22.1 >&2 || unavailable "pip install pyserini==0.22.1 failed"
  JAR=$(find "$VENV" -name 'anserini-*-fatjar.jar' | head -1 || true)
  [ -n "$JAR" ] || unavailable "no anserini fat jar in the pyserini wheel"
fi

name=$(basename "$(dirname "$CORPUS")")
input="$WORK/$name-input"
mkdir -p "$WORK"
if [ ! -f "$input/.done" ]; then
  rm -rf "$input"; mkdir -p "$input"
  zstd -dc "$CORPUS" | python3 -c '
import json, sys
out = [open(sys.argv[1] + "/part-%d.jsonl" % i, "w", encoding="utf-8") for i in range(2)]
n = 0
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        r = json.loads(line)
    except ValueError:
        continue
    body = r.get("body") or ""
    if not body:
        continue
    doc = {"id": str(r.get("id") or n), "contents": (r.get("title") or "") + "\n" + body}
    out[n % 2].write(json.dumps(doc, ensure_ascii=False) + "\n")
    n += 1
for f in out:
    f.close()
' "$input"
  touch "$input/.done"
fi
input_bytes=$(cat "$input"/part-*.jsonl | wc -c)
docs=$(cat "$input"/part-*.jsonl | wc -l)

for run in $(seq 1 "$RUNS"); do
  out="$WORK/$name-index"
  rm -rf "$out"
  log="$WORK/$name-run$run.log"
  start=$(date +%s.%N)
  /usr/bin/time -v java -cp "$JAR" io.anserini.index.IndexCollection \
    -collection JsonCollection -input "$input" -index "$out" \
    -generator DefaultLuceneDocumentGenerator -threads "$THREADS" -language "$LANG_CODE" \
    -storePositions -storeRaw >"$log" 2>&1 || { tail -20 "$log" >&2; unavailable "IndexCollection failed (see $log)"; }
  end=$(date +%s.%N)
  wall=$(python3 -c "print(f'{$end - $start:.3f}')")
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  index_bytes=$(du -sb "$out" | awk '{print $1}')
  indexed=$(grep -oE 'Total [0-9,]+ documents indexed' "$log" | tr -dc '0-9' || echo "$docs")
  echo "LUCENE lang=$LANG_CODE corpus=$name run=$run wall_s=$wall peak_rss_kb=$rss input_bytes=$input_bytes docs=${indexed:-$docs} index_bytes=$index_bytes"
  rm -rf "$out"
done
