import BinderyModel
import BinderyOpenAPI
import TestExecutors
import Testing

/// Multipart bodies: one parameter per part, of the kind the schema and the `encoding` give.
@Suite(.computing) struct MultipartTranslationTests {
    /// The part a parameter is, if it is one.
    func part(_ parameter: ParameterDefinition?) -> MultipartPart? {
        if case .multipartPart(let part) = parameter?.location { return part }
        return nil
    }

    @Test func objectSchemaBecomesOnePartPerPropertyInDocumentOrder() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /uploads/{id}:
                post:
                  operationId: upload
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [photo, caption, meta]
                          properties:
                            photo: {type: string, format: binary, description: The picture.}
                            caption: {type: string}
                            count: {type: integer}
                            tags: {type: array, items: {type: string}}
                            scans: {type: array, items: {type: string, format: binary}}
                            avatar: {type: string, contentMediaType: image/webp}
                            meta:
                              type: object
                              properties:
                                size: {type: integer}
                            pet: {$ref: '#/components/schemas/Pet'}
                            kind: {$ref: '#/components/schemas/Kind'}
                            note: {type: string}
                            nickname: {type: [string, 'null']}
                            id: {type: string, readOnly: true}
                            raw: {format: binary}
                            thumb: {type: string, format: binary}
                        encoding:
                          photo:
                            contentType: image/png, image/jpeg
                            headers:
                              X-Photo-Source:
                                description: Where the photo was taken.
                                required: true
                                schema: {type: string}
                              Content-Type:
                                schema: {type: string}
                          note:
                            contentType: application/json
                          thumb:
                            contentType: image/*
                          caption:
                            contentType: text/plain; charset=utf-8
                  responses:
                    '204': {description: Stored.}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string}
                Kind:
                  type: string
                  enum: [cat, dog]
            """
        )
        #expect(warnings.isEmpty, "\(warnings)")
        let operation = try #require(model.apis.first?.operations.first)
        #expect(operation.requestBody?.encoding == .multipart)
        #expect(operation.requestBody?.contentType == "multipart/form-data")
        #expect(
            operation.parameters.map(\.swiftName) == [
                "id", "photo", "photoXPhotoSource", "caption", "count", "tags", "scans", "avatar", "meta", "pet",
                "kind", "note", "nickname", "raw", "thumb",
            ], "the read-only 'id' is not sent; the path's 'id' is; a part's header follows the part")
        let parts = Dictionary(
            uniqueKeysWithValues: operation.parameters.dropFirst().filter { part($0) != nil }.map { ($0.name, $0) })
        #expect(operation.parameters.first?.location == .request(.path))

        // Kinds.
        #expect(part(parts["photo"])?.kind == .file)
        #expect(part(parts["scans"])?.kind == .file)
        #expect(part(parts["avatar"])?.kind == .file)
        #expect(part(parts["raw"])?.kind == .file, "format: binary without a type is a file")
        #expect(part(parts["caption"])?.kind == .text)
        #expect(part(parts["count"])?.kind == .text)
        #expect(part(parts["tags"])?.kind == .text)
        #expect(part(parts["kind"])?.kind == .text)
        #expect(part(parts["meta"])?.kind == .json)
        #expect(part(parts["pet"])?.kind == .json)
        #expect(part(parts["note"])?.kind == .json, "a JSON contentType makes a string a JSON part")

        // Types: files are MultipartFile, arrays of files an array of them; the rest as everywhere else.
        #expect(parts["photo"]?.type == .multipartFile)
        #expect(parts["scans"]?.type == .array(.multipartFile))
        #expect(parts["avatar"]?.type == .multipartFile)
        #expect(parts["caption"]?.type == .string)
        #expect(parts["count"]?.type == .int)
        #expect(parts["tags"]?.type == .array(.string))
        #expect(code(model, parts["pet"]?.type) == "Pet")
        #expect(code(model, parts["kind"]?.type) == "Kind")
        #expect(code(model, parts["meta"]?.type) == "UploadMeta")

        // Required parts are not optional; a nullable one is, required or not.
        #expect(
            operation.parameters.filter { !$0.isOptional }.map(\.name) == [
                "id", "photo", "X-Photo-Source", "caption", "meta",
            ])
        #expect(parts["nickname"]?.isOptional == true)

        // The encoding: a list of content types keeps its order and sends the first; contentMediaType is the
        // default for a file; the Content-Type header of an encoding is left out (OpenAPI ignores it).
        #expect(part(parts["photo"])?.contentTypes == ["image/png", "image/jpeg"])
        #expect(part(parts["photo"])?.contentType == "image/png")
        #expect(part(parts["avatar"])?.contentType == "image/webp")
        #expect(part(parts["caption"])?.contentType == "text/plain; charset=utf-8")
        #expect(part(parts["note"])?.contentType == "application/json")
        #expect(part(parts["count"])?.contentType == nil)
        #expect(part(parts["thumb"])?.contentTypes == ["image/*"])
        #expect(part(parts["thumb"])?.contentType == nil, "a range is not a Content-Type")
        #expect(part(parts["meta"])?.contentType == nil)
        #expect(
            part(parts["photo"])?.headers == [
                .init(
                    name: "X-Photo-Source", isRequired: true,
                    documentation: Documentation(description: "Where the photo was taken."),
                    swiftName: "photoXPhotoSource")
            ])
        // The header's value is a parameter of its own, typed like a header parameter.
        let header = try #require(operation.parameters.first { $0.swiftName == "photoXPhotoSource" })
        #expect(header.location == .multipartPartHeader(part: "photo"))
        #expect(header.name == "X-Photo-Source")
        #expect(header.type == .string)
        #expect(header.documentation.description == "Where the photo was taken.")
        #expect(parts["photo"]?.documentation.description == "The picture.")
    }

    /// OpenAI's `model: anyOf [string, enum]` is a text field; a JSON part would send it quoted.
    @Test func unionsOfPrimitivesAreTextParts() throws {
        let (model, _) = try translate(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            model:
                              anyOf:
                                - {type: string}
                                - {type: string, enum: [small, large]}
                            seed: {oneOf: [{type: integer}, {type: 'null'}]}
                            shape:
                              oneOf:
                                - {type: string}
                                - {type: object, properties: {sides: {type: integer}}}
                  responses:
                    '204': {description: Done.}
            """
        )
        let parameters = try #require(model.apis.first?.operations.first?.parameters)
        #expect(parameters.map { part($0)?.kind } == [.text, .text, .json])
    }

    /// An object can only be written as JSON; a part that asks for XML is sent as JSON and says so.
    @Test func aStructuredPartWithANonJSONContentTypeIsSentAsJSONWithAWarning() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            order: {type: object, properties: {id: {type: integer}}}
                        encoding:
                          order: {contentType: application/xml}
                  responses:
                    '204': {description: Done.}
            """
        )
        let parameter = try #require(model.apis.first?.operations.first?.parameters.first)
        #expect(part(parameter)?.kind == .json)
        #expect(part(parameter)?.contentType == "application/json")
        #expect(warnings.map(\.message).contains { $0.contains("part 'order' is structured") }, "\(warnings)")
    }

    /// A part's headers are typed parameters, optional when the part is; `Content-Disposition` names the part and
    /// is the runtime's to write, so it is left out, with a warning.
    @Test func partHeadersAreTypedParametersAndContentDispositionIsLeftOut() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: send
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            file: {type: string, format: binary}
                        encoding:
                          file:
                            headers:
                              X-Rate-Limit: {required: true, schema: {type: integer}}
                              X-Mode: {schema: {type: string, enum: [fast, slow]}}
                              Content-Disposition: {schema: {type: string}}
                  responses:
                    '204': {description: Done.}
            """
        )
        let parameters = try #require(model.apis.first?.operations.first?.parameters)
        #expect(parameters.map(\.swiftName) == ["file", "fileXRateLimit", "fileXMode"])
        #expect(parameters[1].type == .int)
        #expect(code(model, parameters[2].type) == "SendFileXMode")
        #expect(parameters.allSatisfy { $0.isOptional }, "the body is optional, so its parts and their headers are")
        #expect(part(parameters[0])?.headers.map(\.name) == ["X-Rate-Limit", "X-Mode"])
        #expect(
            warnings.map(\.message) == [
                "part header 'Content-Disposition' of 'file' is written by the runtime, which names the part; ignored"
            ])
    }

    @Test func anOptionalBodyMakesEveryPartOptional() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                put:
                  requestBody:
                    content:
                      multipart/mixed:
                        schema:
                          type: object
                          required: [a]
                          properties:
                            a: {type: string}
                  responses:
                    '204': {description: Done.}
            """
        )
        let operation = try #require(model.apis.first?.operations.first)
        #expect(operation.parameters.map(\.isOptional) == [true])
        #expect(operation.requestBody?.contentType == "multipart/mixed")
        #expect(part(operation.parameters.first)?.kind == .text)
    }

    @Test func swagger2FileFieldsAreFileParts() throws {
        let (model, warnings) = try translate(
            """
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /pet/{petId}/uploadImage:
                post:
                  operationId: uploadFile
                  consumes: [multipart/form-data]
                  parameters:
                    - {name: petId, in: path, required: true, type: integer, format: int64}
                    - {name: additionalMetadata, in: formData, type: string}
                    - {name: file, in: formData, required: true, type: file}
                  responses:
                    '200': {description: OK}
            """
        )
        #expect(warnings.isEmpty, "\(warnings)")
        let operation = try #require(model.apis.first?.operations.first)
        #expect(operation.requestBody?.encoding == .multipart)
        #expect(operation.parameters.map(\.swiftName) == ["petId", "additionalMetadata", "file"])
        #expect(part(operation.parameters[1])?.kind == .text)
        #expect(part(operation.parameters[2])?.kind == .file)
        #expect(operation.parameters[2].type == .multipartFile)
        #expect(operation.parameters.map(\.isOptional) == [false, true, false])
    }

    @Test func aBodyWithoutAnObjectSchemaStaysRawDataAndSaysWhy() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: sendList
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: array, items: {type: string}}
                  responses:
                    '204': {description: Done.}
              /b:
                post:
                  operationId: sendAnything
                  requestBody:
                    content:
                      multipart/form-data: {}
                  responses:
                    '204': {description: Done.}
            """
        )
        let operations = try #require(model.apis.first?.operations)
        for operation in operations {
            #expect(operation.requestBody?.encoding == .binary)
            #expect(operation.parameters.map(\.location) == [.body])
            #expect(operation.parameters.map(\.type) == [.data])
        }
        #expect(warnings.count == 2)
        #expect(warnings.first?.message.contains("schema is not an object") == true, "\(warnings)")
        #expect(warnings.last?.message.contains("has no schema") == true, "\(warnings)")
        #expect(!warnings.contains { $0.message.contains("not supported yet") })
    }
}
