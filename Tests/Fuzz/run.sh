#!/usr/bin/env bash
# Builds Bindery's libFuzzer harnesses and runs each for some minutes (default 10), one after the other.
#
#   Tests/Fuzz/run.sh [minutes] [yaml|reader ...]      (0 minutes: build only)
#
# yaml:   the C shim (Sources/CBinderyYAML, libyaml → node arena), Tests/Fuzz/yaml_fuzzer.c
# reader: bytes → YAMLDocument → OpenAPIReader → ModelTranslator, Tests/Fuzz/ReaderFuzzer.swift
#
# Everything is built with the toolchain's clang and swiftc (-fsanitize=fuzzer,address) into .build/fuzz, outside
# SwiftPM. Seeds: Tests/Specs, Tests/Fuzz/Regressions and ../shared/specs when it is there; the corpus grown so far
# is kept in .build/fuzz/corpus-<name>, crashes, leaks and hangs land in .build/fuzz/artifacts (add them to
# Tests/Fuzz/Regressions once fixed). One worker under nice: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

minutes=${1:-10}
seconds=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(yaml reader)

toolchain=$(dirname "$(readlink -f "$(command -v swift)")")
clang="$toolchain/clang"
swiftc="$toolchain/swiftc"
work="$root/.build/fuzz"
mkdir -p "$work/artifacts" "$work/sandbox"

# Inputs longer than this are cut: big descriptions make slow seeds, and small inputs find the same bugs faster.
max_len=16384

build_yaml() {
    "$clang" -fuse-ld=lld -g -O1 -fsanitize=fuzzer,address \
        -I Sources/CBinderyYAML/include -I Sources/CBinderyYAML Sources/CBinderyYAML/*.c Tests/Fuzz/yaml_fuzzer.c \
        $(pkg-config --cflags --libs yaml-0.1) -o "$work/yaml_fuzzer"
}

build_reader() {
    local objects="$work/reader" module
    rm -rf "$objects"
    mkdir -p "$objects/CBinderyYAML"
    for file in Sources/CBinderyYAML/*.c; do
        "$clang" -g -O1 -fsanitize=fuzzer-no-link,address $(pkg-config --cflags yaml-0.1) \
            -I Sources/CBinderyYAML/include -I Sources/CBinderyYAML -c "$file" \
            -o "$objects/CBinderyYAML/$(basename "$file" .c).o"
    done
    printf 'module CBinderyYAML {\n    header "%s"\n    export *\n}\n' \
        "$root/Sources/CBinderyYAML/include/bindery_yaml.h" >"$objects/CBinderyYAML/module.modulemap"
    # The library modules in dependency order, each compiled whole with coverage and AddressSanitizer.
    for module in BinderyCore BinderyYAML BinderyOpenAPI BinderyModel; do
        find "Sources/$module" -name '*.swift' -print0 | sort -z | xargs -0 "$swiftc" -O -g -wmo -parse-as-library \
            -sanitize=fuzzer,address -module-name "$module" -I "$objects" -I "$objects/CBinderyYAML" \
            -emit-module -emit-module-path "$objects/$module.swiftmodule" -c -o "$objects/$module.o"
    done
    "$swiftc" -use-ld=lld -O -g -parse-as-library -sanitize=fuzzer,address -module-name ReaderFuzzer -I "$objects" \
        -I "$objects/CBinderyYAML" Tests/Fuzz/ReaderFuzzer.swift "$objects"/*.o "$objects"/CBinderyYAML/*.o \
        $(pkg-config --libs yaml-0.1) -o "$work/reader_fuzzer"
}

run() {
    local name=$1 timeout=$2
    local corpus="$work/corpus-$name" log="$work/$name.log"
    [ "$seconds" -gt 0 ] || return 0
    local seeds=("$root/Tests/Specs" "$root/Tests/Fuzz/Regressions")
    [ -d "$root/../shared/specs" ] && seeds+=("$(cd "$root/../shared/specs" && pwd)")
    mkdir -p "$corpus"
    echo "fuzzing $name for $minutes minute(s); log: $log"
    # -jobs=1 -workers=1: one process, output in fuzz-0.log of the current folder (an empty sandbox, so that a
    # $ref to a relative path finds nothing); what the driver prints besides is kept in <name>-driver.log.
    (
        cd "$work/sandbox"
        rm -f fuzz-0.log
        nice "$work/${name}_fuzzer" -jobs=1 -workers=1 -max_total_time="$seconds" \
            -timeout="$timeout" -rss_limit_mb=2048 -max_len=$max_len -dict="$root/Tests/Fuzz/openapi.dict" \
            -artifact_prefix="$work/artifacts/$name-" -print_final_stats=1 "$corpus" "${seeds[@]}" \
            >"$work/$name-driver.log" 2>&1 || true
        mv fuzz-0.log "$log"
    )
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sort -u || true
    if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error|SUMMARY' "$log"; then
        echo "$name: found a problem, see $log and $work/artifacts" >&2
        return 1
    fi
}

status=0
for harness in "${harnesses[@]}"; do
    case "$harness" in
    yaml) build_yaml && run yaml 5 || status=1 ;;
    reader) build_reader && run reader 20 || status=1 ;;
    *)
        echo "unknown harness '$harness' (yaml or reader)" >&2
        exit 2
        ;;
    esac
done
exit $status
