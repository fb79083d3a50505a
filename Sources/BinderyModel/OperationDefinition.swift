import BinderyCore

/// One operation, as methods on its API type.
public struct OperationDefinition: Sendable, Hashable {
    /// Where the operation is (`openapi.yaml#/paths/~1token/post`); also the identity of its response enum.
    public var id: TypeID
    public var operationID: String
    /// The simple method's name (`tokenPostToken`).
    public var swiftName: String
    /// The name of the method that returns every documented response (`tokenPostTokenResponse`).
    public var responseMethodName: String
    /// The name of the enum of documented responses (`TokenPostTokenResponse`), nested in the API type, given by
    /// ``TypeNamer`` with the other type names.
    public var responseTypeName: String
    /// The name of the private method both public methods call to build, send and decode the request.
    public var sendMethodName: String
    /// The HTTP method on the wire, `POST`.
    public var method: String
    /// The path template as written, `/pools/{tenantId}`.
    public var path: String
    public var pathComponents: [PathComponent]
    public var documentation: Documentation
    public var deprecation: Deprecation?
    /// The parameters in the order they go on the wire: path, query, header, cookie, then the body's, each group
    /// in document order. The Swift methods take them in ``signatureParameters`` order.
    public var parameters: [ParameterDefinition]
    public var requestBody: RequestBodyDefinition?
    /// The documented responses: codes in order, then ranges, then `default`.
    public var responses: [ResponseDefinition]
    /// The catch-all case for responses the document does not describe: a status it does not list (when it has no
    /// `default` response), or a body that is not JSON where JSON is documented (a proxy's HTML error page) when
    /// no other case takes it.
    public var undocumentedCaseName: String?
    /// The media types to ask for, for `Accept`: only what the responses' bodies can be read as, best first. JSON
    /// (`application/json` first) for JSON-decoded bodies, the `text/*` types for text bodies, the listed types
    /// for binary ones; each response's in status order, without repeats.
    public var acceptedContentTypes: [String]
    /// The alternatives of the security requirement (any one suffices); empty when none is needed.
    public var security: [[SecurityUse]]
    /// What the simple method returns; `nil` when there is no simple method, because successful responses
    /// have different body types (only the full response method is generated then).
    public var simpleResult: SimpleResult?
    /// Which public methods the user asked for (``hasSimpleMethod``, ``hasResponseMethod``).
    public var methods: OperationMethods
    /// For the streaming variant of an operation (see `ModelTranslator.streamingVariant`), the simple method
    /// of the operation it streams (`createChatCompletion`, `downloadPhoto`), or its response method when it has
    /// no simple method; `nil` otherwise.
    public var streamingVariantOf: String?
    /// For an operation with a binary success, the method of its `…Streaming` variant that reads that body as it
    /// arrives (`downloadPhotoStreaming`, or the variant's response method when it has no simple method); `nil`
    /// otherwise.
    public var byteStreamingVariant: String?

    public init(
        id: TypeID, operationID: String, swiftName: String, responseMethodName: String, sendMethodName: String,
        method: String, path: String
    ) {
        self.id = id
        self.operationID = operationID
        self.swiftName = swiftName
        self.responseMethodName = responseMethodName
        self.responseTypeName = ""
        self.sendMethodName = sendMethodName
        self.method = method
        self.path = path
        self.pathComponents = []
        self.documentation = Documentation()
        self.deprecation = nil
        self.parameters = []
        self.requestBody = nil
        self.responses = []
        self.undocumentedCaseName = nil
        self.acceptedContentTypes = []
        self.security = []
        self.simpleResult = nil
        self.methods = .both
        self.streamingVariantOf = nil
        self.byteStreamingVariant = nil
    }

    /// Whether the throwing method (``swiftName``) is generated: the operation has one (``simpleResult``), and the
    /// user did not ask for the `…Response` method only.
    public var hasSimpleMethod: Bool {
        simpleResult != nil && methods != .response
    }

    /// Whether the `…Response` method (``responseMethodName``) is generated: unless the user asked for the throwing
    /// method only, and the operation has one.
    public var hasResponseMethod: Bool {
        !hasSimpleMethod || methods != .throwing
    }

