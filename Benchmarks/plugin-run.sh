#!/usr/bin/env bash
# Benchmarks/plugin-run.sh — what a user of the SwiftPM plugins waits for (issue 7): Bindery against
# swift-openapi-generator, each through its own plugin, in one run, on one machine.
#
# Benchmarks/run.sh measures release builds of the generators. A plugin user does not run one: SwiftPM builds the
# executable of a plugin in the configuration of the build that uses it (debug for `swift build`,
# swiftlang/swift-package-manager#7233), so the plugins run debug builds of the generators, which the user's first
# build also has to compile. This script measures, for Bindery (this checkout's HEAD) and swift-openapi-generator
# (../shared/bench/peers-setup.sh's version, resolved from the package mirror):
#
#   1. tools:    building the generator's executable from nothing, as the plugin's first build does (debug,
#                dependencies resolved beforehand, untimed);
#   2. generate: that debug build generating each description as its build tool plugin runs it (Bindery:
#                `--in-target --layout shards`, 128 Swift files; swift-openapi-generator: `--mode types --mode
#                client`), REPEATS times into new folders (median);
#   3. plugin:   (PLUGIN=1) a new package whose one target lists the generator's build tool plugin, with an OpenAPI
#                3 JSON description in its folder: its first `swift build` (the generator built, the client
#                generated and compiled), a second one with nothing changed, and one after the description of one
#                property changed (the client generated again, and compiled again as far as the build finds it
#                changed).
#
# Prints Markdown tables (each figure with its ratio to Bindery's) and writes them to $OUT/results.md, with the
# other processes' CPU time during the measurements; logs and `/usr/bin/time -v` files stay in $OUT. Not part of
# CI: a run takes about 16 minutes on 2 cores, 12 of them the plugin builds.
#
# Env knobs:
#   SPECS        descriptions for step 2: canopy github stripe kubernetes or paths (default "github stripe")
#   PLUGIN_SPEC  the OpenAPI 3 JSON description of step 3 (default github); PLUGIN=0 skips step 3
#   REPEATS      generations per tool and description, the median is reported (default 3)
#   COMPILE_TIMEOUT  cap per build in seconds (default 1800)
#   OUT          folder for everything (default /tmp/bindery-plugin-bench/<UTC time>)
#   SHARED, PEERS_ENV  as for Benchmarks/run.sh
set -uo pipefail

# shellcheck source=Benchmarks/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SPECS="${SPECS-github stripe}"
PLUGIN="${PLUGIN:-1}"
PLUGIN_SPEC="${PLUGIN_SPEC:-github}"
REPEATS="${REPEATS:-3}"
COMPILE_TIMEOUT="${COMPILE_TIMEOUT:-1800}"
OUT="${OUT:-/tmp/bindery-plugin-bench/$(date -u +%Y%m%dT%H%M%SZ)}"
PEERS_ENV="${PEERS_ENV:-/tmp/peers.env}"
export PEERS_ENV COMPILE_TIMEOUT
export PATH="/opt/swift/usr/bin:$PATH"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
log() { printf '[plugin-bench] %s\n' "$*" >&2; }

import_peers_functions parse_time median cpu_busy_ticks foreign_cpu descendants timed_build

if [ "$PLUGIN" = 1 ]; then
  PLUGIN_SPEC_PATH="$(spec_path "$PLUGIN_SPEC")"
  python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if str(d.get("openapi", "")).startswith("3") else 1)' \
    "$PLUGIN_SPEC_PATH" 2>/dev/null \
    || { log "PLUGIN_SPEC must be an OpenAPI 3 description in JSON (the change is made with Python's json, and swift-openapi-generator reads no Swagger 2.0): $PLUGIN_SPEC_PATH"; exit 2; }
fi

log "peers: $PEERS_SETUP (idempotent)"
bash "$PEERS_SETUP" > "$OUT/peers-setup.log" 2>&1 || { cat "$OUT/peers-setup.log" >&2; exit 1; }
# shellcheck disable=SC1090
. "$PEERS_ENV"

