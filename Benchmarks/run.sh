#!/usr/bin/env bash
# Benchmarks/run.sh — Bindery and its two peers on the same descriptions, in one run, on one machine (issue 7).
#
# For each description: the libyaml floor (Benchmarks/yaml-floor.c: libyaml alone parsing the file), Bindery
# (release build), and the peers through ../shared/bench/peers-run.sh (swift-openapi-generator, OpenAPI
# Generator). Bindery is measured the way peers-run.sh measures the peers, with peers-run.sh's own helper
# functions: GNU `/usr/bin/time -v` (wall, user+sys CPU, peak RSS), median of REPEATS runs each into a new
# folder, the generated *.swift (files, lines, bytes), and one debug `swift build` of the output (its own scratch
# path; wall, CPU, peak memory). Then the synthetic specs (Benchmarks/scale-spec.py): GitHub's API copied k times.
#
# Prints one Markdown table per description (each figure with its ratio to Bindery's) and a scaling table, and
# writes the raw numbers as JSON. See Benchmarks/README.md. Not part of CI.
#
# Env knobs:
#   SPECS        descriptions: canopy github stripe kubernetes (default: all four) or paths; "" for none
#   SCALES       multiples of GitHub for the synthetic specs (default "1 4 16"); "" for none
#   REPEATS      generation runs per tool, the median is reported (default 3)
#   FAST_REPEATS runs of Bindery and of the libyaml floor, the median is reported (default 3 x REPEATS): a run of a
#                fraction of a second catches the machine's slow moments whole, where the peers' runs of several
#                seconds average over them, so its median needs more runs to be as steady
#   COMPILE      1: build each output once (debug); 0: do not (default 1)
#   SCALE_COMPILE  the same for the synthetic specs (default 0: 16x GitHub would take hours and tens of GB)
#   GENERATORS   peers, passed on to peers-run.sh (default "sog oag-swift6"; add oag-swift5); "" for Bindery only
#   COMPILE_TIMEOUT  cap per build in seconds, for every tool (default 1800)
#   OUT          folder for everything (default /tmp/bindery-bench/<UTC time>)
#   RESULTS      the JSON results file (default $OUT/results.json); the tables also go to $OUT/results.md
#   SCALE_DIR    where the synthetic specs are written (default /tmp/bindery-bench/specs)
#   SHARED       the shared folder (default ../shared from the repository root)
#   PEERS_ENV, SCRATCH_ROOT, OAG_JAVA_OPTS, ...  passed on to peers-setup.sh / peers-run.sh
set -uo pipefail

# shellcheck source=Benchmarks/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SPECS="${SPECS-canopy github stripe kubernetes}"
SCALES="${SCALES-1 4 16}"
REPEATS="${REPEATS:-3}"
FAST_REPEATS="${FAST_REPEATS:-$((REPEATS * 3))}"
COMPILE="${COMPILE:-1}"
SCALE_COMPILE="${SCALE_COMPILE:-0}"
GENERATORS="${GENERATORS-sog oag-swift6}"
COMPILE_TIMEOUT="${COMPILE_TIMEOUT:-1800}"
OUT="${OUT:-/tmp/bindery-bench/$(date -u +%Y%m%dT%H%M%SZ)}"
SCALE_DIR="${SCALE_DIR:-/tmp/bindery-bench/specs}"
PEERS_ENV="${PEERS_ENV:-/tmp/peers.env}"
SCRATCH_ROOT="${SCRATCH_ROOT:-/tmp/peers-scratch}"
export PEERS_ENV SCRATCH_ROOT COMPILE_TIMEOUT
export PATH="/opt/swift/usr/bin:$PATH"

START=$(date +%s)
mkdir -p "$OUT" "$SCALE_DIR" "$SCRATCH_ROOT"
OUT="$(cd "$OUT" && pwd)"
RESULTS="${RESULTS:-$OUT/results.json}"
log() { printf '[bench] %s\n' "$*" >&2; }

