#!/usr/bin/env python3
"""scale-spec.py SPEC K OUT: write an OpenAPI 3.x description (JSON) holding SPEC's API K times.

Copy 1 is SPEC itself. Copies 2..K are SPEC's paths, webhooks and components (every kind but securitySchemes,
which stay shared, so `security` requirements keep naming them) under new names:

- paths get a prefix: `/repos/{owner}/{repo}` -> `/copy2/repos/{owner}/{repo}`;
- components get a suffix: `simple-user` -> `simple-user-copy2` (so do webhooks);
- every `$ref` into `#/components/...`, discriminator mapping, operationId (also in links and callbacks) and
  operation tag is rewritten the same way, and each copied tag is declared in the top-level `tags`;

so each copy is valid and refers only to itself. `$ref` keys whose value is not a local component reference
(GitHub's SCIM examples hold `"$ref": "https://..."` as data) are left alone, as are `tags`/`operationId` keys in
example payloads. The output is indented by two spaces, like GitHub's file. Standard library only.
"""
import copy
import json
import sys

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def unescape(token):
    return token.replace("~1", "/").replace("~0", "~")


def escape(token):
    return token.replace("~", "~0").replace("/", "~1")


class Copier:
    def __init__(self, n, component_names):
        self.suffix = f"-copy{n}"
        self.prefix = f"/copy{n}"
        self.names = component_names  # kind -> set of names (only those are renamed)

    def name(self, kind, name):
        return name + self.suffix if name in self.names.get(kind, ()) else name

    def ref(self, ref):
        if not isinstance(ref, str) or not ref.startswith("#/components/"):
            return ref
        tokens = ref[2:].split("/")
        if len(tokens) < 3:
            return ref
        kind, name = tokens[1], unescape(tokens[2])
        tokens[2] = escape(self.name(kind, name))
        return "#/" + "/".join(tokens)

    def schema_walk(self, node):
        """Rewrites $refs and discriminator mappings anywhere below node (schemas, parameters, examples...)."""
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str):
                    out[key] = self.ref(value)
                elif key == "discriminator" and isinstance(value, dict) and isinstance(value.get("mapping"), dict):
                    d = self.schema_walk({k: v for k, v in value.items() if k != "mapping"})
                    d["mapping"] = {
                        k: (self.ref(v) if v.startswith("#") else self.name("schemas", v))
                        for k, v in value["mapping"].items()
                    }
                    out[key] = d
                elif key == "example" or (key == "examples" and not isinstance(value, dict)):
                    out[key] = copy.deepcopy(value)  # data (an example, a schema's list of examples)
                else:
                    out[key] = self.schema_walk(value)
            return out
        if isinstance(node, list):
            return [self.schema_walk(v) for v in node]
        return node

    def op_id(self, op_id):
        return op_id + self.suffix

    def links(self, links):
        out = {}
        for name, link in links.items():
            link = self.schema_walk(link)
            if isinstance(link, dict) and "operationId" in link:
                link["operationId"] = self.op_id(link["operationId"])
            out[name] = link
        return out

    def response(self, response):
        r = self.schema_walk({k: v for k, v in response.items() if k != "links"})
        if isinstance(response.get("links"), dict):
            r["links"] = self.links(response["links"])
        return r

    def operation(self, op):
        out = {}
        for key, value in op.items():
            if key == "operationId":
                out[key] = self.op_id(value)
            elif key == "tags":
                out[key] = [t + self.suffix for t in value]
            elif key == "responses":
                out[key] = {code: self.response(r) for code, r in value.items()}
            elif key == "callbacks":
                out[key] = {
                    name: ({expr: self.path_item(item) for expr, item in cb.items()} if "$ref" not in cb
                           else self.schema_walk(cb))
                    for name, cb in value.items()
                }
            else:
                out[key] = self.schema_walk(value)
        return out

    def path_item(self, item):
        return {k: (self.operation(v) if k in METHODS else self.schema_walk(v)) for k, v in item.items()}


def scale(spec, k):
    if not str(spec.get("openapi", "")).startswith("3."):
        sys.exit("scale-spec.py: an OpenAPI 3.x description is needed")
    components = spec.get("components", {})
    names = {kind: set(entries) for kind, entries in components.items() if kind != "securitySchemes"}
    out = copy.deepcopy(spec)
    tags = spec.get("tags", [])
    tag_names = [t["name"] for t in tags]
    used_tags = sorted({t for item in spec.get("paths", {}).values() for m, op in item.items()
                        if m in METHODS for t in op.get("tags", [])})
    for n in range(2, k + 1):
        c = Copier(n, names)
        for path, item in spec.get("paths", {}).items():
            out["paths"][c.prefix + path] = c.path_item(item)
        for name, item in spec.get("webhooks", {}).items():
            out["webhooks"][name + c.suffix] = c.path_item(item)
        for kind, entries in components.items():
            if kind == "securitySchemes":
                continue
            for name, value in entries.items():
                if kind == "responses":
                    value = c.response(value)
                elif kind == "links":
                    value = c.links({name: value})[name]
                elif kind == "callbacks":
                    value = {expr: c.path_item(item) for expr, item in value.items()}
                elif kind == "pathItems":
                    value = c.path_item(value)
                else:
                    value = c.schema_walk(value)
                out["components"][kind][name + c.suffix] = value
        for t in tags:
            out["tags"].append(dict(t, name=t["name"] + c.suffix))
        for t in used_tags:
            if t not in tag_names:
                out.setdefault("tags", []).append({"name": t + c.suffix})
    info = out.setdefault("info", {})
    if k > 1:
        info["description"] = (info.get("description", "") +
                               f"\n\n(Synthetic: this API {k} times, by Benchmarks/scale-spec.py.)").strip()
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: scale-spec.py SPEC.json K OUT.json")
    spec_path, k, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    out = scale(spec, k)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    ops = sum(1 for item in out.get("paths", {}).values() for m in item if m in METHODS)
    schemas = len(out.get("components", {}).get("schemas", {}))
    print(f"{out_path}: x{k}, {len(out.get('paths', {}))} paths, {ops} operations, {schemas} schemas, "
          f"{sum(len(v) for v in out.get('components', {}).values())} components")


if __name__ == "__main__":
    main()