    /// The parameters in the order of the Swift methods' signatures: the required ones, then the optional ones
    /// (which default to `nil`, so a call names only what it needs), each group in ``parameters`` order.
    public var signatureParameters: [ParameterDefinition] {
        parameters.filter { !$0.isOptional } + parameters.filter(\.isOptional)
    }

    /// One piece of the path: text as written, or a parameter's value.
    public enum PathComponent: Sendable, Hashable {
        case literal(String)
        case parameter(swiftName: String)
    }

    /// What the simple method returns on success.
    public enum SimpleResult: Sendable, Hashable {
        case body(SwiftType)
        /// The stream of a streaming body (``ResponseDefinition/Body-swift.enum/stream(_:element:)``).
        case stream(StreamFormat, element: SwiftType?)
        /// The bytes of a binary body as they arrive (``ResponseDefinition/Body-swift.enum/byteStream``).
        case byteStream
        case void
    }

    /// The media types of the streaming bodies: the response is read as it arrives when its `Content-Type` is one
    /// of them. Empty for operations that read whole bodies.
    public var streamingContentTypes: [String] {
        var types: [String] = []
        for response in responses {
            guard case .stream = response.body else { continue }
            for type in response.streamingContentTypes where !types.contains(type) { types.append(type) }
        }
        return types
    }

    /// Whether a response's binary body is read as it arrives (``ResponseDefinition/Body-swift.enum/byteStream``):
    /// the response is streamed when its status is one of ``byteStreamStatuses``.
    public var streamsBytes: Bool {
        responses.contains { $0.body == .byteStream }
    }

    /// The statuses whose binary body is read as it arrives: those the cases with a
    /// ``ResponseDefinition/Body-swift.enum/byteStream`` body take. Only successes stream, so they are 2xx:
    /// listed codes, or every 2xx status but the codes other cases take (a `2XX` range, or `default` as the
    /// success). `nil` when no body streams so.
    public var byteStreamStatuses: ByteStreamStatuses? {
        let streaming = responses.filter { $0.body == .byteStream }
        guard !streaming.isEmpty else { return nil }
        var codes: [Int] = []
        var coversRange = false
        for response in streaming {
            switch response.status {
            case .code(let code): codes.append(code)
            case .range, .default: coversRange = true
            }
        }
        guard coversRange else { return .codes(codes) }
        let others = responses.compactMap { response -> Int? in
            guard response.body != .byteStream, case .code(let code) = response.status, (200..<300).contains(code)
            else { return nil }
            return code
        }
        return .successes(except: others)
    }

    /// Which statuses stream a binary body (``byteStreamStatuses``).
    public enum ByteStreamStatuses: Sendable, Hashable {
        /// These codes.
        case codes([Int])
        /// Every 2xx status but these codes.
        case successes(except: [Int])
    }

    /// A security scheme an operation uses, with the scopes it needs.
    public struct SecurityUse: Sendable, Hashable {
        /// The scheme's name in the document (`Bearer`).
        public var schemeName: String
        public var schemeSwiftName: String
        public var scopes: [String]

        public init(schemeName: String, schemeSwiftName: String, scopes: [String]) {
            self.schemeName = schemeName
            self.schemeSwiftName = schemeSwiftName
            self.scopes = scopes
        }
    }
}

/// A parameter of an operation's Swift methods: sent in the path, query, a header, a cookie, a form field or a
/// multipart part.
public struct ParameterDefinition: Sendable, Hashable {
    public enum Location: Sendable, Hashable {
        /// In the path, the query, a header or a cookie.
        case request(ParameterLocation)
        /// A field of an `application/x-www-form-urlencoded` body.
        case formField
        /// A part of a multipart body (``RequestBodyDefinition/Encoding-swift.enum/multipart``), named by
        /// ``ParameterDefinition/name``; an array is one part per item, under the same name.
        case multipartPart(MultipartPart)
        /// A header of the multipart part named `part` (the `encoding`'s `headers`), named by
        /// ``ParameterDefinition/name``: sent in every part of that name, none when the part is not sent.
        case multipartPartHeader(part: String)
        /// The whole request body.
        case body
    }

