import BinderyOpenAPI
import TestExecutors
import Testing

/// OpenAPI 3.1's JSON Schema 2020-12 keywords: `const`, `prefixItems`, `$defs`, `$id` and `$anchor`.
@Suite(.computing) struct SchemaKeywordTests {
    @Test func readsConstAndKeepsAnEnumOfOneValue() throws {
        let document = try readDocument(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A:
                  properties:
                    three: {const: 3}
                    text: {type: string, const: 'on'}
                    none: {const: null}
            """
        )
        #expect(document.property("three", of: "A")?.constValue == .scalar("3", isQuoted: false))
        #expect(document.property("three", of: "A")?.enumValues == nil)
        #expect(document.property("text", of: "A")?.constValue == .scalar("on", isQuoted: true))
        #expect(document.property("none", of: "A")?.constValue == .null)

        let old = try readDocument(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {type: string, enum: [only]}
            """
        )
        #expect(old.schema(named: "A")?.enumValues == [.scalar("only", isQuoted: false)])
        #expect(old.schema(named: "A")?.constValue == nil)
    }

    @Test func readsPrefixItems() throws {
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Point:
                  type: array
                  prefixItems: [{type: number}, {type: number}, {$ref: '#/components/schemas/Label'}]
                  items: false
                  minItems: 2
                  maxItems: 3
                Label: {type: string}
                Odd: {type: array, minItems: '2', maxItems: -1}
            """
        )
        #expect(
            warnings == [
                "spec.yaml:12:34: warning: 'minItems' is not a count of items; ignored",
                "spec.yaml:12:49: warning: 'maxItems' is not a count of items; ignored",
            ])
        let point = try #require(document.schema(named: "Point"))
        #expect(point.prefixItems.map(\.types) == [[.number], [.number], []])
        #expect(point.prefixItems[2].ref?.pointer.description == "/components/schemas/Label")
        #expect(point.items?.not != nil)
        #expect(point.minItems == 2 && point.maxItems == 3)
        #expect(document.schema(named: "Odd")?.minItems == nil && document.schema(named: "Odd")?.maxItems == nil)
    }

    @Test func readsItemsWrittenAsAListAsPrefixItems() throws {
        let (document, warnings) = try readDocumentAndWarnings(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            components:
              schemas:
                Pair: {type: array, items: [{type: string}, {type: integer}], additionalItems: false}
                Open: {type: array, items: [{type: string}], additionalItems: {type: boolean}}
            """
        )
        #expect(
            warnings == [
                "spec.yaml:5:32: warning: 'items' as a list of schemas is JSON Schema draft 2019-09 and earlier; read "
                    + "as 'prefixItems'",
                "spec.yaml:6:32: warning: 'items' as a list of schemas is JSON Schema draft 2019-09 and earlier; read "
                    + "as 'prefixItems'",
            ])
        #expect(document.schema(named: "Pair")?.prefixItems.map(\.types) == [[.string], [.integer]])
        #expect(document.schema(named: "Pair")?.items?.not != nil)
        #expect(document.schema(named: "Open")?.items?.types == [.boolean])
    }

    @Test func refersToDefsAnywhere() throws {
        let document = try readDocument(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            $defs:
              Root: {type: integer}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    b: {$ref: '#/components/schemas/A/$defs/B'}
                    root: {$ref: '#/$defs/Root'}
                  $defs:
                    B: {type: string}
            """
        )
        #expect(document.property("b", of: "A")?.ref?.pointer.description == "/components/schemas/A/$defs/B")
        #expect(document.schema(named: "B")?.types == [.string])
        #expect(document.property("root", of: "A")?.ref?.pointer.description == "/$defs/Root")
        #expect(document.schema(named: "Root")?.types == [.integer])
    }

    @Test func refersToDefsOfASchemaFile() throws {
        let files = try TemporaryFiles([
            "api.yaml": """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Shape: {$ref: 'shape.json'}
            """,
            "shape.json": """
            {"type": "object", "properties": {"side": {"$ref": "#/$defs/length"}},
             "$defs": {"length": {"type": "number"}}}
            """,
        ])
        let (document, _) = try OpenAPIReader.read(path: files.path("api.yaml"))
        let shape = try #require(document.schemas.entries.first { document.schemas.name(of: $0.id) == "Shape" })
        #expect(shape.schema.properties.first?.schema.ref?.pointer.description == "/$defs/length")
        #expect(document.schema(named: "length")?.types == [.number])
    }

    /// The shape of Petstore 3.1's `$ref: /components/schemas/petdetails#pet_details_id`.
    static let identifiedSchemas = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        components:
          schemas:
            Pet:
              type: object
              properties:
                details: {$ref: /components/schemas/petdetails}
                detailsId: {$ref: '/components/schemas/petdetails#pet_details_id'}
                tag: {$ref: 'https://example.com/schemas/tag'}
                top: {$ref: '#top'}
            PetDetails:
              $id: /components/schemas/petdetails
              type: object
              properties:
                id: {type: integer, format: int64, $anchor: pet_details_id}
                tag: {$ref: '#/components/schemas/Tag'}
                inner: {$ref: '#/$defs/Inner'}
              $defs:
                Inner: {type: string}
            Tag:
              $id: https://example.com/schemas/tag
              type: object
              properties:
                other: {$ref: other}
            Other:
              $id: https://example.com/schemas/other
              type: string
            Top:
              $anchor: top
              type: boolean
        """

    @Test func resolvesReferencesByIdAndAnchor() throws {
        let (document, warnings) = try readDocumentAndWarnings(Self.identifiedSchemas)
        #expect(warnings.isEmpty)
        func target(_ property: String, of name: String) -> String? {
            document.property(property, of: name)?.ref?.description
        }
        #expect(target("details", of: "Pet") == "spec.yaml#/components/schemas/PetDetails")
        #expect(target("detailsId", of: "Pet") == "spec.yaml#/components/schemas/PetDetails/properties/id")
        #expect(target("tag", of: "Pet") == "spec.yaml#/components/schemas/Tag")
        #expect(target("top", of: "Pet") == "spec.yaml#/components/schemas/Top")
        // Inside a schema with an $id: JSON pointers in it first, the document's when it has none.
        #expect(target("inner", of: "PetDetails") == "spec.yaml#/components/schemas/PetDetails/$defs/Inner")
        #expect(target("tag", of: "PetDetails") == "spec.yaml#/components/schemas/Tag")
        // Relative to the $id of the schema the reference is in.
        #expect(target("other", of: "Tag") == "spec.yaml#/components/schemas/Other")

        // A schema reached by its anchor is named after it.
        let anchored = try #require(document.property("detailsId", of: "Pet")?.ref)
        #expect(document.schemas.name(of: anchored) == "pet_details_id")
        #expect(document.schemas[anchored]?.types == [.integer])
        #expect(document.schemas.entries.filter { $0.id.nameHint == "PetDetails" }.count == 1)
    }

    @Test func reportsAnUnknownAnchorAtTheReference() {
        let yaml = Self.identifiedSchemas.replacingOccurrences(of: "#pet_details_id'", with: "#nope'")
        let error = readError(yaml)
        #expect(
            error?.description
                == "spec.yaml:9:27: error: cannot resolve reference '/components/schemas/petdetails#nope': the schema "
                + "with $id 'file:///components/schemas/petdetails' has no '$anchor: nope'")
    }

    @Test func ignoresIdsInOpenAPI30() {
        let yaml = Self.identifiedSchemas.replacingOccurrences(of: "openapi: 3.1.0", with: "openapi: 3.0.3")
        #expect(
            readError(yaml)?.description
                == "spec.yaml:8:25: error: cannot read referenced file '/components/schemas/petdetails'")
    }

    @Test func rejectsAReferenceToSomethingThatIsNotASchema() {
        func error(_ ref: String) -> String? {
            readError(
                """
                openapi: 3.0.3
                info: {title: T, version: '1'}
                paths:
                  /a:
                    get:
                      parameters:
                        - {name: p, in: query, schema: {$ref: '\(ref)'}}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {type: string}
                components:
                  responses:
                    R: {description: r}
                  parameters:
                    P: {name: p, in: query, schema: {type: string}}
                """
            )?.description
        }
        #expect(
            error("#/components/responses/R")
                == "spec.yaml:7:47: error: '$ref' '#/components/responses/R' refers to a response, where a schema is "
                + "expected")
        #expect(
            error("#/components/parameters/P")?.hasSuffix("refers to a parameter, where a schema is expected") == true)
        #expect(error("#/paths/~1a")?.hasSuffix("refers to a path item, where a schema is expected") == true)
        #expect(error("#/paths/~1a/get")?.hasSuffix("refers to an operation, where a schema is expected") == true)
        #expect(error("#/info")?.hasSuffix("refers to 'info', where a schema is expected") == true)
        // A schema somewhere under paths is a schema.
        #expect(error("#/paths/~1a/get/responses/200/content/application~1json/schema") == nil)
    }

    @Test func rejectsAComponentSchemaThatRefersToAResponse() {
        let error = readError(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {$ref: '#/components/responses/R'}
              responses:
                R: {description: r}
            """
        )
        #expect(
            error?.description
                == "spec.yaml:5:15: error: '$ref' '#/components/responses/R' refers to a response, where a schema is "
                + "expected")
    }

    @Test func acceptsSchemasInFilesThatAreNotDescriptions() throws {
        let files = try TemporaryFiles([
            "api.yaml": """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            components:
              schemas:
                Error: {$ref: 'models.yaml#/responses/Error'}
            """,
            "models.yaml": "responses:\n  Error: {type: object}\n",
        ])
        let (document, _) = try OpenAPIReader.read(path: files.path("api.yaml"))
        #expect(document.schemas.count == 1)
    }
}