# ---------- peers-run.sh's own measuring functions (lib.sh) ------------------------------------------------------
import_peers_functions parse_time median swift_stats cpu_busy_ticks foreign_cpu all_files tree_hash mb descendants \
  timed_build compile_report compile_spm

# ---------- set-up -----------------------------------------------------------------------------------------------
if [ -n "${GENERATORS// /}" ]; then
  log "peers: $PEERS_SETUP (idempotent)"
  bash "$PEERS_SETUP" > "$OUT/peers-setup.log" 2>&1 || { cat "$OUT/peers-setup.log" >&2; exit 1; }
fi
log "building bindery (release)"
( cd "$ROOT" && swift build -c release --product bindery > "$OUT/bindery-build.log" 2>&1 ) \
  || { tail -n 30 "$OUT/bindery-build.log" >&2; exit 1; }
BINDERY="$(cd "$ROOT" && swift build -c release --show-bin-path)/bindery"
[ -x "$BINDERY" ] || { echo "no bindery binary at $BINDERY" >&2; exit 1; }
FLOOR="$OUT/yaml-floor"
cc -O2 -o "$FLOOR" "$HERE/yaml-floor.c" -lyaml || exit 1

COMMIT="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] && COMMIT="$COMMIT (modified)"
{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "arch: $(uname -m)"
  echo "kernel: $(uname -sr)"
  echo "cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "cores: $(nproc)"
  echo "mem: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "loadavg_at_start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $COMMIT"
  echo "swift: $(swift --version 2>&1 | head -n1)"
  echo "libyaml: $(pkg-config --modversion yaml-0.1 2>/dev/null || echo unknown)"
  echo "repeats: $REPEATS"
  echo "fast_repeats: $FAST_REPEATS"
  echo "compile: $COMPILE"
  echo "scale_compile: $SCALE_COMPILE"
  echo "compile_timeout_s: $COMPILE_TIMEOUT"
  echo "generators: $GENERATORS"
  echo "specs: $SPECS"
  echo "scales: $SCALES"
  if [ -n "${GENERATORS// /}" ] && [ -f "$PEERS_ENV" ]; then
    # shellcheck disable=SC1090
    ( . "$PEERS_ENV"
      echo "sog_version: ${SOG_VERSION:-?}"
      echo "oag_version: ${OAG_VERSION:-?}"
      echo "java: $("$JAVA_BIN" -version 2>&1 | head -n1)" )
    echo "oag_java_opts: ${OAG_JAVA_OPTS--DmaxYamlCodePoints=2147483647}"
  fi
} > "$OUT/meta.txt"
cat "$OUT/meta.txt" >&2

