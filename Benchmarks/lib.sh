# Benchmarks/lib.sh — what run.sh and plugin-run.sh share: their folders, the named descriptions and peers-run.sh's
# measuring functions. Sourced by both first.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED_GIVEN="${SHARED:-$ROOT/../shared}"
SHARED="$(cd "$SHARED_GIVEN" 2>/dev/null && pwd)" || { echo "no shared folder at ${SHARED_GIVEN}" >&2; exit 2; }
PEERS_SETUP="$SHARED/bench/peers-setup.sh"
PEERS_RUN="$SHARED/bench/peers-run.sh"

spec_path() { # name -> path of a named description, or the argument itself
  case "$1" in
    canopy) echo "$SHARED/specs/canopy/swagger.json" ;;
    github) echo "$SHARED/specs/github-rest-api/api.github.com.json" ;;
    stripe) echo "$SHARED/specs/stripe/spec3.yaml" ;;
    kubernetes) echo "$SHARED/specs/kubernetes/swagger.json" ;;
    *) echo "$1" ;;
  esac
}

# Bindery is measured with the very functions peers-run.sh uses for the peers, copied out of it by name, so a change
# there is a change here. A function that is missing stops the run.
extract_function() { # name file
  awk -v n="$1" '
    !on && index($0, n "() {") == 1 { print; if ($0 !~ /}[[:space:]]*$/) on = 1; next }
    on { print; if ($0 == "}") on = 0 }' "$2"
}
import_peers_functions() { # name...
  [ -f "$PEERS_RUN" ] || { echo "missing $PEERS_RUN" >&2; exit 2; }
  local f
  for f in "$@"; do
    eval "$(extract_function "$f" "$PEERS_RUN")"
    declare -F "$f" >/dev/null || { echo "peers-run.sh has no function $f() any more: update $0" >&2; exit 2; }
  done
}
