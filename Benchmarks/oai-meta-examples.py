#!/usr/bin/env python3
"""oai-meta-examples.py SPEC OUT: a copy of OpenAI's description (JSON) whose payloads are OpenAPI examples.

OpenAI documents its payloads in its `x-oaiMeta` extension, as JSON text: `examples.response` of each operation
(one example, or a list of them) and `example` of each schema. `bindery-corpus --examples` reads OpenAPI's own
example fields only, so this moves the ones that parse as JSON there:

- an operation's responses become the `examples` (`oaiMeta1`, `oaiMeta2`, ...) of the `application/json` content
  of its first 2xx response, when that has no example of its own (streams, `data: ...` lines, and responses with
  comments or `...` in them do not parse, and are left out);
- a schema's becomes its `example`, when it has none.

Then `bindery-corpus OUT_FOLDER --examples` validates and decodes them like any other. Reads YAML with PyYAML
(YAML 1.1: the description has no unquoted yes/no/on/off; unquoted dates are written back as their text).
"""
import json
import sys

import yaml


def main(source, destination):
    with open(source) as file:
        document = yaml.safe_load(file)
    moved = skipped = 0
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            examples = operation.get("x-oaiMeta", {}).get("examples")
            if examples is None:
                continue
            examples = examples if isinstance(examples, list) else [examples]
            successes = sorted(status for status in operation.get("responses", {}) if str(status).startswith("2"))
            media = successes and operation["responses"][successes[0]].get("content", {}).get("application/json")
            if not media or "example" in media or "examples" in media:
                skipped += len(examples)
                continue
            named = {}
            for index, example in enumerate(examples):
                try:
                    named[f"oaiMeta{index + 1}"] = {"value": json.loads(example["response"])}
                except (KeyError, TypeError, ValueError):
                    skipped += 1
            if named:
                media["examples"] = named
                moved += len(named)
    for schema in document.get("components", {}).get("schemas", {}).values():
        text = schema.get("x-oaiMeta", {}).get("example")
        if text is None or "example" in schema:
            continue
        try:
            schema["example"] = json.loads(text)
            moved += 1
        except ValueError:
            skipped += 1
    with open(destination, "w") as file:
        json.dump(document, file, default=str, indent=1)
    print(f"{moved} examples moved, {skipped} left out", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
