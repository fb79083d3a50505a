#!/usr/bin/env python3
"""report.py OUT RESULTS.json: the tables of a Benchmarks/run.sh run (Markdown, on stdout) and its raw numbers (JSON).

Reads what run.sh and ../shared/bench/peers-run.sh left in OUT: meta.txt, specs.tsv, and per description
floor.tsv, bindery/summary.tsv, summary.tsv (the peers), <generator>/runs.tsv and logs. Standard library only
(PyYAML, when present, only counts the operations of YAML descriptions).
"""
import json
import os
import re
import sys

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
NUMERIC = {
    "runs", "wall_s_med", "user_s_med", "sys_s_med", "cpu_s_med", "maxrss_mb_med", "swift_files", "swift_bytes",
    "swift_lines", "all_files", "warnings", "compile_wall_s", "compile_cpu_s", "compile_maxrss_mb", "compile_errors",
    "compile_warnings", "gen_foreign_cpu_s_med", "compile_foreign_cpu_s",
}
PRETTY = {"canopy": "Canopy", "github": "GitHub", "stripe": "Stripe", "kubernetes": "Kubernetes (Swagger 2.0)"}
# figure -> (column title, summary key); every figure is also given as a ratio to Bindery's
FIGURES = [
    ("wall s", "wall_s_med"), ("CPU s", "cpu_s_med"), ("peak RSS MB", "maxrss_mb_med"),
    ("Swift files", "swift_files"), ("lines", "swift_lines"), ("bytes", "swift_bytes"),
]
BUILD_FIGURES = [("build wall s", "compile_wall_s"), ("build CPU s", "compile_cpu_s"),
                 ("build peak MB", "compile_maxrss_mb")]