BINDERY_SRC="$OUT/bindery"
git clone -q "$ROOT" "$BINDERY_SRC" || exit 1
COMMIT="$(git -C "$BINDERY_SRC" rev-parse --short HEAD)"
{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores"
  echo "loadavg_at_start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "bindery: $COMMIT (HEAD; uncommitted changes are not measured)"
  echo "swift-openapi-generator: $SOG_VERSION"
  echo "swift: $(swift --version 2>&1 | head -n1)"
  echo "repeats: $REPEATS"
} > "$OUT/meta.txt"
cat "$OUT/meta.txt" >&2

# A timed command: /usr/bin/time -v into $1.time, output into $1.log; sets T_WALL T_CPU T_RSS T_RC T_FOREIGN.
timed() { # name command...
  local name="$1" t0 t1 w u s m; shift
  t0=$(cpu_busy_ticks)
  timed_build "$OUT/$name.time" "$OUT/$name.log" "$@"
  T_RC=$rc
  t1=$(cpu_busy_ticks)
  read -r w u s m _ < <(parse_time "$OUT/$name.time")
  T_WALL=$w
  T_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  T_RSS=$(awk -v m="$m" 'BEGIN { printf "%.0f", m / 1024 }')
  T_FOREIGN=$(foreign_cpu "$t0" "$t1" "$u" "$s")
  printf '%s\t%s\n' "$name" "$T_FOREIGN" >> "$OUT/foreign.tsv"
  [ "$T_RC" = 0 ] || { log "$name failed (exit $T_RC): $OUT/$name.log"; tail -n 20 "$OUT/$name.log" >&2; }
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "–" }'; }
row() { # label bindery-wall bindery-cpu bindery-rss sog-wall sog-cpu sog-rss ("fails" for a failed build's wall)
  if [ "$2" = fails ] || [ "$5" = fails ]; then
    printf '| %s | %s | %s |\n' "$1" "$([ "$2" = fails ] && echo fails || echo "$2 s / $3 s / $4 MB")" \
      "$([ "$5" = fails ] && echo fails || echo "$5 s / $6 s / $7 MB")"
    return
  fi
  printf '| %s | %s s / %s s / %s MB | %s s (%s) / %s s (%s) / %s MB |\n' "$1" "$2" "$3" "$4" \
    "$5" "$(ratio "$5" "$2")" "$6" "$(ratio "$6" "$3")" "$7"
}
RESULTS="$OUT/results.md"
: > "$RESULTS"

# ---------- 1. the generators' executables, built from nothing (debug) ---------------------------------------
SOG_SCRATCH="$OUT/sog-build"
log "resolving (untimed)"
( cd "$BINDERY_SRC" && swift package resolve ) > "$OUT/bindery-resolve.log" 2>&1 || exit 1
swift package resolve --package-path "$PEER_SOG_DIR" --scratch-path "$SOG_SCRATCH" > "$OUT/sog-resolve.log" 2>&1 || exit 1
log "building the executables (debug)"
timed bindery-tool swift build --package-path "$BINDERY_SRC" --product bindery
read -r BT_W BT_C BT_M <<< "$T_WALL $T_CPU $T_RSS"
timed sog-tool swift build --package-path "$PEER_SOG_DIR" --scratch-path "$SOG_SCRATCH" --product swift-openapi-generator
read -r ST_W ST_C ST_M <<< "$T_WALL $T_CPU $T_RSS"
BINDERY_DEBUG="$(swift build --package-path "$BINDERY_SRC" --show-bin-path)/bindery"
SOG_DEBUG="$(swift build --package-path "$PEER_SOG_DIR" --scratch-path "$SOG_SCRATCH" --show-bin-path)/swift-openapi-generator"
[ -x "$BINDERY_DEBUG" ] && [ -x "$SOG_DEBUG" ] || { log "an executable is missing"; exit 1; }
{
  echo "### The generators as the plugins run them (debug builds), $(date -u +%Y-%m-%d), $(nproc) cores"
  echo
  echo "| | Bindery: wall / CPU / peak | swift-openapi-generator: wall / CPU / peak |"
  echo "| --- | --- | --- |"
  row "building the executable from nothing" "$BT_W" "$BT_C" "$BT_M" "$ST_W" "$ST_C" "$ST_M"
} >> "$RESULTS"

