import Bindery
import BinderyCore
import BinderyModel
import BinderyRender
import Foundation
import TestExecutors
import Testing

/// `bindery.yaml` read into a ``Configuration``: every key, and every kind of mistake with its exact message and
/// position. The JSON Schema and the README's table of keys are what ``ConfigurationKey/keys`` writes.
@Suite(.computing) struct ConfigurationTests {
    /// Writes `yaml` as `bindery.yaml` (and `files` beside it) in a new folder, and reads it.
    static func read(
        _ yaml: String, files: [String: String] = [:]
    ) throws -> (configuration: Configuration, folder: String) {
        let folder = try Support.temporaryDirectory("bindery-config")
        for (path, contents) in files {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
        }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/bindery.yaml"))
        do {
            return (try Configuration.read(path: folder + "/bindery.yaml"), folder)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// The message of the error reading `yaml` gives, with its position and the file's name as `bindery.yaml`.
    static func error(_ yaml: String, files: [String: String] = [:], output: String? = "Out") -> String {
        do {
            let (configuration, folder) = try read(yaml, files: files)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try configuration.options(output: output)
            return "no error"
        } catch let error as Diagnostic {
            return "bindery.yaml" + error.description.components(separatedBy: "/bindery.yaml").dropFirst().joined()
        } catch {
            return "\(error)"
        }
    }

    /// Every key, read into the configuration.
    @Test func everyKeyIsRead() throws {
        let (configuration, folder) = try Self.read(
            """
            spec: api/pets.yaml
            output: ../Generated
            moduleName: Petstore
            accessLevel: package
            templates: custom
            docs: false
            methods: response
            conformances: [APIModel, Foundation.CustomDebugStringConvertible]
            filters:
              tags: [pets]
              operations: [listStores, GET /health]
              paths: ['/v1/customers*']
              schemas: [Error]
            naming:
              types: {Pet: Animal, '#/tags/pets': Animals}
              operations: {listPets: allPets}
              properties: {Pet: {name: title, 'x-id': xid}}
              enumCases: {Status: {sold: gone}}
            typeOverrides: {Money: Decimal, '#/components/schemas/Pet/properties/tags': '[String: Int]'}
            """, files: ["api/pets.yaml": "openapi: 3.0.3\n", "custom/api.mustache": ""])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = try configuration.options()
        #expect(options.specPath == folder + "/api/pets.yaml")
        #expect(options.outputDirectory == (folder as NSString).deletingLastPathComponent + "/Generated")
        #expect(options.moduleName == "Petstore")
        #expect(options.render.accessLevel == .package)
        #expect(options.templatesDirectory == folder + "/custom")
        #expect(options.render.generatesDocs == false)
        #expect(options.methods == .response)
        #expect(options.render.conformances == ["APIModel", "Foundation.CustomDebugStringConvertible"])
        #expect(options.filter.tags.map(\.value) == ["pets"])
        #expect(options.filter.operations.map(\.value) == ["listStores", "GET /health"])
        #expect(options.filter.paths.map(\.value) == ["/v1/customers*"])
        #expect(options.filter.schemas.map(\.value) == ["Error"])
        #expect(
            options.naming.types.map { "\($0.target.value)=\($0.name.value)" } == ["Pet=Animal", "#/tags/pets=Animals"])
        #expect(options.naming.operations.map { "\($0.target.value)=\($0.name.value)" } == ["listPets=allPets"])
        #expect(
            options.naming.properties.map { "\($0.target.value).\($0.member.value)=\($0.name.value)" } == [
                "Pet.name=title", "Pet.x-id=xid",
            ])
        #expect(
            options.naming.enumCases.map { "\($0.target.value).\($0.member.value)=\($0.name.value)" } == [
                "Status.sold=gone"
            ])
        #expect(
            options.typeOverrides.map { "\($0.target.value)=\($0.type.value)" } == [
                "Money=Decimal", "#/components/schemas/Pet/properties/tags=[String: Int]",
            ])
        // Where each value is written, for the errors about it.
        #expect(options.naming.types[1].target.location.line == 15)
        #expect(options.naming.types[1].target.location.column == 24)
    }

    /// A file with only `spec: openapi.yaml`, or an empty one beside `openapi.yaml`, gives the defaults; without
    /// `spec:`, `openapi.yml` and `openapi.json` are looked for too.
    @Test func defaults() throws {
        for (yaml, name) in [
            ("spec: openapi.yaml", "openapi.yaml"), ("", "openapi.yaml"), ("# none", "openapi.yml"),
            ("", "openapi.json"),
        ] {
            let (configuration, folder) = try Self.read(yaml, files: [name: "{}"])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let options = try configuration.options(output: "Out")
            #expect(options.specPath == folder + "/" + name)
            #expect(options.outputDirectory == "Out")
            #expect(options.moduleName == nil && options.templatesDirectory == nil)
            #expect(options.methods == .both && options.filter.isEmpty && options.naming.isEmpty)
            #expect(options.typeOverrides.isEmpty)
            #expect(options.render == RenderOptions())
        }
    }

    /// The command line's values replace the file's.
    @Test func commandLineValuesWin() throws {
        let (configuration, folder) = try Self.read(
            "spec: a.yaml\noutput: Out\nmoduleName: A\ntemplates: t\n", files: ["a.yaml": "{}", "t/x": ""])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = try configuration.options(
            spec: "b.yaml", output: "Other", moduleName: "B", templates: "u", checkOnly: true)
        #expect(options.specPath == "b.yaml")
        #expect(options.outputDirectory == "Other")
        #expect(options.moduleName == "B")
        #expect(options.templatesDirectory == "u")
        #expect(options.checkOnly)
    }

    /// In a target's folder (what the plugins say with `--in-target`), the module is the target, and unless the
    /// file or the command line says otherwise the layout is `sources`, the output `Generated` beside the file, and
    /// no Markdown is written.
    @Test func targetDefaults() throws {
        let (plain, folder) = try Self.read("moduleName: Other\n", files: ["openapi.yaml": "{}"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inTarget = try plain.options(target: "Pets")
        #expect(inTarget.moduleName == "Pets")
        #expect(inTarget.outputDirectory == folder + "/Generated")
        #expect(inTarget.render.layout == .sources)
        #expect(inTarget.render.generatesDocs == false)
        let shards = try plain.options(output: "Work", layout: .shards, target: "Pets")
        #expect(shards.render.layout == .shards && shards.outputDirectory == "Work")
        // Without a target: a package with its docs, and an output folder is needed.
        let package = try plain.options(output: "Out")
        #expect(package.render.layout == .package && package.render.generatesDocs && package.moduleName == "Other")
        #expect(throws: Diagnostic.self) { try plain.options() }

        let (chosen, other) = try Self.read(
            "layout: package\noutput: Client\ndocs: true\n", files: ["openapi.yaml": "{}"])
        defer { try? FileManager.default.removeItem(atPath: other) }
        let options = try chosen.options(target: "Pets")
        #expect(options.render.layout == .package && options.render.generatesDocs)
        #expect(options.outputDirectory == other + "/Client")
        let (sources, third) = try Self.read("layout: sources\ndocs: true\noutput: G\n", files: ["openapi.yaml": "{}"])
        defer { try? FileManager.default.removeItem(atPath: third) }
        #expect(try sources.options().render == RenderOptions(layout: .sources, generatesDocs: true))
    }

    @Test func unknownKeys() {
        #expect(
            Self.error("spec: a.yaml\noutput: Out\nfilter:\n  tags: [pets]\n")
                == "bindery.yaml:3:1: error: unknown key 'filter'; did you mean 'filters'?")
        #expect(
            Self.error("filters:\n  tag: [pets]\n")
                == "bindery.yaml:2:3: error: unknown key 'tag' in 'filters'; did you mean 'tags'?")
        #expect(
            Self.error("ModuleName: Pets\n")
                == "bindery.yaml:1:1: error: unknown key 'ModuleName'; did you mean 'moduleName'?")
        #expect(
            Self.error("colour: red\n")
                == "bindery.yaml:1:1: error: unknown key 'colour'; the keys are spec, output, moduleName, layout, "
                + "accessLevel, templates, docs, methods, conformances, filters, naming, typeOverrides")
        #expect(
            Self.error("naming:\n  enums: {}\n")
                == "bindery.yaml:2:3: error: unknown key 'enums' in 'naming'; the keys in 'naming' are types, "
                + "operations, properties, enumCases")
        #expect(
            Self.error("[a]: b\n") == "bindery.yaml:1:1: error: expected a key name, found a list")
    }

    @Test func wrongTypes() {
        #expect(Self.error("docs: yes\n") == "bindery.yaml:1:7: error: expected true or false for 'docs', found 'yes'")
        #expect(
            Self.error("docs: 'true'\n")
                == "bindery.yaml:1:7: error: expected true or false for 'docs', found 'true' (quoted, so text)")
        #expect(
            Self.error("accessLevel: pubic\n")
                == "bindery.yaml:1:14: error: expected public, package or internal for 'accessLevel', found 'pubic'; "
                + "did you mean 'public'?")
        #expect(
            Self.error("layout: shard\n")
                == "bindery.yaml:1:9: error: expected package, sources or shards for 'layout', found 'shard'; "
                + "did you mean 'shards'?")
        #expect(
            Self.error("methods: [both]\n")
                == "bindery.yaml:1:10: error: expected both, throwing or response for 'methods', found a list")
        #expect(
            Self.error("filters:\n  tags: pets\n")
                == "bindery.yaml:2:9: error: expected a list for 'filters.tags', found 'pets'")
        #expect(
            Self.error("filters:\n  tags: [pets, {a: b}]\n")
                == "bindery.yaml:2:16: error: expected text for an item of 'filters.tags', found a mapping")
        #expect(
            Self.error("filters: [pets]\n")
                == "bindery.yaml:1:10: error: expected a mapping for 'filters', found a list")
        #expect(Self.error("spec:\n") == "bindery.yaml:1:6: error: expected text for 'spec', found nothing")
        #expect(
            Self.error("naming:\n  types: [Pet]\n")
                == "bindery.yaml:2:10: error: expected a mapping of schemas for 'naming.types', found a list")
        #expect(
            Self.error("naming:\n  properties: {Pet: title}\n")
                == "bindery.yaml:2:21: error: expected a mapping of JSON names for 'Pet' in 'naming.properties', "
                + "found 'title'")
        #expect(
            Self.error("naming:\n  types: {Pet: 2Pet}\n")
                == "bindery.yaml:2:16: error: '2Pet' is not a Swift identifier (letters, digits and _, not starting "
                + "with a digit)")
        #expect(
            Self.error("naming:\n  types: {Pet: struct}\n")
                == "bindery.yaml:2:16: error: 'struct' is a Swift keyword, which cannot name a type")
        #expect(
            Self.error("typeOverrides: {Money: 'Foo-Bar'}\n")
                == "bindery.yaml:1:24: error: 'Foo-Bar' is not a Swift type name")
        #expect(
            Self.error("conformances: [Sendable]\n")
                == "bindery.yaml:1:16: error: generated model types are Codable, Hashable and Sendable already; "
                + "'Sendable' is not needed")
        #expect(
            Self.error("conformances: [APIModel, APIModel]\n")
                == "bindery.yaml:1:26: error: 'APIModel' is listed twice")
        #expect(
            Self.error("moduleName: Foundation\n")
                == "bindery.yaml:1:13: error: 'Foundation' cannot be the module name: it is the name of a type the "
                + "generated code uses")
        #expect(
            Self.error("- spec\n")
                == "bindery.yaml:1:1: error: expected a mapping of configuration keys (spec, moduleName, …), found a "
                + "list")
        #expect(Self.error("a: [\n").hasPrefix("bindery.yaml:2:1: error: "))
    }

    @Test func missingFilesAndFolders() {
        #expect(Self.error("spec: api.yaml\n").hasSuffix("/api.yaml' (paths are relative to this file)"))
        #expect(Self.error("spec: api.yaml\n").hasPrefix("bindery.yaml:1:7: error: no file at '/"))
        #expect(Self.error("templates: mine\n").hasPrefix("bindery.yaml:1:12: error: no folder at '/"))
        #expect(Self.error("templates: mine\n").hasSuffix("/mine' (paths are relative to this file)"))
        #expect(
            Self.error("moduleName: A\n")
                == "bindery.yaml:1:1: error: no 'spec' given, and no openapi.yaml, openapi.yml or openapi.json beside "
                + "bindery.yaml")
        #expect(
            Self.error("spec: a.yaml\n", files: ["a.yaml": "{}"], output: nil)
                == "bindery.yaml:1:1: error: no output folder: give 'output' in the file or --output on the command line"
        )
    }

    /// The committed JSON Schema and the README's table of keys are what ``ConfigurationKey/keys`` writes
    /// (`BINDERY_UPDATE_GOLDENS=1` rewrites them), so the reader, the schema and the docs cannot drift apart.
    @Test func schemaAndREADMEAreUpToDate() throws {
        let schemaPath = Support.repositoryRoot + "/" + ConfigurationSchema.schemaPath
        let schema = ConfigurationSchema.jsonSchema()
        let readmePath = Support.repositoryRoot + "/README.md"
        let readme = try #require(Support.read(readmePath))
        let start = "<!-- bindery.yaml keys: written from ConfigurationKey.keys -->\n"
        let end = "<!-- end of bindery.yaml keys -->"
        let startRange = try #require(readme.range(of: start))
        let endRange = try #require(readme.range(of: end, range: startRange.upperBound..<readme.endIndex))
        let table = ConfigurationSchema.markdownTable()
        if Support.updatingGoldens {
            try schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
            try (readme[..<startRange.upperBound] + table + readme[endRange.lowerBound...]).write(
                toFile: readmePath, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            Support.read(schemaPath) == schema, "\(ConfigurationSchema.schemaPath) is stale: BINDERY_UPDATE_GOLDENS=1")
        #expect(String(readme[startRange.upperBound..<endRange.lowerBound]) == table, "README's table of keys is stale")
        // Every key, nested ones too, is in both.
        func names(_ keys: [ConfigurationKey], _ prefix: String) -> [String] {
            keys.flatMap { [prefix + $0.name] + names($0.children, prefix + $0.name + ".") }
        }
        for name in names(ConfigurationKey.keys, "") {
            #expect(table.contains("| `\(name)` |"), "\(name)")
            #expect(schema.contains("\"\(name.split(separator: ".").last ?? "")\": {"), "\(name)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any]
        #expect((json?["properties"] as? [String: Any])?.count == ConfigurationKey.keys.count)
    }
}
