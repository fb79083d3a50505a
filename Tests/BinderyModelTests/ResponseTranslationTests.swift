import BinderyModel
import TestExecutors
import Testing

/// Responses in the model: their headers, the media types asked for in `Accept`, and the catch-all case.
@Suite(.computing) struct ResponseTranslationTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: Pets, version: 1.0.0}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: The pets
                  headers:
                    X-Rate-Limit-Remaining:
                      description: Requests left.
                      required: true
                      schema: {type: integer, format: int32}
                    X-Rate-Limit-Policy:
                      schema: {type: string, enum: [fixed, sliding]}
                    Last-Modified:
                      deprecated: true
                      schema: {type: string, format: date-time}
                    Content-Type:
                      schema: {type: string}
                  content:
                    text/plain:
                      schema: {type: array, items: {type: string}}
                    application/vnd.pets+json:
                      schema: {type: array, items: {type: string}}
                    application/json:
                      schema: {type: array, items: {type: string}}
                    application/*+json:
                      schema: {type: array, items: {type: string}}
                2XX:
                  description: Accepted
                  headers:
                    Location: {schema: {type: string}}
                '404':
                  description: Not found
                  content:
                    text/plain: {schema: {type: string}}
                    text/html: {schema: {type: string}}
                    application/xml: {schema: {type: string}}
                default:
                  description: Error
                  content:
                    image/*: {schema: {type: string, format: binary}}
          /report:
            get:
              operationId: getReport
              responses:
                '200':
                  description: A report
                  content:
                    application/json:
                      schema: {type: object}
                default:
                  description: Error
                  content:
                    application/problem+json:
                      schema: {type: object}
        """

    @Test func responseHeadersAreTypedProperties() throws {
        let (model, warnings) = try translate(Self.spec)
        #expect(warnings.isEmpty, "\(warnings)")
        let operation = try #require(model.apis.first?.operations.first { $0.swiftName == "listPets" })
        let ok = try #require(operation.responses.first)
        // Content-Type is described by `content`, not as a header.
        #expect(ok.headers.map(\.name) == ["X-Rate-Limit-Remaining", "X-Rate-Limit-Policy", "Last-Modified"])
        #expect(ok.headers.map(\.swiftName) == ["xRateLimitRemaining", "xRateLimitPolicy", "lastModified"])
        #expect(ok.headers.map { code(model, $0.type) } == ["Int32", "ListPetsOkXRateLimitPolicy", "Date"])
        #expect(ok.headers.map(\.isRequired) == [true, false, false])
        #expect(ok.headers.map(\.deprecated) == [false, false, true])
        #expect(ok.headers.first?.documentation.paragraphs == ["Requests left."])
        #expect(ok.headersTypeName == "ListPetsOkHeaders")
        // The inline enum is a model of its own, found from the header's place in the document.
        let policy = try #require(model.types.first { $0.name == "ListPetsOkXRateLimitPolicy" })
        #expect(policy.id.rawValue.hasSuffix("/responses/200/headers/X-Rate-Limit-Policy"))

        let range = try #require(operation.responses.first { $0.status == .range(2) })
        #expect(range.headers.map(\.name) == ["Location"])
        #expect(range.headersTypeName == "ListPetsSuccessHeaders")
        let notFound = try #require(operation.responses.first { $0.status == .code(404) })
        #expect(notFound.headers.isEmpty)
        #expect(notFound.headersTypeName == "")
    }

    @Test func acceptListsWhatTheClientCanRead() throws {
        let (model, _) = try translate(Self.spec)
        let operations = try #require(model.apis.first?.operations)
        let list = try #require(operations.first { $0.swiftName == "listPets" })
        // 200 is decoded as JSON: application/json first, then the other JSON types; never text/plain, and never
        // `application/*+json`, which Accept cannot carry. 404 is text: its text types only. `default` is bytes:
        // whatever it lists.
        #expect(
            list.acceptedContentTypes == [
                "application/json", "application/vnd.pets+json", "text/plain", "text/html", "image/*",
            ])
        #expect(list.responses.map(\.checksContentType) == [true, false, false, false])

        let report = try #require(operations.first { $0.swiftName == "getReport" })
        #expect(report.acceptedContentTypes == ["application/json", "application/problem+json"])
    }

    @Test func aJSONDefaultStillHasACatchAll() throws {
        let (model, _) = try translate(Self.spec)
        let operations = try #require(model.apis.first?.operations)
        // `default` expects JSON: a body that is not JSON needs a case of its own.
        #expect(operations.first { $0.swiftName == "getReport" }?.undocumentedCaseName == "undocumented")
        // `default` takes any body (bytes): it is the catch-all.
        #expect(operations.first { $0.swiftName == "listPets" }?.undocumentedCaseName == nil)
    }

    /// An operation with a binary success gets a `…Streaming` variant that reads it as a byte stream, for the
    /// statuses of its binary successes; binary error bodies, and binary successes beside a body that streams by
    /// its media type, are read whole.
    @Test func binarySuccessesGetAByteStreamingVariant() throws {
        let (model, warnings) = try translate(
            """
            openapi: 3.0.3
            info: {title: Files, version: 1.0.0}
            paths:
              /files:
                get:
                  operationId: downloadFile
                  responses:
                    '200': {description: The file, content: {application/octet-stream: {}}}
                    '206': {description: Part of it, content: {application/octet-stream: {}}}
                    '404': {description: Not found, content: {application/json: {schema: {type: object}}}}
              /export:
                get:
                  operationId: exportAll
                  responses:
                    default: {description: The export, content: {application/zip: {}}}
              /report:
                get:
                  operationId: report
                  responses:
                    '204': {description: No report yet}
                    2XX: {description: The report, content: {application/pdf: {}}}
                    4XX: {description: An error, content: {image/png: {}}}
              /chat:
                get:
                  operationId: chat
                  responses:
                    '200': {description: Text, content: {application/json: {}, text/event-stream: {}}}
                    '206': {description: Bytes, content: {application/octet-stream: {}}}
              /errors:
                get:
                  operationId: failWithAPicture
                  responses:
                    '204': {description: Done}
                    '500': {description: A picture of the error, content: {image/png: {}}}
            """)
        #expect(warnings.isEmpty, "\(warnings)")
        let operations = try #require(model.apis.first?.operations)
        let operation = { (name: String) in operations.first { $0.swiftName == name } }

        let file = try #require(operation("downloadFile"))
        let fileStreaming = try #require(operation("downloadFileStreaming"))
        #expect(file.byteStreamingVariant == "downloadFileStreaming")
        #expect(file.byteStreamStatuses == nil)
        #expect(fileStreaming.streamingVariantOf == "downloadFile")
        #expect(fileStreaming.responses.map { $0.body == .byteStream } == [true, true, false])
        #expect(fileStreaming.byteStreamStatuses == .codes([200, 206]))
        #expect(fileStreaming.simpleResult == .byteStream)
        #expect(fileStreaming.streamingContentTypes.isEmpty)
        #expect(fileStreaming.acceptedContentTypes == file.acceptedContentTypes)

        // `default` is the success here, for the 2xx statuses.
        let export = try #require(operation("exportAllStreaming"))
        #expect(export.byteStreamStatuses == .successes(except: []))
        #expect(export.undocumentedCaseName == nil)

        // Successes of different kinds: no simple method, on either.
        let report = try #require(operation("report"))
        let reportStreaming = try #require(operation("reportStreaming"))
        #expect(report.byteStreamingVariant == "reportStreamingResponse")
        #expect(reportStreaming.streamingVariantOf == "reportResponse")
        #expect(reportStreaming.byteStreamStatuses == .successes(except: [204]))
        #expect(reportStreaming.responses.map(\.body) == [nil, .byteStream, .binary])
        #expect(reportStreaming.simpleResult == nil)

        let chat = try #require(operation("chatStreaming"))
        #expect(chat.streamingContentTypes == ["text/event-stream"])
        #expect(!chat.streamsBytes)
        #expect(chat.responses.last?.body == .binary)
        #expect(operation("chat")?.byteStreamingVariant == nil)

        #expect(operation("failWithAPictureStreaming") == nil)
    }
}