# ---------- 2. the debug builds generating --------------------------------------------------------------------
# As each build tool plugin runs its generator: Bindery's (Plugins/BinderyPlugin) with the target's bindery.yaml,
# `--in-target` and `--layout shards`; swift-openapi-generator's with `--mode types --mode client`.
generate_runs() { # tool spec -> G_WALL G_CPU G_RSS (medians), or G_WALL=fails
  local tool="$1" spec="$2" i walls="" cpus="" rsss="" out target="$OUT/gen-target-$(basename "$spec")"
  if [ "$tool" = bindery ]; then
    mkdir -p "$target"
    printf 'spec: %s\n' "$spec" > "$target/bindery.yaml"
  fi
  for i in $(seq 1 "$REPEATS"); do
    out="$OUT/gen-$tool-$(basename "$spec")-$i.output"
    rm -rf "$out"
    if [ "$tool" = bindery ]; then
      timed "gen-$tool-$(basename "$spec")-$i" "$BINDERY_DEBUG" generate --config "$target/bindery.yaml" \
        --in-target Client --layout shards --output "$out" --quiet
    else
      mkdir -p "$out"
      timed "gen-$tool-$(basename "$spec")-$i" "$SOG_DEBUG" generate "$spec" --mode types --mode client --output-directory "$out"
    fi
    if [ "$T_RC" != 0 ]; then
      G_WALL=fails G_CPU=- G_RSS=-
      return
    fi
    walls="$walls $T_WALL"; cpus="$cpus $T_CPU"; rsss="$rsss $T_RSS"
    rm -rf "$out"
  done
  G_WALL=$(tr ' ' '\n' <<< "$walls" | grep . | median)
  G_CPU=$(tr ' ' '\n' <<< "$cpus" | grep . | median)
  G_RSS=$(tr ' ' '\n' <<< "$rsss" | grep . | median)
}
for s in $SPECS; do
  spec="$(spec_path "$s")"
  log "generating $spec ($REPEATS runs each)"
  generate_runs bindery "$spec"
  read -r BG_W BG_C BG_M <<< "$G_WALL $G_CPU $G_RSS"
  generate_runs sog "$spec"
  row "generating $(basename "$(dirname "$spec")")/$(basename "$spec") (median of $REPEATS)" \
    "$BG_W" "$BG_C" "$BG_M" "$G_WALL" "$G_CPU" "$G_RSS" >> "$RESULTS"
done