    /// The name on the wire (`grant_type`).
    public var name: String
    /// The Swift argument label (`grantType`), without backticks.
    public var swiftName: String
    public var location: Location
    public var type: SwiftType
    public var isOptional: Bool
    public var documentation: Documentation
    /// Whether the API description marks the parameter as deprecated: documented only, as Swift has no
    /// deprecation for arguments. A parameter whose type is deprecated deprecates its operation.
    public var deprecated: Bool
    /// How the value is written (OpenAPI `style`); form fields follow their `encoding`. Not used for multipart
    /// parts.
    public var style: ParameterStyle
    /// Whether arrays and objects are written as separate items (`id=1&id=2`) rather than one value (`id=1,2`).
    public var explode: Bool
    /// Whether characters RFC 3986 reserves (`/?#[]@!$&'()*+,;=`) are sent as they are in a query.
    public var allowReserved: Bool

    public init(name: String, swiftName: String, location: Location, type: SwiftType, isOptional: Bool) {
        self.name = name
        self.swiftName = swiftName
        self.location = location
        self.type = type
        self.isOptional = isOptional
        self.documentation = Documentation()
        self.deprecated = false
        self.style = .form
        self.explode = true
        self.allowReserved = false
    }
}

/// How a part of a multipart body is written.
public struct MultipartPart: Sendable, Hashable {
    /// What the part carries.
    public enum Kind: Sendable, Hashable {
        /// A value written as text (`5`, `true`, an enum's raw value): primitives and arrays of them.
        case text
        /// A value encoded as JSON: objects, and anything whose `encoding` gives a JSON `contentType`.
        case json
        /// A file (``SwiftType/multipartFile``): bytes with a file name. `format: binary`, `contentMediaType` or
        /// `contentEncoding` strings, and Swagger 2.0's `type: file`.
        case file
    }

    /// A header the body's `encoding` documents for the part, sent from a parameter of its own
    /// (``ParameterDefinition/Location-swift.enum/multipartPartHeader(part:)``).
    public struct Header: Sendable, Hashable {
        public var name: String
        public var isRequired: Bool
        public var documentation: Documentation
        /// The label of the parameter that holds the header's value (`scanXScanner`), without backticks.
        public var swiftName: String

        public init(name: String, isRequired: Bool, documentation: Documentation, swiftName: String = "") {
            self.name = name
            self.isRequired = isRequired
            self.documentation = documentation
            self.swiftName = swiftName
        }
    }

    public var kind: Kind
    /// The media types the document allows for the part, in its order: the `encoding`'s `contentType` list
    /// (`image/png, image/jpeg`), else a file's `contentMediaType`. Empty leaves the part's `Content-Type` to the
    /// runtime: none for text (`text/plain` by RFC 7578), `application/json`, or the file's own (else
    /// `application/octet-stream`).
    public var contentTypes: [String]
    public var headers: [Header]

    public init(kind: Kind, contentTypes: [String] = [], headers: [Header] = []) {
        self.kind = kind
        self.contentTypes = contentTypes
        self.headers = headers
    }

    /// The `Content-Type` sent with the part: the first the document allows that is not a range (`image/*`).
    public var contentType: String? { contentTypes.first { !$0.contains("*") } }
}

/// How an operation sends its body.
public struct RequestBodyDefinition: Sendable, Hashable {
    public enum Encoding: Sendable, Hashable {
        /// A Codable value encoded as JSON (parameter ``ParameterDefinition/Location-swift.enum/body``).
        case json(SwiftType)
        /// Form fields (parameters with location `formField`), `application/x-www-form-urlencoded`.
        case form
        /// Parts (parameters with location `multipartPart`) of a `multipart/*` body, ``contentType``
        /// (`multipart/form-data`), with a boundary the runtime chooses.
        case multipart
        /// Raw bytes (`Data`).
        case binary
        /// Text (`String`).
        case text
    }

    public var contentType: String
    public var encoding: Encoding
    public var isRequired: Bool
    public var documentation: Documentation

    public init(contentType: String, encoding: Encoding, isRequired: Bool, documentation: Documentation) {
        self.contentType = contentType
        self.encoding = encoding
        self.isRequired = isRequired
        self.documentation = documentation
    }
}

/// One documented response, as a case of the operation's response enum.
public struct ResponseDefinition: Sendable, Hashable {
    /// How the body is decoded.
    public enum Body: Sendable, Hashable {
        case json(SwiftType)
        case text
        case binary
        /// A body read as it arrives, one element after the other: the schema describes one element. `nil` for
        /// server-sent events whose data is text (no schema, or a string schema): the events carry it as it is.
        case stream(StreamFormat, element: SwiftType?)
        /// A binary body read as it arrives, in chunks of bytes, instead of into memory: the successes of the
        /// `…Streaming` variant of an operation with a ``binary`` success (see `ModelTranslator.streamingVariant`).
        case byteStream
    }

