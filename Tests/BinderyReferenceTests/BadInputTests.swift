import Bindery
import BinderyRender
import Foundation
import TestExecutors
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bad descriptions given to the `bindery` executable: each gets exactly one `file:line:column: error:` line on
/// standard error, exit status 1, nothing on standard output, and an output folder holding a previous generation
/// (and a file of the user's) left exactly as it was, contents and modification dates.
@Suite(.computing) struct BadInputTests {
    /// A valid description that every case breaks in one place.
    static let valid = """
        openapi: 3.0.3
        info:
          title: Shop
          version: '1'
        servers:
          - url: https://example.com
        tags:
          - name: pets
            externalDocs: {url: https://example.com}
        externalDocs:
          url: https://example.com/docs
        security:
          - key: []
        paths:
          /pets/{id}:
            parameters:
              - name: id
                in: path
                required: true
                schema: {type: string}
            get:
              tags: [pets]
              operationId: getPet
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate: {schema: {type: integer}}
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '204': {description: done}
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: {type: string}
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}

        """

    /// The same description in JSON, one top-level key a line.
    static let validJSON = """
        {
          "openapi": "3.0.3",
          "info": {"title": "Shop", "version": "1"},
          "servers": [{"url": "https://example.com"}],
          "tags": [{"name": "pets", "externalDocs": {"url": "https://example.com"}}],
          "security": [{"key": []}],
          "paths": {"/pets/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, \
        "schema": {"type": "string"}}], "get": {"operationId": "getPet", "responses": {"200": {"description": "ok", \
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}}}},
          "components": {"schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}, \
        "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}}}
        }

        """

    /// One bad description: the file `api.yaml` (or `api.json`) and the message it must get.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file = "api.yaml"
        var bytes: [UInt8]
        var message: String
        var testDescription: String { name }

        /// ``valid`` with `old` (which must be in it) replaced by `new`.
        static func edit(_ name: String, _ old: String, _ new: String, _ message: String) -> Case {
            precondition(valid.contains(old), "\(name): '\(old)' is not in the description")
            let text = valid.replacingOccurrences(of: old, with: new, options: [], range: valid.range(of: old))
            return Case(name: name, bytes: Array(text.utf8), message: "api.yaml:" + message)
        }