# ---------- the descriptions ------------------------------------------------------------------------------------
printf 'name\tkind\tk\tpath\tbytes\tsha256\n' > "$OUT/specs.tsv"
add_spec() { # name kind k path
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$(stat -c %s "$4")" "$(sha256sum "$4" | cut -c1-64)" >> "$OUT/specs.tsv"
}
for s in $SPECS; do
  p="$(spec_path "$s")"
  [ -f "$p" ] || { echo "no such description: $p" >&2; exit 2; }
  p="$(readlink -f "$p")"
  case "$s" in */*|*.json|*.yaml|*.yml) name="$(basename "$(dirname "$p")")-$(basename "${p%.*}")" ;; *) name="$s" ;; esac
  add_spec "$name" spec 1 "$p"
done
for k in $SCALES; do
  p="$SCALE_DIR/github-x$k.json"
  log "synthetic spec: GitHub x$k -> $p"
  python3 "$HERE/scale-spec.py" "$(spec_path github)" "$k" "$p" >&2 || exit 1
  add_spec "github-x$k" scale "$k" "$p"
done

# ---------- measuring ----------------------------------------------------------------------------------------------
floor_runs() { # spec dir: FAST_REPEATS parses by libyaml alone -> dir/floor.tsv (n wall_s cpu_s maxrss_kb events rc)
  local spec="$1" dir="$2" i w c e rc
  : > "$dir/floor.tsv"
  for i in $(seq 1 "$FAST_REPEATS"); do
    /usr/bin/time -v -o "$dir/floor.time.$i" "$FLOOR" "$spec" > "$dir/floor.out.$i" 2>&1
    rc=$?
    e=$(sed -n 's/.*events=\([0-9]*\).*/\1/p' "$dir/floor.out.$i")
    w=$(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' "$dir/floor.out.$i")
    c=$(sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' "$dir/floor.out.$i")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "${w:-NA}" "${c:-NA}" "$(parse_time "$dir/floor.time.$i" | cut -d' ' -f4)" \
      "${e:-NA}" "$rc" >> "$dir/floor.tsv"
  done
  printf 'libyaml floor: parse wall=%ss cpu=%ss (median of %s; %s events)\n' "$(cut -f2 "$dir/floor.tsv" | median)" \
    "$(cut -f3 "$dir/floor.tsv" | median)" "$FAST_REPEATS" "$(cut -f5 "$dir/floor.tsv" | head -n1)"
}

bindery_runs() { # spec gdir compile(0/1) -> gdir/runs.tsv, gdir/summary.tsv (peers-run.sh's columns)
  local spec="$1" gdir="$2" compile="$3" i out rc w u s m t0 t1 status=ok
  rm -rf "$gdir"; mkdir -p "$gdir"
  : > "$gdir/runs.tsv"
  for i in $(seq 1 "$FAST_REPEATS"); do
    out="$gdir/run$i"
    CMD=("$BINDERY" generate "$spec" --output "$out" --quiet)
    [ "$i" = 1 ] && printf '%q ' "${CMD[@]}" > "$gdir/command.txt"
    t0=$(cpu_busy_ticks)
    /usr/bin/time -v -o "$gdir/time.$i" "${CMD[@]}" < /dev/null > "$gdir/log.$i" 2>&1
    rc=$?
    t1=$(cpu_busy_ticks)
    read -r w u s m _ < <(parse_time "$gdir/time.$i")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$w" "$u" "$s" "$m" "$rc" "$(foreign_cpu "$t0" "$t1" "$u" "$s")" >> "$gdir/runs.tsv"
    [ "$rc" = 0 ] || status="fail(rc=$rc)"
  done
  local wall user sys cpu rss foreign sf sb sl af warns errs det
  wall=$(cut -f2 "$gdir/runs.tsv" | median)
  user=$(cut -f3 "$gdir/runs.tsv" | median)
  sys=$(cut -f4 "$gdir/runs.tsv" | median)
  cpu=$(awk -F'\t' '{ print $3 + $4 }' "$gdir/runs.tsv" | median)
  rss=$(mb "$(cut -f5 "$gdir/runs.tsv" | median)")
  foreign=$(cut -f7 "$gdir/runs.tsv" | median)
  read -r sf sb sl < <(swift_stats "$gdir/run1")
  af=$(all_files "$gdir/run1")
  warns=$(grep -c 'warning:' "$gdir/log.1")
  errs=$(grep -c 'error:' "$gdir/log.1")
  det="n/a"
  if [ "$FAST_REPEATS" -ge 2 ] && [ "$sf" != 0 ]; then
    if [ "$(tree_hash "$gdir/run1")" = "$(tree_hash "$gdir/run2")" ]; then det=yes; else det=no; fi
  fi
  for i in $(seq 2 "$FAST_REPEATS"); do rm -rf "$gdir/run$i"; done
  printf 'bindery on %s: %s\n' "$(basename "$spec")" "$status"
  printf '  runs [wall user sys s, maxrss KB, foreign-cpu s]:'; awk -F'\t' '{ printf " [%s %s %s %s %s]", $2, $3, $4, $5, $7 }' "$gdir/runs.tsv"; echo
  printf '  median: wall=%ss user=%ss sys=%ss cpu(user+sys)=%ss maxrss=%sMB (foreign-cpu=%ss)\n' "$wall" "$user" "$sys" "$cpu" "$rss" "$foreign"
  printf '  output: %s .swift files, %s bytes, %s lines (%s files in total); errors=%s warnings=%s; deterministic=%s\n' "$sf" "$sb" "$sl" "$af" "$errs" "$warns" "$det"
  [ "$status" = ok ] || grep -E 'error:' "$gdir/log.1" | head -n 6 | cut -c1-240 | sed 's/^/    /'
  local row=(bindery "$status" "$FAST_REPEATS" "$wall" "$user" "$sys" "$cpu" "$rss" "$sf" "$sb" "$sl" "$af" "$warns" "$det")
  if [ "$compile" != 1 ] || [ "$status" != ok ] || [ "$sf" = 0 ]; then
    row+=("$([ "$compile" = 1 ] && echo skipped || echo not-run)" - - - - - "$foreign" -)
  else
    OUTDIR="$(dirname "$gdir")"
    compile_spm "$gdir/run1" "$gdir" bindery
    printf '  compile %-26s %s  wall=%ss cpu=%ss maxrss=%sMB errors=%s warnings=%s foreign-cpu=%ss\n' "(generated package)" \
      "$C_STATUS" "$C_WALL" "$C_CPU" "$C_RSS" "$C_ERR" "$C_WARN" "$C_FOREIGN"
    [ "$C_STATUS" = ok ] || grep -E '^(/[^ ]*: )?error: ' "$gdir/compile-bindery.log" | sort -u | head -n 5 | cut -c1-240 | sed 's/^/      /'
    row+=("$C_STATUS" "$C_WALL" "$C_CPU" "$C_RSS" "$C_ERR" "$C_WARN" "$foreign" "$C_FOREIGN")
  fi
  { printf 'spec\tgenerator\tstatus\truns\twall_s_med\tuser_s_med\tsys_s_med\tcpu_s_med\tmaxrss_mb_med\tswift_files\tswift_bytes\tswift_lines\tall_files\twarnings\tdeterministic\tcompile_status\tcompile_wall_s\tcompile_cpu_s\tcompile_maxrss_mb\tcompile_errors\tcompile_warnings\tgen_foreign_cpu_s_med\tcompile_foreign_cpu_s\n'
    (IFS=$'\t'; echo "$(basename "$spec")	${row[*]}"); } > "$gdir/summary.tsv"
}

while IFS=$'\t' read -r name kind k path _ _ <&3; do
  dir="$OUT/$name"; mkdir -p "$dir"
  compile="$COMPILE"; [ "$kind" = scale ] && compile="$SCALE_COMPILE"
  echo
  echo "=== $name: $path ($(stat -c %s "$path") bytes) ==="
  floor_runs "$path" "$dir"
  bindery_runs "$path" "$dir/bindery" "$compile"
  if [ -n "${GENERATORS// /}" ]; then
    GENERATORS="$GENERATORS" REPEATS="$REPEATS" COMPILE="$compile" KEEP_ALL_RUNS=0 \
      bash "$PEERS_RUN" "$path" "$dir" < /dev/null 2>&1 | tee "$dir/peers.log" \
      | grep -vE '^(spec|spec_bytes|spec_sha256|date_utc|host|loadavg_at_start|swift|swift-openapi-generator|openapi-generator|OAG_JAVA_OPTS):'
  fi
done 3< <(tail -n +2 "$OUT/specs.tsv")
{
  echo "loadavg_at_end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "duration_s: $(( $(date +%s) - START ))"
} >> "$OUT/meta.txt"

echo
python3 "$HERE/report.py" "$OUT" "$RESULTS" | tee "$OUT/results.md"
log "tables: $OUT/results.md; raw numbers: $RESULTS; outputs and logs: $OUT"
