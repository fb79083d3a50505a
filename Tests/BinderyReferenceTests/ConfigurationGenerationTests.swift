import Bindery
import BinderyCore
import Foundation
import TestExecutors
import Testing

/// What each key of `bindery.yaml` does to the generated package: every test fails when its key is ignored.
/// Most run on `Tests/Specs/configuration/shop.yaml`, where each schema is reached in one way only.
@Suite(.computing) struct ConfigurationGenerationTests {
    static let shop = Support.repositoryRoot + "/Tests/Specs/configuration/shop.yaml"

    /// The files generated for `spec` with the configuration `yaml` (written beside a copy of the spec, as
    /// `openapi.yaml`), by path; `files` are written beside it too.
    static func generate(
        _ yaml: String, spec: String = shop, files: [String: String] = [:]
    ) throws -> [String: String] {
        let folder = try Support.temporaryDirectory("bindery-config-generate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: spec, toPath: folder + "/openapi.yaml")
        for (path, contents) in files {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
        }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: folder + "/bindery.yaml"))
        let options = try Configuration.read(path: folder + "/bindery.yaml").options(output: folder + "/Out")
        let (generated, _, _, _) = try Generator.render(options)
        return Dictionary(uniqueKeysWithValues: generated.map { ($0.path, $0.contents) })
    }

    /// The error generating with `yaml` gives, with the configuration file's name as `bindery.yaml`.
    static func error(_ yaml: String, spec: String = shop) -> String {
        do {
            _ = try generate(yaml, spec: spec)
            return "no error"
        } catch let error as Diagnostic {
            return "bindery.yaml" + error.description.components(separatedBy: "/bindery.yaml").dropFirst().joined()
        } catch {
            return "\(error)"
        }
    }

    /// The model files generated, by type name.
    static func models(_ files: [String: String]) -> [String] {
        files.keys.filter { $0.hasPrefix("Sources/Shop/Models/") }.map {
            String($0.dropFirst("Sources/Shop/Models/".count).dropLast(".swift".count))
        }.sorted()
    }

    /// The API files generated.
    static func apis(_ files: [String: String]) -> [String] {
        files.keys.filter { $0.hasPrefix("Sources/Shop/APIs/") }.map {
            String($0.dropFirst("Sources/Shop/APIs/".count).dropLast(".swift".count))
        }.sorted()
    }

    // MARK: - spec, moduleName, templates

    @Test func specModuleNameAndTemplates() throws {
        let files = try Self.generate(
            "spec: api/other.yaml\nmoduleName: Market\ntemplates: mine\n",
            files: [
                "api/other.yaml": "openapi: 3.0.3\ninfo: {title: Other, version: '1'}\npaths: {}\n"
                    + "components: {schemas: {Thing: {type: object, properties: {a: {type: string}}}}}\n",
                "mine/model.mustache": "// {{name}} of {{moduleName}}\n",
            ])
        #expect(files["Sources/Market/Models/Thing.swift"] == "// Thing of Market\n")
        #expect(files["Package.swift"]?.contains("name: \"Market\"") == true)
    }

    // MARK: - accessLevel

    /// Every declaration users see is as accessible as `accessLevel` says: no `public` is left anywhere.
    @Test(arguments: ["package", "internal"])
    func accessLevel(_ level: String) throws {
        let files = try Self.generate("accessLevel: \(level)\n")
        let swift = files.filter { $0.key.hasSuffix(".swift") && $0.key != "Package.swift" }
        #expect(swift.count == 33)
        for (path, contents) in swift {
            #expect(!contents.contains("public "), "\(path) has a public declaration")
        }
        let pet = try #require(files["Sources/Shop/Models/Pet.swift"])
        #expect(pet.contains("\(level) nonisolated struct Pet: Codable, Hashable, Sendable {"))
        #expect(pet.contains("    \(level) enum Status: Codable, Hashable, Sendable, CaseIterable, RawRepresentable {"))
        #expect(pet.contains("    \(level) var status: Pet.Status\n"))
        let api = try #require(files["Sources/Shop/APIs/PetsApi.swift"])
        #expect(api.contains("    \(level) func getPet(\n"))
        let client = try #require(files["Sources/Shop/Runtime/APIClient.swift"])
        #expect(client.contains("\(level) nonisolated struct APIClient: Sendable {"))
        let byDefault = try Self.generate("")
        #expect(byDefault["Sources/Shop/Models/Pet.swift"]?.contains("public nonisolated struct Pet: Codable") == true)
    }

    // MARK: - docs

    @Test func docsOffWritesNoMarkdown() throws {
        let on = try Self.generate("docs: true\n")
        #expect(on["README.md"] != nil && on["docs/Pet.md"] != nil && on["docs/PetsApi.md"] != nil)
        let off = try Self.generate("docs: false\n")
        #expect(off.keys.filter { $0.hasSuffix(".md") }.isEmpty, "\(off.keys.sorted())")
        #expect(off.keys.count == on.keys.filter { !$0.hasSuffix(".md") }.count)
    }

    // MARK: - methods

    @Test func methodsThrowingOnly() throws {
        let api = try #require(try Self.generate("methods: throwing\n")["Sources/Shop/APIs/PetsApi.swift"])
        #expect(api.contains("    public func getPet(\n"))
        #expect(!api.contains("public func getPetResponse("))
        // Its enum stays: the throwing method reads the response through it.
        #expect(api.contains("    public indirect enum GetPetResponse: Sendable {"))
        // No doc comment points to the method that is not there.
        #expect(!api.contains("come with `getPetResponse(…)`"))
        // Successes of different bodies: no throwing method, so the `…Response` one stays.
        #expect(api.contains("public func listPetsResponse(") && !api.contains("public func listPets("))
    }

    @Test func methodsResponseOnly() throws {
        let files = try Self.generate("methods: response\n")
        let api = try #require(files["Sources/Shop/APIs/PetsApi.swift"])
        #expect(api.contains("    public func getPetResponse(\n"))
        #expect(!api.contains("public func getPet("))
        let docs = try #require(files["docs/PetsApi.md"])
        #expect(docs.contains("func getPetResponse(id: PetID) async throws -> GetPetResponse\n```"))
        #expect(!docs.contains("func getPet("))
        #expect(docs.contains("### Return type\n\n`GetPetResponse`"))
        let readme = try #require(files["README.md"])
        #expect(readme.contains("An operation's method, named `…Response`, returns an enum"))
    }

    @Test func methodsBothByDefault() throws {
        let api = try #require(try Self.generate("methods: both\n")["Sources/Shop/APIs/PetsApi.swift"])
        #expect(api.contains("public func getPet(") && api.contains("public func getPetResponse("))
    }

    // MARK: - conformances

    @Test func conformancesOnEveryModel() throws {
        let files = try Self.generate("conformances: [APIModel, Shop.Tagged]\n")
        let pet = try #require(files["Sources/Shop/Models/Pet.swift"])
        #expect(pet.contains("public nonisolated struct Pet: Codable, Hashable, Sendable, APIModel, Shop.Tagged {"))
        #expect(
            pet.contains(
                "    public enum Status: Codable, Hashable, Sendable, CaseIterable, RawRepresentable, APIModel, Shop.Tagged {"
            ))
        #expect(pet.contains("    public enum Owner: Codable, Hashable, Sendable, APIModel, Shop.Tagged {"))
        // A type alias is another name for a type, not a declaration that conforms.
        #expect(files["Sources/Shop/Models/PetID.swift"]?.contains("public typealias PetID = UUID") == true)
        // Response enums and header structs are not models.
        #expect(files["Sources/Shop/APIs/PetsApi.swift"]?.contains("APIModel") == false)
    }

    // MARK: - filters

    @Test func filterByTagKeepsWhatItsOperationsReach() throws {
        let files = try Self.generate("filters:\n  tags: [pets]\n")
        #expect(Self.apis(files) == ["PetsApi"])
        // Through a path parameter, a response header, a multipart part's header, the body, `allOf`, a property,
        // `items`, `additionalProperties`, `prefixItems`, `oneOf`, `anyOf`.
        #expect(
            Self.models(files)
                == [
                    "Animal", "Camera", "Company", "Coordinate", "Food", "Friend", "Label", "Money", "Person", "Pet",
                    "PetID", "Rate", "Toy", "Currency",
                ].sorted())
        #expect(files["docs/Store.md"] == nil && files["README.md"]?.contains("Store") == false)
    }

    @Test func filterByOperationIdAndByMethodAndPath() throws {
        let byID = try Self.generate("filters:\n  operations: [listStores]\n")
        #expect(Self.apis(byID) == ["StoresApi"] && Self.models(byID) == ["Store"])
        #expect(byID["Sources/Shop/APIs/StoresApi.swift"]?.contains("postStores") == false)
        let withoutID = try Self.generate("filters:\n  operations: [POST /stores]\n")
        #expect(Self.models(withoutID) == ["NewStore"])
    }

    @Test func filterByPathWithWildcards() throws {
        #expect(Self.models(try Self.generate("filters:\n  paths: [/stores]\n")) == ["NewStore", "Store"])
        let pets = try Self.generate("filters:\n  paths: ['/pets/*']\n")
        #expect(pets["Sources/Shop/APIs/PetsApi.swift"]?.contains("listPets") == false)
        #expect(pets["Sources/Shop/APIs/PetsApi.swift"]?.contains("func getPet(") == true)
        #expect(Self.apis(try Self.generate("filters:\n  paths: ['*s']\n")) == ["PetsApi", "StoresApi"])
    }

    @Test func filterBySchemaAndCombined() throws {
        let orphan = try Self.generate("filters:\n  schemas: [Orphan, '#/components/schemas/Toy']\n")
        #expect(Self.apis(orphan) == [] && Self.models(orphan) == ["Orphan", "Toy"])
        let both = try Self.generate("filters:\n  operations: [listStores]\n  schemas: [Orphan]\n")
        #expect(Self.apis(both) == ["StoresApi"] && Self.models(both) == ["Orphan", "Store"])
    }

    /// A filter that keeps every operation changes no file but drops the schemas nothing uses: the walk from the
    /// operations misses no way a schema is used (a missed one would turn into `JSONValue` somewhere).
    @Test func filterKeepingEverythingChangesNoFile() throws {
        let spec = Support.repositoryRoot + "/Tests/Specs/features.yaml"
        let all = try Self.generate("moduleName: Shop\n", spec: spec)
        let filtered = try Self.generate("moduleName: Shop\nfilters:\n  paths: ['*']\n", spec: spec)
        for (path, contents) in filtered where path != "README.md" {
            #expect(all[path] == contents, "\(path) differs")
        }
        let dropped = Set(all.keys).subtracting(filtered.keys).sorted()
        // The three schemas no operation uses (Customer and PaymentSource only refer to each other).
        #expect(
            dropped == [
                "Sources/Shop/Models/Customer.swift", "Sources/Shop/Models/PaymentSource.swift",
                "Sources/Shop/Models/Retention.swift", "docs/Customer.md", "docs/PaymentSource.md",
                "docs/Retention.md",
            ])
        for path in dropped where path.hasPrefix("Sources/") {
            let name = String(path.split(separator: "/").last?.dropLast(".swift".count) ?? "")
            let users = filtered.filter { $0.key.hasPrefix("Sources/") && $0.value.contains(name) }.keys.sorted()
            #expect(users.isEmpty, "\(name) was dropped but \(users) use it")
        }
    }

    @Test func filterEntriesThatMatchNothing() {
        #expect(
            Self.error("filters:\n  tags: [petz]\n")
                == "bindery.yaml:2:10: error: no operation has the tag 'petz'; did you mean 'pets'?")
        #expect(
            Self.error("filters:\n  operations: [getPets]\n")
                == "bindery.yaml:2:16: error: no operation has the operationId 'getPets'; did you mean 'getPet'?")
        #expect(
            Self.error("filters:\n  paths: [/store]\n")
                == "bindery.yaml:2:11: error: no path of the description matches '/store'; did you mean '/stores'?")
        #expect(
            Self.error("filters:\n  schemas: [Orphans]\n")
                == "bindery.yaml:2:13: error: no component schema is named 'Orphans'; did you mean 'Orphan'?")
    }

    // MARK: - naming

    @Test func namingTypes() throws {
        let files = try Self.generate(
            """
            naming:
              types:
                Pet: Animal2
                Animal: Creature
                '#/components/schemas/Pet/properties/status': PetStatus
                '#/tags/pets': PetStore
                '#/paths/~1pets~1{id}/get': PetReply
            """)
        let pet = try #require(files["Sources/Shop/Models/Animal2.swift"])
        #expect(pet.contains("public nonisolated struct Animal2: Codable"))
        #expect(pet.contains("    public var status: Animal2.PetStatus\n"))
        #expect(files["Sources/Shop/Models/Creature.swift"] != nil && files["Sources/Shop/Models/Pet.swift"] == nil)
        let api = try #require(files["Sources/Shop/APIs/PetStore.swift"])
        #expect(api.contains("public func getPetResponse(\n        id: PetID\n    ) async throws -> PetReply {"))
        #expect(api.contains("-> Animal2 {"))
    }

    /// A chosen name is given exactly; a generated name that would be the same makes way.
    @Test func namingTypesGeneratedNamesMakeWay() throws {
        let files = try Self.generate("naming:\n  types: {Store: Pet}\n")
        #expect(files["Sources/Shop/Models/Pet.swift"]?.contains("struct Pet: Codable") == true)
        #expect(files["Sources/Shop/Models/Pet.swift"]?.contains("public var address") == true)
        #expect(files["Sources/Shop/Models/Pet2.swift"]?.contains("public var status") == true)
    }

    @Test func namingTypesErrors() {
        #expect(
            Self.error("naming:\n  types: {Pet: String}\n")
                == "bindery.yaml:2:16: error: 'String' cannot name 'Pet': the name is taken (by a type the runtime, "
                + "Swift or Foundation declares, or by another type of this scope)")
        #expect(
            Self.error("naming:\n  types: {Pet: Thing, Store: Thing}\n")
                == "bindery.yaml:2:30: error: 'Thing' cannot name 'Store': the name is taken (by a type the "
                + "runtime, Swift or Foundation declares, or by another type of this scope)")
        #expect(
            Self.error("naming:\n  types: {Pett: Animal}\n")
                == "bindery.yaml:2:11: error: no component schema is named 'Pett'; did you mean 'Pet'?")
        #expect(
            Self.error("naming:\n  types: {'#/components/schemas/Pet/properties/stats': S}\n")
                == "bindery.yaml:2:11: error: no generated type comes from "
                + "'#/components/schemas/Pet/properties/stats'; did you mean "
                + "'#/components/schemas/Pet/properties/status'?")
        // A property written in an `allOf` part is the struct's: its type is reached there.
        #expect(
            Self.error("naming:\n  types: {'#/components/schemas/Pet/allOf/1/properties/status': S}\n")
                == "bindery.yaml:2:11: error: no generated type comes from "
                + "'#/components/schemas/Pet/allOf/1/properties/status'; did you mean "
                + "'#/components/schemas/Pet/properties/status'?")
        #expect(
            Self.error("naming:\n  types: {Pet: A, '#/components/schemas/Pet': B}\n")
                == "bindery.yaml:2:19: error: '#/components/schemas/Pet' names the same schema as the entry at line 2, "
                + "column 11")
        #expect(
            Self.error("naming:\n  types: {'components/schemas/Pet': A}\n")
                == "bindery.yaml:2:11: error: no component schema is named 'components/schemas/Pet'")
        #expect(
            Self.error("naming:\n  types: {'#components': A}\n")
                == "bindery.yaml:2:11: error: '#components' is not a JSON pointer: write a component's name ('Pet') "
                + "or a pointer ('#/components/schemas/Pet/properties/status')")
    }

    /// An override of something the filters dropped is no mistake: the file can be shared by targets that filter
    /// differently.
    @Test func overridesOfWhatTheFiltersDropped() throws {
        let files = try Self.generate(
            """
            filters: {tags: [stores]}
            naming:
              types: {Pet: Animal2, '#/components/schemas/Pet/properties/status': S}
              operations: {getPet: fetchPet}
              properties: {Pet: {status: state}}
              enumCases: {Camera: {front: ahead}}
            typeOverrides: {Money: Decimal}
            """)
        #expect(Self.models(files) == ["NewStore", "Store"])
    }

    @Test func namingOperations() throws {
        let api = try #require(
            try Self.generate("naming:\n  operations: {getPet: fetchPet, POST /stores: openStore}\n")[
                "Sources/Shop/APIs/PetsApi.swift"])
        #expect(api.contains("public func fetchPet(\n"))
        #expect(api.contains("public func fetchPetResponse(\n"))
        #expect(api.contains("public indirect enum FetchPetResponse: Sendable {"))
        #expect(!api.contains("func getPet"))
        let stores = try #require(
            try Self.generate("naming:\n  operations: {POST /stores: openStore}\n")["Sources/Shop/APIs/StoresApi.swift"]
        )
        #expect(stores.contains("public func openStore("))
        #expect(
            Self.error("naming:\n  operations: {getPet: listPets}\n")
                == "no error")
        #expect(
            Self.error("naming:\n  operations: {getPet: x, updatePet: x}\n")
                == "bindery.yaml:2:38: error: 'x' cannot name operation 'updatePet': the name is taken in its API type")
        #expect(
            Self.error("naming:\n  operations: {getPets: x}\n")
                == "bindery.yaml:2:16: error: no operation has the operationId 'getPets'; did you mean 'getPet'?")
    }

    @Test func namingProperties() throws {
        let files = try Self.generate("naming:\n  properties:\n    Animal: {name: title, x-id: identifier}\n")
        let animal = try #require(files["Sources/Shop/Models/Animal.swift"])
        #expect(animal.contains("    public var title: String?\n"))
        #expect(animal.contains("self.title = try container.decodeIfPresent(String.self, \"name\")\n"))
        #expect(animal.contains("    public var identifier: String?\n"))
        // Pet includes Animal through `allOf`: its copies of the properties are named the same.
        let pet = try #require(files["Sources/Shop/Models/Pet.swift"])
        #expect(pet.contains("    public var title: String?\n") && pet.contains("    public var identifier: String?\n"))
        let own = try #require(
            try Self.generate("naming:\n  properties:\n    Animal: {name: title}\n    Pet: {name: petName}\n")[
                "Sources/Shop/Models/Pet.swift"])
        #expect(own.contains("    public var petName: String?\n"))
        #expect(
            Self.error("naming:\n  properties:\n    Animal: {nmae: title}\n")
                == "bindery.yaml:3:14: error: 'Animal' has no property 'nmae'; did you mean 'name'?")
        #expect(
            Self.error("naming:\n  properties:\n    Camera: {front: x}\n")
                == "bindery.yaml:3:5: error: 'Camera' is not generated as a struct")
        #expect(
            Self.error("naming:\n  properties:\n    Animal: {name: self}\n")
                == "bindery.yaml:3:20: error: 'self' cannot name property 'name' of 'Animal': the name is taken")
    }

    @Test func namingEnumCases() throws {
        let files = try Self.generate(
            """
            naming:
              enumCases:
                Camera: {front: selfie}
                '#/components/schemas/Pet/properties/status': {sold: gone}
            """)
        #expect(files["Sources/Shop/Models/Camera.swift"]?.contains("    case selfie\n") == true)
        #expect(files["Sources/Shop/Models/Camera.swift"]?.contains("case .selfie: \"front\"") == true)
        #expect(files["Sources/Shop/Models/Pet.swift"]?.contains("        case gone\n") == true)
        #expect(
            Self.error("naming:\n  enumCases:\n    Camera: {frnt: x}\n")
                == "bindery.yaml:3:14: error: 'Camera' has no value 'frnt'; did you mean 'front'?")
        #expect(
            Self.error("naming:\n  enumCases:\n    Toy: {a: b}\n")
                == "bindery.yaml:3:5: error: 'Toy' is not generated as an enum")
        #expect(
            Self.error("naming:\n  enumCases:\n    Camera: {front: back}\n")
                == "no error")
        #expect(
            Self.error("naming:\n  enumCases:\n    Camera: {front: x, back: x}\n")
                == "bindery.yaml:3:30: error: 'x' cannot name the case of 'back' in 'Camera': the name is taken")
    }

    // MARK: - typeOverrides

    @Test func typeOverrides() throws {
        let files = try Self.generate(
            """
            typeOverrides:
              Money: Decimal
              '#/components/schemas/Pet/properties/labels': '[String: String]'
            """)
        let pet = try #require(files["Sources/Shop/Models/Pet.swift"])
        #expect(pet.contains("    public var price: Decimal?\n"))
        #expect(pet.contains("    public var labels: [String: String]?\n"))
        #expect(files["Sources/Shop/Models/Money.swift"] == nil && files["docs/Money.md"] == nil)
        // Without filters every component is generated, Currency too; with them, what only Money uses is not.
        #expect(files["Sources/Shop/Models/Currency.swift"] != nil)
        let filtered = try Self.generate("filters: {tags: [pets]}\ntypeOverrides: {Money: Decimal}\n")
        #expect(!Self.models(filtered).contains("Currency") && !Self.models(filtered).contains("Money"))
        #expect(Self.models(filtered).contains("Label"))
        // A type override where a schema is used cuts what only that use reaches: Stripe's errors refer to payment
        // intents, which refer to nearly everything.
        let cut = try Self.generate(
            """
            filters: {operations: [getPet]}
            typeOverrides:
              '#/components/schemas/Pet/properties/toy': JSONValue
              '#/components/schemas/Pet/properties/owner/oneOf/1': String
            """)
        #expect(!Self.models(cut).contains("Toy") && !Self.models(cut).contains("Company"))
        #expect(Self.models(cut).contains("Friend") && Self.models(cut).contains("Person"))
        let cutPet = try #require(cut["Sources/Shop/Models/Pet.swift"])
        #expect(cutPet.contains("    public var toy: JSONValue?\n"))
        #expect(cutPet.contains("        case string(String)\n"))
    }

    @Test func typeOverridesErrors() {
        #expect(
            Self.error("typeOverrides: {Mony: Decimal}\n")
                == "bindery.yaml:1:17: error: no component schema is named 'Mony'; did you mean 'Money'?")
        #expect(
            Self.error("typeOverrides: {'#/components/schemas/Pet/properties/prize': Decimal}\n")
                == "bindery.yaml:1:17: error: no schema the generated code uses is at "
                + "'#/components/schemas/Pet/properties/prize'; did you mean "
                + "'#/components/schemas/Pet/properties/price'?")
        #expect(
            Self.error("typeOverrides: {Money: Decimal}\nnaming:\n  types: {Money: Cash}\n")
                == "bindery.yaml:3:11: error: 'Money' is replaced by a type override, so no type is generated to name")
    }
}