        /// ``valid`` with each `old` (which must be in it) replaced by its `new`, in turn.
        static func edits(_ name: String, _ changes: [(old: String, new: String)], _ message: String) -> Case {
            var text = valid
            for (old, new) in changes {
                precondition(text.contains(old), "\(name): '\(old)' is not in the description")
                text = text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old))
            }
            return Case(name: name, bytes: Array(text.utf8), message: "api.yaml:" + message)
        }

        /// `text` cut after the first occurrence of `marker` (or, with a fraction, after that part of its bytes).
        static func cut(
            _ name: String, _ text: String, file: String, after marker: String? = nil, fraction: Double = 1,
            _ message: String
        ) -> Case {
            var bytes = Array(text.utf8)
            if let marker {
                guard let range = text.range(of: marker) else { preconditionFailure("\(name): no '\(marker)'") }
                bytes = Array(text[..<range.upperBound].utf8)
            }
            bytes = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
            return Case(name: name, file: file, bytes: bytes, message: file + ":" + message)
        }
    }

    /// A value of the wrong type in each kind of object.
    static let wrongTypes: [Case] = [
        .edit(
            "info", "info:\n  title: Shop\n  version: '1'\n", "info: [Shop]\n",
            "2:7: error: expected a mapping for 'info', found a sequence"),
        .edit(
            "info.title", "  title: Shop", "  title: [Shop]",
            "3:10: error: expected a string for 'title', found a sequence"),
        .edit(
            "servers", "servers:\n  - url: https://example.com\n", "servers: {url: https://example.com}\n",
            "5:10: error: expected a sequence for 'servers', found a mapping"),
        .edit(
            "server", "  - url: https://example.com\n", "  - https://example.com\n",
            "6:5: error: expected a mapping for a server, found 'https://example.com'"),
        .edit(
            "paths", "paths:\n  /pets/{id}:", "paths: []\nx-paths:\n  /pets/{id}:",
            "14:8: error: expected a mapping for 'paths', found a sequence"),
        .edit(
            "path item", "  /pets/{id}:\n    parameters:", "  /pets/{id}: [get]\n  /x:\n    parameters:",
            "15:15: error: expected a mapping for path '/pets/{id}', found a sequence"),
        .edit(
            "operation", "    get:\n      tags: [pets]", "    get: getPet\n    put:\n      tags: [pets]",
            "21:10: error: expected a mapping for operation 'GET /pets/{id}', found 'getPet'"),
        .edit(
            "operation.tags", "      tags: [pets]", "      tags: pets",
            "22:13: error: expected a sequence for 'tags', found 'pets'"),
        .edit(
            "operation.operationId", "      operationId: getPet", "      operationId: [getPet]",
            "23:20: error: expected a string for 'operationId', found a sequence"),
        .edit(
            "parameters", "    parameters:\n      - name: id", "    parameters: {name: id}\n    x-p:\n      - name: id",
            "16:17: error: expected a sequence for 'parameters', found a mapping"),
        .edit(
            "parameter", "      - name: id\n        in: path", "      - id\n      - name: id\n        in: path",
            "17:9: error: expected a mapping for a parameter, found 'id'"),
        .edit(
            "parameter.required", "        required: true", "        required: yes please",
            "19:19: error: expected true or false for 'required', found 'yes please'"),
        .edit(
            "request body", "      requestBody:\n        content:",
            "      requestBody: [json]\n      x-rb:\n        content:",
            "33:20: error: expected a mapping for 'requestBody', found a sequence"),
        .edit(
            "content", "      requestBody:\n        content:\n",
            "      requestBody:\n        content: [json]\n        x-c:\n",
            "34:18: error: expected a mapping for 'content', found a sequence"),
        .edit(
            "media type",
            "          application/json:\n            schema: {$ref: '#/components/schemas/Pet'}\n      responses",
            "          application/json: [Pet]\n      responses",
            "35:29: error: expected a mapping for media type 'application/json', found a sequence"),
        .edit(
            "responses", "      responses:\n        '204': {description: done}", "      responses: [done]",
            "37:18: error: expected a mapping for 'responses', found a sequence"),
        .edit(
            "response", "        '204': {description: done}", "        '204': done",
            "38:16: error: expected a mapping for response '204', found 'done'"),
        .edit(
            "headers", "          headers:\n            X-Rate: {schema: {type: integer}}",
            "          headers: [X-Rate]",
            "27:20: error: expected a mapping for 'headers', found a sequence"),
        .edit(
            "header", "            X-Rate: {schema: {type: integer}}", "            X-Rate: integer",
            "28:21: error: expected a mapping for header 'X-Rate', found 'integer'"),
        .edit(
            "schema", "        name: {type: string}", "        name: [string]",
            "44:15: error: expected a mapping for a schema, found a sequence"),
        .edit(
            "schema.properties", "      properties:\n        name: {type: string}", "      properties: [name]",
            "43:19: error: expected a mapping for 'properties', found a sequence"),
        .edit(
            "components", "components:\n  schemas:", "components: [schemas]\nx-components:\n  schemas:",
            "39:13: error: expected a mapping for 'components', found a sequence"),
        .edit(
            "components.schemas", "  schemas:\n    Pet:", "  schemas: [Pet]\n  x-s:\n    Pet:",
            "40:12: error: expected a mapping for 'components.schemas', found a sequence"),
        .edit(
            "security schemes", "  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}",
            "  securitySchemes: [key]",
            "45:20: error: expected a mapping for 'securitySchemes', found a sequence"),
        .edit(
            "security scheme", "    key: {type: apiKey, in: header, name: X-Key}", "    key: apiKey",
            "46:10: error: expected a mapping for security scheme 'key', found 'apiKey'"),
        .edit(
            "security", "security:\n  - key: []", "security: {key: []}",
            "12:11: error: expected a sequence for 'security', found a mapping"),
        .edit(
            "security requirement", "security:\n  - key: []", "security:\n  - key",
            "13:5: error: expected a mapping for a security requirement, found 'key'"),
        .edit(
            "tags", "tags:\n  - name: pets\n    externalDocs: {url: https://example.com}", "tags: {name: pets}",
            "7:7: error: expected a sequence for 'tags', found a mapping"),
        .edit(
            "tag", "  - name: pets\n    externalDocs: {url: https://example.com}", "  - pets",
            "8:5: error: expected a mapping for a tag, found 'pets'"),
        .edit(
            "external docs", "externalDocs:\n  url: https://example.com/docs",
            "externalDocs: [https://example.com/docs]",
            "10:15: error: expected a mapping for 'externalDocs', found a sequence"),
        .edit(
            "tag external docs", "    externalDocs: {url: https://example.com}",
            "    externalDocs: https://example.com",
            "9:19: error: expected a mapping for 'externalDocs', found 'https://example.com'"),
        .edit(
            "contact", "  title: Shop\n", "  contact: 5\n  title: Shop\n",
            "3:12: error: expected a mapping for 'contact', found '5'"),
        .edit(
            "license", "  title: Shop\n", "  license: [MIT]\n  title: Shop\n",
            "3:12: error: expected a mapping for 'license', found a sequence"),
        .edit(
            "server variables", "  - url: https://example.com\n",
            "  - url: https://example.com\n    variables: [port]\n",
            "7:16: error: expected a mapping for 'variables', found a sequence"),
        .edit(
            "server variable", "  - url: https://example.com\n",
            "  - url: https://example.com\n    variables: {port: 8080}\n",
            "7:23: error: expected a mapping for a server variable, found '8080'"),
        .edit(
            "operation.callbacks", "      operationId: getPet\n", "      operationId: getPet\n      callbacks: 5\n",
            "24:18: error: expected a mapping for 'callbacks', found '5'"),
        .edit(
            "callback", "      operationId: getPet\n", "      operationId: getPet\n      callbacks: {onEvent: 5}\n",
            "24:28: error: expected a mapping for callback 'onEvent', found '5'"),
        .edit(
            "media type examples", "            schema: {$ref: '#/components/schemas/Pet'}\n      responses",
            "            schema: {$ref: '#/components/schemas/Pet'}\n            examples: 7\n      responses",
            "37:23: error: expected a mapping for 'examples', found '7'"),
        .edit(
            "encoding", "            schema: {$ref: '#/components/schemas/Pet'}\n      responses",
            "            schema: {$ref: '#/components/schemas/Pet'}\n            encoding: [name]\n      responses",
            "37:23: error: expected a mapping for 'encoding', found a sequence"),
        .edit(
            "encoding property", "            schema: {$ref: '#/components/schemas/Pet'}\n      responses",
            "            schema: {$ref: '#/components/schemas/Pet'}\n            encoding: {name: json}\n      responses",
            "37:30: error: expected a mapping for an encoding, found 'json'"),
        .edit(
            "response.links", "        '204': {description: done}", "        '204': {description: done, links: 5}",
            "38:43: error: expected a mapping for 'links', found '5'"),
        .edit(
            "link", "        '204': {description: done}", "        '204': {description: done, links: {next: 5}}",
            "38:50: error: expected a mapping for link 'next', found '5'"),
        .edit(
            "schema.xml", "        name: {type: string}", "        name: {type: string, xml: 5}",
            "44:35: error: expected a mapping for 'xml', found '5'"),
        .edit(
            "discriminator", "      type: object\n", "      type: object\n      discriminator: kind\n",
            "43:22: error: expected a mapping for 'discriminator', found 'kind'"),
        .edits(
            "webhooks", [("openapi: 3.0.3", "openapi: 3.1.0"), ("components:\n", "webhooks: 5\ncomponents:\n")],
            "39:11: error: expected a mapping for 'webhooks', found '5'"),
        .edits(
            "webhook",
            [("openapi: 3.0.3", "openapi: 3.1.0"), ("components:\n", "webhooks: {newPet: 5}\ncomponents:\n")],
            "39:20: error: expected a mapping for webhook 'newPet', found '5'"),
        .edit(
            "components.parameters", "components:\n  schemas:", "components:\n  parameters: {P: 5}\n  schemas:",
            "40:19: error: expected a mapping for parameter 'P', found '5'"),
        .edit(
            "components.responses", "components:\n  schemas:", "components:\n  responses: {R: 5}\n  schemas:",
            "40:18: error: expected a mapping for response 'R', found '5'"),
        .edit(
            "OAuth flows", "    key: {type: apiKey, in: header, name: X-Key}\n",
            "    key: {type: apiKey, in: header, name: X-Key}\n    oauth: {type: oauth2, flows: [implicit]}\n",
            "47:34: error: expected a mapping for 'flows', found a sequence"),
        .edit(
            "OAuth flow", "    key: {type: apiKey, in: header, name: X-Key}\n",
            "    key: {type: apiKey, in: header, name: X-Key}\n    oauth: {type: oauth2, flows: {implicit: 5}}\n",
            "47:45: error: expected a mapping for an OAuth flow, found '5'"),
        .edit(
            "schema $ref", "schema: {$ref: '#/components/schemas/Pet'}", "schema: {$ref: 5}",
            "31:30: error: '$ref' must be a string, found the number 5"),
        .edit(
            "response $ref", "        '204': {description: done}", "        '204': {$ref: 5}",
            "38:23: error: '$ref' must be a string, found the number 5"),
        .edit(
            "parameter $ref",
            "      - name: id\n        in: path\n        required: true\n        schema: {type: string}\n",
            "      - $ref: true\n", "17:15: error: '$ref' must be a string, found the boolean true"),
    ]

    /// Required keys left out.
    static let missingKeys: [Case] = [
        .edit("info", "info:\n  title: Shop\n  version: '1'\n", "", "1:1: error: missing required key 'info'"),
        .edit("info.title", "  title: Shop\n", "", "3:3: error: missing required key 'title'"),
        .edit("info.version", "  version: '1'\n", "", "3:3: error: missing required key 'version'"),
        .edit(
            "server url", "  - url: https://example.com", "  - description: production",
            "6:5: error: missing required key 'url'"),
        .edit(
            "parameter name", "      - name: id\n        in: path", "      - in: path",
            "17:9: error: missing required key 'name'"),
        .edit("parameter in", "        in: path\n", "", "17:9: error: missing required key 'in'"),
        .edit(
            "request body content",
            "      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Pet'}",
            "      requestBody:\n        description: a pet", "34:9: error: missing required key 'content'"),
        .edit(
            "security scheme type", "{type: apiKey, in: header, name: X-Key}", "{in: header, name: X-Key}",
            "46:10: error: missing required key 'type'"),
        .edit(
            "tag name", "  - name: pets\n    externalDocs", "  - externalDocs",
            "8:5: error: missing required key 'name'"),
        .edit(
            "external docs url", "externalDocs:\n  url: https://example.com/docs", "externalDocs:\n  description: docs",
            "11:3: error: missing required key 'url'"),
    ]

    /// Versions Bindery does not read, or none.
    static let versions: [Case] = [
        .edit(
            "openapi 4.0.0", "openapi: 3.0.3", "openapi: 4.0.0",
            "1:10: error: unsupported OpenAPI version '4.0.0': Bindery reads 3.0 and 3.1"),
        .edit(
            "swagger 1.2", "openapi: 3.0.3", "swagger: \"1.2\"",
            "1:10: error: unsupported Swagger version '1.2': Bindery reads Swagger 2.0"),
        .edit("no version", "openapi: 3.0.3\n", "", "1:1: error: not an OpenAPI document: missing the 'openapi' key"),
    ]

    /// Files cut short, and text that is not YAML.
    static let syntax: [Case] = [
        .cut(
            "JSON cut at 10%", validJSON, file: "api.json", fraction: 0.1,
            "4:1: error: did not find expected node content while parsing a flow node"),
        .cut(
            "JSON cut at 30%", validJSON, file: "api.json", fraction: 0.3,
            "7:1: error: did not find expected node content while parsing a flow node"),
        .cut(
            "JSON cut at 50%", validJSON, file: "api.json", fraction: 0.5,
            "7:124: error: found unexpected end of stream while scanning a quoted scalar that started at 7:122"),
        .cut(
            "JSON cut at 75%", validJSON, file: "api.json", fraction: 0.75,
            "8:12: error: found unexpected end of stream while scanning a quoted scalar that started at 8:3"),
        .cut(
            "JSON cut at 99%", validJSON, file: "api.json", fraction: 0.99,
            "8:178: error: found unexpected end of stream while scanning a quoted scalar that started at 8:172"),
        .cut(
            "JSON without its closing brace", validJSON, file: "api.json", after: "\"X-Key\"}}}\n",
            "9:1: error: did not find expected ',' or '}' while parsing a flow mapping that started at 1:1"),
        .cut(
            "YAML cut in a quoted scalar", valid, file: "api.yaml", after: "version: '1",
            "4:14: error: found unexpected end of stream while scanning a quoted scalar that started at 4:12"),
        .cut(
            "YAML cut in a flow mapping", valid, file: "api.yaml", after: "key: {type: apiKey, in: hea",
            "47:1: error: did not find expected ',' or '}' while parsing a flow mapping that started at 46:10"),
        .cut(
            "YAML cut after a sequence dash", valid, file: "api.yaml", after: "    parameters:\n      - ",
            "17:8: error: missing required key 'name'"),
        .cut(
            "YAML cut in a key", valid, file: "api.yaml", after: "      type: object\n      prop",
            "44:1: error: could not find expected ':' while scanning a simple key that started at 43:7"),
        Case(
            name: "invalid UTF-8 (a lone 0xFF)",
            bytes: Array(valid.utf8).replacingFirst(Array("Shop".utf8), with: [0x53, 0x68, 0xFF, 0x70]),
            message: "api.yaml:3:12: error: invalid leading UTF-8 octet (0xFF)"),
        Case(
            name: "invalid UTF-8 (a sequence cut short)",
            bytes: Array(valid.utf8).replacingFirst(Array("Shop".utf8), with: [0x53, 0x68, 0xC3, 0x70]),
            message: "api.yaml:3:13: error: invalid trailing UTF-8 octet (0x70)"),
        Case(
            name: "invalid UTF-8 in JSON", file: "api.json",
            bytes: Array(validJSON.utf8).replacingFirst(Array("Shop".utf8), with: [0x53, 0xFF]),
            message: "api.json:3:23: error: invalid leading UTF-8 octet (0xFF)"),
        .edit(
            "a tab indenting", "  title: Shop\n", "\ttitle: Shop\n",
            "3:1: error: a tab cannot indent YAML or separate its tokens; use spaces"),
        .edit(
            "a tab in nested indentation", "    get:\n      tags: [pets]", "    get:\n    \ttags: [pets]",
            "22:5: error: a tab cannot indent YAML or separate its tokens; use spaces"),
        .edit(
            "a duplicate key", "  title: Shop\n", "  title: Shop\n  title: Store\n",
            "4:3: error: duplicate key 'title'"),
        .edit(
            "a duplicate path parameter", "        schema: {type: string}\n",
            "        schema: {type: string}\n      - {name: id, in: path, required: true, schema: {type: string}}\n",
            "21:9: error: duplicate path parameter 'id' in the parameters of path '/pets/{id}'"),
        Case(
            name: "a duplicate key in JSON", file: "api.json",
            bytes: Array(
                validJSON.replacingOccurrences(of: #""title": "Shop","#, with: #""title": "Shop", "title": "X","#).utf8),
            message: "api.json:3:29: error: duplicate key 'title'"),
        Case(
            name: "two YAML documents", bytes: Array((valid + "---\nopenapi: 3.0.3\n").utf8),
            message: "api.yaml:47:1: error: expected a single YAML document"),
        Case(
            name: "an empty file", bytes: [], message: "api.yaml:1:1: error: not an OpenAPI document: the file is empty"
        ),
        Case(
            name: "an empty JSON file", file: "api.json", bytes: [],
            message: "api.json:1:1: error: not an OpenAPI document: the file is empty"),
        Case(
            name: "a list", bytes: Array("- openapi: 3.0.3\n".utf8),
            message:
                "api.yaml:1:1: error: not an OpenAPI document: expected a mapping with an 'openapi' key, found a sequence"
        ),
    ]

    @Test(.serialized, arguments: wrongTypes)
    func wrongType(_ input: Case) async throws { try await expectFailure(input) }

    @Test(.serialized, arguments: missingKeys)
    func missingKey(_ input: Case) async throws { try await expectFailure(input) }

    @Test(.serialized, arguments: versions)
    func unknownVersion(_ input: Case) async throws { try await expectFailure(input) }

    @Test(.serialized, arguments: syntax)
    func notReadable(_ input: Case) async throws { try await expectFailure(input) }

    /// The files of a generated package (rendered once), written into each case's output folder.
    static let previousGeneration = Result {
        try Generator.render(specPath: Support.canopySpec, moduleName: "Canopy").files
    }

    /// Runs `bindery generate` on the case's file into a folder holding a previous generation and a file of the
    /// user's, and checks it fails with the case's message and changes nothing.
    func expectFailure(_ input: Case, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(input.bytes).write(to: URL(fileURLWithPath: directory + "/" + input.file))
        let previous = try await PreviousOutput.make(in: directory)

        let result = try await Support.run(
            Support.binderyExecutable, ["generate", input.file, "--output", previous.path], in: directory)

        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr == input.message + "\n", sourceLocation: sourceLocation)
        try await previous.expectUnchanged(sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["Out", input.file])
    }

    /// An output folder (`Out`) holding a previous generation and a file of the user's, and what it held then: a run
    /// that fails must leave it so.
    struct PreviousOutput {
        var path: String
        var before: [String: String]

        /// `Out` in `directory`, written on a thread of its own.
        static func make(in directory: String) async throws -> PreviousOutput {
            try await Support.onThread {
                let output = try BadInputTests.outputWithPreviousGeneration(in: directory)
                return PreviousOutput(path: output, before: BadInputTests.snapshot(output))
            }
        }

        /// Checks that the folder holds what it held, contents and modification dates.
        func expectUnchanged(sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let path = self.path
            let after = try await Support.onThread { BadInputTests.snapshot(path) }
            #expect(before.keys.contains("Notes.txt"), "no previous output to compare", sourceLocation: sourceLocation)
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            #expect(changed == [], "the output folder changed", sourceLocation: sourceLocation)
        }
    }

    /// `Out` in `directory`, holding a generated package and `Notes.txt`.
    static func outputWithPreviousGeneration(in directory: String) throws -> String {
        let output = directory + "/Out"
        try OutputWriter(directory: output).write(try previousGeneration.get())
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: output + "/Notes.txt"))
        // Dates a second in the past, so that a rewrite within the test's second changes them.
        let past = Date(timeIntervalSinceNow: -10)
        for path in Support.files(under: output) {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: output + "/" + path)
        }
        return output
    }

    /// Every file of a folder with its contents and modification date.
    static func snapshot(_ directory: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in Support.files(under: directory) {
            let full = directory + "/" + path
            let date = OutputInvariants.modificationDate(full)?.timeIntervalSince1970 ?? 0
            result[path] = (Support.read(full) ?? "") + "@\(date)"
        }
        return result
    }

    // MARK: - 50 MB

    /// A 50 MB description: a valid start (path items with long descriptions) and an operation of the wrong type
    /// at its end. The whole file is parsed and read, in bounded time and memory, to an error at its last line; the
    /// previous output is left as it was.
    @Test func fiftyMegabytesWithAnErrorAtTheEnd() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = try await PreviousOutput.make(in: directory)
        // Made on a thread of its own, with the run: a debug build takes seconds to make 50 MB.
        let lines = 6_497
        let description = String(repeating: "All about pets. ", count: 500)
        let run = try await Self.measure(in: directory) {
            var text = Data("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n".utf8)
            for line in 3..<lines {
                text.append(
                    contentsOf:
                        "  /p\(line): {get: {description: '\(description)', responses: {'200': {description: ok}}}}\n"
                        .utf8)
            }
            text.append(contentsOf: "  /last: {get: 5}\n".utf8)
            return text
        }
        Self.report("50 MB, an error at the end", run)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "\(directory)/big.yaml:\(lines + 1):16: error: expected a mapping for operation 'GET /last', found '5'\n"
        )
        #expect(run.cpuSeconds < 10)
        #expect(run.maximumResidentMegabytes < 400)
        try await previous.expectUnchanged()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == Self.bigRunFiles)
    }

    /// What a folder of ``measure(in:make:)`` holds after a failed run.
    static let bigRunFiles = ["Out", "big.yaml", "stderr.txt"]

    /// A 50 MB quoted scalar that never ends: an error where it starts, in bounded time and memory; the previous
    /// output is left as it was.
    @Test func fiftyMegabyteScalar() async throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = try await PreviousOutput.make(in: directory)
        let run = try await Self.measure(in: directory) {
            var text = Data("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths: {}\ndescription: \"".utf8)
            text.append(Data(repeating: UInt8(ascii: "x"), count: 50 << 20))
            return text
        }
        Self.report("a 50 MB scalar", run)
        #expect(run.status == 1)
        #expect(
            run.stderr == "\(directory)/big.yaml:4:\(15 + (50 << 20)): error: found unexpected end of stream while "
                + "scanning a quoted scalar that started at 4:14\n")
        #expect(run.cpuSeconds < 10)
        #expect(run.maximumResidentMegabytes < 400)
        try await previous.expectUnchanged()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == Self.bigRunFiles)
    }

    struct MeasuredRun {
        var status: Int32
        var stderr: String
        var seconds: Double
        /// User and system time: what the run costs, however busy the machine.
        var cpuSeconds: Double
        var maximumResidentMegabytes: Int
    }

    static func report(_ what: String, _ run: MeasuredRun) {
        print(
            "\(what): \(String(format: "%.2f", run.seconds)) s (CPU \(String(format: "%.2f", run.cpuSeconds)) s), "
                + "\(run.maximumResidentMegabytes) MB at most")
    }

    /// Writes what `make` makes to `big.yaml` and runs `bindery generate` on it (into `Out`), measuring the time it takes and the
    /// most memory it holds (`wait4`'s resource usage of that one process), all on a thread of its own.
    static func measure(in directory: String, make: @escaping @Sendable () -> Data) async throws -> MeasuredRun {
        let spec = directory + "/big.yaml"
        let errors = directory + "/stderr.txt"
        let arguments = [Support.binderyExecutable, "generate", spec, "--output", directory + "/Out"]
        return try await Support.onThread {
            try make().write(to: URL(fileURLWithPath: spec))
            return try spawnAndWait(arguments, errors: errors)
        }
    }

    static func spawnAndWait(_ arguments: [String], errors: String) throws -> MeasuredRun {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t?
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        #if canImport(Darwin)
            while wait4(pid, &status, 0, &usage) < 0 {
                guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL) }
            }
            let megabytes = Int(usage.ru_maxrss) >> 20  // bytes
        #else
            // `ru_maxrss` counts the test process's memory too (the child shares it until it execs): read the
            // child's own peak (VmHWM) while it runs instead.
            var kilobytes = 0
            while true {
                let result = wait4(pid, &status, WNOHANG, &usage)
                if result == pid { break }
                guard result == 0 || errno == EINTR else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL)
                }
                let lines = Support.read("/proc/\(pid)/status")?.split(separator: "\n") ?? []
                if let line = lines.first(where: { $0.hasPrefix("VmHWM:") }),
                    let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
                {
                    kilobytes = max(kilobytes, value)
                }
                usleep(5_000)
            }
            let megabytes = kilobytes >> 10
        #endif
        let elapsed = ContinuousClock.now - start
        let exited = status & 0x7F == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xFF : -1, stderr: Support.read(errors) ?? "",
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
            maximumResidentMegabytes: megabytes)
    }
}

extension Array where Element == UInt8 {
    /// The bytes with the first occurrence of `old` replaced by `new`.
    fileprivate func replacingFirst(_ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        guard let start = indices.first(where: { self[$0...].starts(with: old) }) else { return self }
        return Array(self[..<start]) + new + Array(self[(start + old.count)...])
    }
}