    public var status: ResponseStatus
    /// The enum case (`created`), without backticks.
    public var caseName: String
    public var description: String
    public var body: Body?
    /// The media types the document lists for the response.
    public var contentTypes: [String]
    /// Whether the status counts as success for the simple method.
    public var isSuccess: Bool
    /// The documented response headers, in document order; the case carries them as one struct.
    public var headers: [ResponseHeaderDefinition]
    /// The identity of the struct of ``headers`` (named with the other types); `nil` without headers.
    public var headersID: TypeID?
    /// The name of that struct (`ListPetsOkHeaders`), nested in the API type; empty without headers.
    public var headersTypeName: String

    public init(status: ResponseStatus, caseName: String, description: String, body: Body?, contentTypes: [String]) {
        self.status = status
        self.caseName = caseName
        self.description = description
        self.body = body
        self.contentTypes = contentTypes
        self.isSuccess = status.isSuccess
        self.headers = []
        self.headersID = nil
        self.headersTypeName = ""
    }

    /// Whether the case is taken only when the response's `Content-Type` is JSON or missing: a JSON body with
    /// another media type (a proxy's HTML error page) goes to the catch-all instead of failing to decode.
    public var checksContentType: Bool {
        if case .json = body { true } else { false }
    }

    /// Whether the case is taken only for some media types: JSON (``checksContentType``), or a stream's.
    public var isConditional: Bool {
        switch body {
        case .json, .stream: true
        case .text, .binary, .byteStream, nil: false
        }
    }

    /// The media types (essences) of a streaming body, as listed; empty for other bodies.
    public var streamingContentTypes: [String] {
        guard case .stream(let format, _) = body else { return [] }
        return contentTypes.map(StreamFormat.essence).filter { StreamFormat($0) == format }
    }

    /// The Swift type of the body, as carried by the enum case; `nil` for streams (see ``body``) and no body.
    public var bodyType: SwiftType? {
        switch body {
        case .json(let type): type
        case .text: .string
        case .binary: .data
        case .stream, .byteStream, nil: nil
        }
    }
}

/// How a streaming body is framed.
public enum StreamFormat: String, Sendable, Hashable {
    /// `text/event-stream`: server-sent events (WHATWG HTML, § 9.2), each event's `data` one element.
    case serverSentEvents
    /// `application/x-ndjson`, `application/jsonl`, `application/x-jsonlines`: one JSON value per line.
    case jsonLines
    /// `application/json-seq` (RFC 7464): JSON values each after a record separator (U+001E).
    case jsonSequence

    /// The format of a media type essence (`text/event-stream`), or `nil` when it is not a stream.
    public init?(_ essence: String) {
        switch essence {
        case "text/event-stream": self = .serverSentEvents
        case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonl",
            "application/jsonlines", "application/x-jsonlines":
            self = .jsonLines
        case "application/json-seq": self = .jsonSequence
        default: return nil
        }
    }

    /// The essence of a media type: without parameters, lower case.
    public static func essence(_ mediaType: String) -> String {
        let bare = mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? mediaType
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        return String(bare.drop(while: isSpace).reversed().drop(while: isSpace).reversed()).lowercased()
    }
}

/// A documented header of a response, read into a property of the response's headers struct.
public struct ResponseHeaderDefinition: Sendable, Hashable {
    /// The name on the wire (`X-Rate-Limit-Remaining`).
    public var name: String
    /// The property (`xRateLimitRemaining`), without backticks.
    public var swiftName: String
    /// The type of the value, from the header's schema (never optional itself).
    public var type: SwiftType
    /// Whether the server always sends it: the property is not optional, and a response without it (or with a
    /// value that cannot be read as `type`) is an error. Optional headers that cannot be read are `nil`.
    public var isRequired: Bool
    public var documentation: Documentation
    public var deprecated: Bool

    public init(name: String, swiftName: String, type: SwiftType, isRequired: Bool) {
        self.name = name
        self.swiftName = swiftName
        self.type = type
        self.isRequired = isRequired
        self.documentation = Documentation()
        self.deprecated = false
    }
}