# ---------- 3. a package that uses the plugin ---------------------------------------------------------------
if [ "$PLUGIN" = 1 ]; then
  spec="$PLUGIN_SPEC_PATH"
  user_package() { # dir tool
    local dir="$1" tool="$2"
    mkdir -p "$dir/Sources/Client"
    cp "$spec" "$dir/Sources/Client/openapi.json"
    chmod u+w "$dir/Sources/Client/openapi.json"   # the shared descriptions are read-only; the change writes it
    # Not `Client.swift`: swift-openapi-generator's plugin writes a file of that name.
    printf '// The client is generated by the build tool plugin.\n' > "$dir/Sources/Client/Exports.swift"
    if [ "$tool" = bindery ]; then
      printf 'spec: openapi.json\n' > "$dir/Sources/Client/bindery.yaml"
      cat > "$dir/Package.swift" <<EOF
// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "BinderyPluginUser",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Bindery", path: "$BINDERY_SRC")],
    targets: [
        .target(
            name: "Client",
            exclude: ["openapi.json", "bindery.yaml"],
            plugins: [.plugin(name: "BinderyPlugin", package: "Bindery")]
        )
    ]
)
EOF
    else
      printf 'generate:\n  - types\n  - client\n' > "$dir/Sources/Client/openapi-generator-config.yaml"
      cat > "$dir/Package.swift" <<EOF
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SOGPluginUser",
    platforms: [.macOS(.v10_15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "$SOG_VERSION"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "$RUNTIME_VERSION"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .target(
            name: "Client",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        )
    ]
)
EOF
    fi
  }
  # The description of the first property, of the first component schema, that has one (and no `$ref`) gets
  # " (changed)" appended; the file is written again by Python's json. Fails when no property has a description.
  change_description() { # file
    python3 - "$1" <<'EOF'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    document = json.load(f)
for name, schema in (document.get("components") or {}).get("schemas", {}).items():
    properties = schema.get("properties") if isinstance(schema, dict) else None
    for member, property in (properties or {}).items():
        if isinstance(property, dict) and "$ref" not in property and isinstance(property.get("description"), str):
            property["description"] += " (changed)"
            with open(path, "w", encoding="utf-8") as f:
                json.dump(document, f, indent=2, ensure_ascii=False)
            print(f"changed the description of {name}.{member}")
            sys.exit(0)
sys.exit("no property of a component schema has a description to change")
EOF
  }
  declare -A P
  for tool in bindery sog; do
    dir="$OUT/plugin-$tool"
    rm -rf "$dir"
    user_package "$dir" "$tool"
    log "plugin user ($tool): resolving (untimed)"
    swift package resolve --package-path "$dir" > "$OUT/plugin-$tool-resolve.log" 2>&1 || exit 1
    log "plugin user ($tool): first build"
    timed "plugin-$tool-first" swift build --package-path "$dir"
    P[$tool-first]="$([ "$T_RC" = 0 ] && echo "$T_WALL $T_CPU $T_RSS" || echo "fails - -")"
    log "plugin user ($tool): nothing changed"
    timed "plugin-$tool-again" swift build --package-path "$dir"
    P[$tool-again]="$([ "$T_RC" = 0 ] && echo "$T_WALL $T_CPU $T_RSS" || echo "fails - -")"
    if change_description "$dir/Sources/Client/openapi.json" > "$OUT/plugin-$tool-change.txt" 2>&1; then
      log "plugin user ($tool): $(cat "$OUT/plugin-$tool-change.txt")"
      timed "plugin-$tool-changed" swift build --package-path "$dir"
      P[$tool-changed]="$([ "$T_RC" = 0 ] && echo "$T_WALL $T_CPU $T_RSS" || echo "fails - -")"
    else
      log "plugin user ($tool): the description could not be changed; the last build is not measured"
      P[$tool-changed]="fails - -"
      : > "$OUT/plugin-$tool-changed.log"
    fi
    # The client's own files compiled (not the plugin scripts SwiftPM compiles too).
    P[$tool-compiled]="$(grep -cE '\] Compiling Client ' "$OUT/plugin-$tool-changed.log")"
    P[$tool-files]="$(find "$dir/.build/plugins/outputs" -name '*.swift' | wc -l)"
  done
  {
    echo
    echo "### A package using the build tool plugin ($(basename "$spec"), debug \`swift build\`)"
    echo
    echo "| build | Bindery: wall / CPU / peak | swift-openapi-generator: wall / CPU / peak |"
    echo "| --- | --- | --- |"
    # shellcheck disable=SC2086
    row "first (the generator built, the client generated and compiled)" ${P[bindery-first]} ${P[sog-first]}
    # shellcheck disable=SC2086
    row "again, nothing changed" ${P[bindery-again]} ${P[sog-again]}
    # shellcheck disable=SC2086
    row "after a property's description changed" ${P[bindery-changed]} ${P[sog-changed]}
    echo
    echo "Swift files the plugin wrote: Bindery ${P[bindery-files]}, swift-openapi-generator ${P[sog-files]};" \
      "\`Compiling Client\` lines in the last build: ${P[bindery-compiled]} and ${P[sog-compiled]}" \
      "($(cat "$OUT/plugin-bindery-change.txt"))."
  } >> "$RESULTS"
fi
# How much CPU other processes took while each figure was measured (peers-run.sh's foreign_cpu): a quiet machine
# shows tenths of a second at most.
{
  echo
  awk -F'\t' '$2 > max { max = $2; at = $1 } END { printf "Other processes'"'"' CPU during the measurements: at most %.1f s (%s).\n", max, (at == "" ? "none" : at) }' \
    "$OUT/foreign.tsv"
} >> "$RESULTS"
echo "loadavg_at_end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/meta.txt"
echo
cat "$RESULTS"
log "tables: $RESULTS; logs: $OUT"