def median(values):  # lower middle for an even count, as peers-run.sh
    values = sorted(v for v in values if v is not None)
    return values[(len(values) + 1) // 2 - 1] if values else None


def number(text):
    try:
        f = float(text)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() and "." not in str(text) else f


def read_tsv(path, header=True, names=None):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    if header:
        names, lines = lines[0], lines[1:]
    return [dict(zip(names, line)) for line in lines]


def read_meta(path):
    meta = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if ": " in line:
                key, value = line.rstrip("\n").split(": ", 1)
                meta[key] = value
    return meta


def count_operations(path):
    try:
        if path.endswith(".json"):
            doc = json.load(open(path, encoding="utf-8"))
        else:
            import yaml  # optional
            doc = yaml.load(open(path, encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return sum(1 for item in doc.get("paths", {}).values() if isinstance(item, dict)
                   for m in item if m in METHODS)
    except Exception:
        return None


def fmt_num(v, key=""):
    if v is None:
        return "–"
    if key == "swift_bytes":
        return f"{v / 1e6:.2f} MB" if v >= 1e5 else f"{v / 1e3:.1f} KB"
    if key in ("swift_files", "swift_lines"):
        return f"{v:,}"
    if key == "floor_mb":
        return f"{v:.1f}"
    if key.startswith("floor") or (isinstance(v, float) and v < 0.1):
        return f"{v:.3f}"
    if isinstance(v, int) or key.endswith("mb") or key.endswith("mb_med"):
        return f"{v:,.0f}"
    return f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:,.0f}"


def fmt_ratio(r):
    if r is None:
        return ""
    return f"{r:.0f}×" if r >= 100 else f"{r:.1f}×" if r >= 10 else f"{r:.2f}×" if r >= 0.1 else f"{r:.3f}×"


def ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None


def duration(seconds):
    s = int(seconds or 0)
    return f"{s} s" if s < 60 else f"{s // 60} min {s % 60:02d} s" if s < 3600 else f"{s // 3600} h {s % 3600 // 60:02d} min"


def tool_label(gen, meta):
    return {
        "bindery": f"Bindery ({meta.get('commit', '?')[:10]})",
        "sog": f"swift-openapi-generator {meta.get('sog_version', '')}".strip(),
        "oag-swift6": f"OpenAPI Generator {meta.get('oag_version', '')} swift6",
        "oag-swift5": f"OpenAPI Generator {meta.get('oag_version', '')} swift5",
        "oag-swift5-noanycodable": "… swift5, AnyCodable dependency removed ²",
        "floor": "libyaml parse alone (floor)",
    }.get(gen, gen)


def failure_reason(log_path):
    if not os.path.exists(log_path):
        return None
    text = open(log_path, encoding="utf-8", errors="replace").read()
    if "No key named openapi found" in text:
        return "rejects Swagger 2.0"
    m = re.search(r"(?:error|Error|Exception)[^\n]{0,160}", text)
    return m.group(0) if m else None


def generate_status(tool):
    s = tool.get("status", "?")
    if s == "ok":
        return "ok"
    if s == "ok(skip-validate)":
        return "ok ¹"
    reason = tool.get("failure")
    return f"fails: {reason}" if reason == "rejects Swagger 2.0" else f"fails ({s})"


def build_status(tool):
    s = tool.get("compile_status", "-")
    if s == "ok":
        return "ok"
    if s in ("not-run", "-"):
        return "not run"
    if s == "skipped":
        return "–"
    if s.startswith("timeout"):
        return s.replace("timeout(", "timeout (").replace("s)", " s)")
    if s.startswith("fail"):
        return f"fails ({tool.get('compile_errors', '?')} errors)"
    return s


def load_spec(out, spec, meta):
    d = os.path.join(out, spec["name"])
    spec = dict(spec, k=int(spec["k"]), bytes=int(spec["bytes"]), operations=count_operations(spec["path"]))
    floor_runs = read_tsv(os.path.join(d, "floor.tsv"), header=False,
                          names=["n", "wall_s", "cpu_s", "maxrss_kb", "events", "rc"])
    floor_runs = [{k: number(v) for k, v in r.items()} for r in floor_runs]
    spec["floor"] = {
        "wall_s_med": median(r["wall_s"] for r in floor_runs),
        "cpu_s_med": median(r["cpu_s"] for r in floor_runs),
        "maxrss_mb_med": (median(r["maxrss_kb"] for r in floor_runs) or 0) / 1024 or None,
        "events": floor_runs[0]["events"] if floor_runs else None,
        "runs": floor_runs,
    }
    rows = read_tsv(os.path.join(d, "bindery", "summary.tsv"))
    wanted = meta.get("generators", "").split()
    if "oag-swift5" in wanted:
        wanted.append("oag-swift5-noanycodable")
    rows += [r for r in read_tsv(os.path.join(d, "summary.tsv")) if r.get("generator") in wanted]
    tools = {}
    for row in rows:
        gen = row["generator"]
        tool = {k: (number(v) if k in NUMERIC else v) for k, v in row.items() if k not in ("spec", "generator")}
        gdir = os.path.join(d, "bindery" if gen == "bindery" else gen)
        runs = read_tsv(os.path.join(gdir, "runs.tsv"), header=False,
                        names=["n", "wall_s", "user_s", "sys_s", "maxrss_kb", "rc", "foreign_cpu_s"])
        tool["runs"] = [{k: number(v) for k, v in r.items()} for r in runs]
        if os.path.exists(os.path.join(gdir, "command.txt")):
            tool["command"] = open(os.path.join(gdir, "command.txt"), encoding="utf-8").read().strip()
        if not str(tool.get("status", "")).startswith("ok"):
            tool["failure"] = failure_reason(os.path.join(gdir, "log.1"))
        tools[gen] = tool
    b = tools.get("bindery", {})
    for gen, tool in tools.items():
        tool["ratio_to_bindery"] = {key: ratio(tool.get(key), b.get(key)) for _, key in FIGURES + BUILD_FIGURES}
    spec["floor"]["ratio_to_bindery"] = {key: ratio(spec["floor"][key], b.get(key))
                                         for key in ("wall_s_med", "cpu_s_med", "maxrss_mb_med")}
    spec["bindery_over_floor"] = {"wall": ratio(b.get("wall_s_med"), spec["floor"]["wall_s_med"]),
                                  "cpu": ratio(b.get("cpu_s_med"), spec["floor"]["cpu_s_med"])}
    spec["tools"] = tools
    return spec


def cell(tool, key, is_bindery):
    v = tool.get(key)
    if not isinstance(v, (int, float)):
        return "–"
    r = tool.get("ratio_to_bindery", {}).get(key)
    return fmt_num(v, key) if is_bindery or r is None else f"{fmt_num(v, key)} ({fmt_ratio(r)})"


def spec_table(spec, meta):
    ops = f", {spec['operations']:,} operations" if spec.get("operations") else ""
    title = (f"GitHub ×{spec['k']} (synthetic)" if spec["kind"] == "scale" else PRETTY.get(spec["name"], spec["name"]))
    lines = [f"### {title}: `{os.path.basename(os.path.dirname(spec['path']))}/{os.path.basename(spec['path'])}` "
             f"({spec['bytes'] / 1e6:.2f} MB{ops})", ""]
    head = ["tool", "generate"] + [t for t, _ in FIGURES] + ["build (debug)"] + [t for t, _ in BUILD_FIGURES]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("| --- | --- | " + " | ".join("---:" for _ in FIGURES) + " | --- | "
                 + " | ".join("---:" for _ in BUILD_FIGURES) + " |")
    floor = spec["floor"]
    fr = floor["ratio_to_bindery"]
    lines.append("| " + " | ".join(
        [tool_label("floor", meta), "ok" if floor["wall_s_med"] is not None else "fails"]
        + [f"{fmt_num(floor['wall_s_med'], 'floor')} ({fmt_ratio(fr['wall_s_med'])})" if floor["wall_s_med"] is not None else "–",
           f"{fmt_num(floor['cpu_s_med'], 'floor')} ({fmt_ratio(fr['cpu_s_med'])})" if floor["cpu_s_med"] is not None else "–",
           f"{fmt_num(floor['maxrss_mb_med'], 'floor_mb')} ({fmt_ratio(fr['maxrss_mb_med'])})" if floor["maxrss_mb_med"] else "–"]
        + ["–"] * 3 + ["–"] + ["–"] * 3) + " |")
    for gen, tool in spec["tools"].items():
        is_b = gen == "bindery"
        if gen == "oag-swift5-noanycodable":
            gen_cells = ["(same output)"] + ["–"] * len(FIGURES)
        elif not str(tool.get("status", "")).startswith("ok"):  # no output: its figures are not comparable
            gen_cells = [generate_status(tool)] + ["–"] * len(FIGURES)
        else:
            gen_cells = [generate_status(tool)] + [cell(tool, key, is_b) for _, key in FIGURES]
        built = tool.get("compile_status") not in ("not-run", "skipped", "-", None)
        build_cells = [build_status(tool)] + [cell(tool, key, is_b) if built else "–" for _, key in BUILD_FIGURES]
        if gen != "oag-swift5-noanycodable" and not str(tool.get("status", "")).startswith("ok"):
            build_cells = ["–"] * (1 + len(BUILD_FIGURES))
        lines.append("| " + " | ".join([("**" + tool_label(gen, meta) + "**") if is_b else tool_label(gen, meta)]
                                        + gen_cells + build_cells) + " |")
    lines.append("")
    bf = spec["bindery_over_floor"]
    notes = []
    if bf["wall"] is not None and bf["cpu"] is not None:
        notes.append(f"Bindery takes {fmt_ratio(bf['wall'])} libyaml's parse in wall time and {fmt_ratio(bf['cpu'])} "
                     f"in CPU time (libyaml: {floor['events'] or 0:,} events).")
    foreign = [f"{tool_label(g, meta).split(' (')[0]} {t['gen_foreign_cpu_s_med']} s"
               for g, t in spec["tools"].items() if isinstance(t.get("gen_foreign_cpu_s_med"), (int, float))]
    if foreign:
        notes.append("Other processes' CPU during generation (median): " + ", ".join(foreign) + ".")
    if any(t.get("status") == "ok(skip-validate)" for t in spec["tools"].values()):
        notes.append("¹ OpenAPI Generator rejected the description in its validation step; run again with "
                     "`--skip-validate-spec`.")
    if "oag-swift5-noanycodable" in spec["tools"]:
        notes.append("² swift5's Package.swift depends on Flight-School/AnyCodable, which is not in the offline mirror.")
    if "sog" in spec["tools"] and spec["tools"]["sog"].get("compile_status") not in ("not-run", "skipped", "-"):
        notes.append("swift-openapi-generator's build is the generated module only (its runtime packages are built "
                     "beforehand); the others build the whole generated package.")
    if any(str(t.get("compile_status", "")).startswith(("fail", "timeout")) for t in spec["tools"].values()):
        notes.append("A build that fails or times out is timed until it stops.")
    failed = [(g, t) for g, t in spec["tools"].items()
              if not str(t.get("status", "ok")).startswith("ok") and g != "oag-swift5-noanycodable"]
    for g, t in failed:
        notes.append(f"{tool_label(g, meta)}: {t.get('failure') or t.get('status')}.")
    notes = [n for n in notes if n]
    if notes:
        lines += [" ".join(notes), ""]
    return lines


def scaling_table(specs, meta):
    scale = sorted((s for s in specs if s["kind"] == "scale"), key=lambda s: s["k"])
    if not scale:
        return []
    base = scale[0]
    lines = [f"### Scaling: GitHub copied k times (growth against ×{base['k']})", "",
             "| tool | k | operations | MB | wall s | wall growth | CPU s | CPU growth | peak RSS MB | RSS growth |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    gens = ["floor"] + [g for g in base["tools"] if g != "oag-swift5-noanycodable"]
    for gen in gens:
        for s in scale:
            t = s["floor"] if gen == "floor" else s["tools"].get(gen, {})
            t0 = base["floor"] if gen == "floor" else base["tools"].get(gen, {})
            ok = gen == "floor" or str(t.get("status", "")).startswith("ok")

            def fig(key):
                v = t.get(key) if ok else None
                g = ratio(v, t0.get(key)) if ok else None
                shown = key if gen != "floor" else "floor_mb" if key == "maxrss_mb_med" else "floor"
                return (fmt_num(v, shown) if v is not None else "–",
                        fmt_ratio(g) if g is not None and s is not base else "")
            w, wg = fig("wall_s_med")
            c, cg = fig("cpu_s_med")
            m, mg = fig("maxrss_mb_med")
            status = "" if ok else f" ({generate_status(t) if t else 'not run'})"
            lines.append(f"| {tool_label(gen, meta)}{status} | {s['k']} | {s.get('operations') or '?':,} | "
                         f"{s['bytes'] / 1e6:.1f} | {w} | {wg} | {c} | {cg} | {m} | {mg} |")
    checks = []
    for s in scale:
        b = s["tools"].get("bindery", {})
        if str(b.get("status", "")).startswith("ok"):
            checks.append(f"×{s['k']} with {b.get('warnings', '?')} warnings")
        else:
            checks.append(f"×{s['k']} FAILED ({b.get('failure') or b.get('status', 'not run')})")
    lines += ["", "Linear growth would be k: the copies are the same API under other names, so each has as many "
              "operations, schemas and bytes as GitHub's. Bindery generated " + ", ".join(checks) + ".", ""]
    return lines


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: report.py OUT RESULTS.json")
    out, results = sys.argv[1], sys.argv[2]
    meta = read_meta(os.path.join(out, "meta.txt"))
    specs = [load_spec(out, s, meta) for s in read_tsv(os.path.join(out, "specs.tsv"))]
    partial = int(meta.get("repeats", "3")) < 3 or meta.get("compile") != "1" or \
        meta.get("generators", "").split() != ["sog", "oag-swift6"] or \
        meta.get("specs", "").split() != ["canopy", "github", "stripe", "kubernetes"] or \
        meta.get("scales", "").split() != ["1", "4", "16"]
    lines = ["## Benchmark " + meta.get("date_utc", "?"), "",
             f"{meta.get('date_utc', '?')}, {meta.get('cpu', '?')} ({meta.get('arch', '?')}, {meta.get('cores', '?')} "
             f"cores, {meta.get('mem', '?')}), load average {meta.get('loadavg_at_start', '?')} at the start and "
             f"{meta.get('loadavg_at_end', '?')} at the end; commit {meta.get('commit', '?')}; {meta.get('swift', '')}; "
             f"libyaml {meta.get('libyaml', '?')}. Generation: median of {meta.get('repeats')} runs "
             f"(Bindery and the floor: {meta.get('fast_repeats', meta.get('repeats'))}); build: one debug "
             f"`swift build` ({'run' if meta.get('compile') == '1' else 'not run'}; synthetic specs: "
             f"{'run' if meta.get('scale_compile') == '1' else 'not run'}), capped at {meta.get('compile_timeout_s')} s. "
             f"Peers: `{meta.get('generators') or 'none'}`. The run took {duration(meta.get('duration_s'))}."
             + (" Partial run (not every description, tool, repeat or build of a full run)." if partial else ""),
             "", "In parentheses: the ratio to Bindery's figure (above 1× is more than Bindery).", ""]
    for s in specs:
        if s["kind"] != "scale":
            lines += spec_table(s, meta)
    for s in specs:
        if s["kind"] == "scale":
            lines += spec_table(s, meta)
    lines += scaling_table(specs, meta)
    print("\n".join(lines))
    for s in specs:
        for g, t in s["tools"].items():
            t["label"] = tool_label(g, meta)
    with open(results, "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "partial": partial, "specs": specs}, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
