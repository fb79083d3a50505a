/// The names the generated runtime declares at the module's top level. Generated types for schemas and APIs
/// never take them (a schema named `JSONValue` becomes `JSONValueModel`).
///
/// Tests check these lists against the runtime templates and the manifest, so they cannot drift apart.
public enum RuntimeNames {
    /// The names of the runtime's files (`Runtime/ParameterEncoding.swift`): a generated type of the same name
    /// would be a second file of that name in the module, which SwiftPM refuses.
    public static let fileNames: Set<String> = [
        "APIClient", "APIError", "CalendarDate", "HTTPRequest", "HTTPResponse", "HTTPTransport", "JSONCoding",
        "JSONValue", "Middleware", "MultipartBody", "ParameterEncoding", "RetryPolicy", "SecurityScheme", "Streaming",
        "UnionCoding",
    ]

    /// Every name a generated top-level type must not take: the runtime's types and files.
    public static var reservedNames: Set<String> { typeNames.union(fileNames) }

    public static let typeNames: Set<String> = [
        "APIClient", "APIError", "APIMiddleware", "APIResponseError", "AnyCodingKey", "BearerTokenRefresher",
        "CalendarDate", "Credential", "FormBody", "HTTPHeaders", "HTTPRequest", "HTTPResponse", "HTTPTransport",
        "Indirect", "JSONCoding", "JSONShape", "JSONValue", "MultipartBody", "MultipartFile", "ParameterNode",
        "ParameterNodeBuilder", "ParameterNodeEncoder", "ParameterNodeKeyedContainer",
        "ParameterNodeSingleValueContainer", "ParameterNodeUnkeyedContainer", "ParameterStyle", "ParameterWriter",
        "PercentEncoding", "Redaction", "ResponseRecorder", "ResponseSizeGuard", "ResponseSizeLimit", "RetryPolicy",
        "SecurityScheme",
        "URLSessionTransport", "UnionCoding",
        // Streaming.swift, written only for packages with streaming responses.
        "AsyncBytesReader", "ByteStream", "HTTPBodyStream", "HTTPStatusSet", "HTTPStreamingResponse", "JSONLinesParser",
        "ServerSentEvent", "ServerSentEventParser", "SpillFile", "StreamDecoding", "StreamDecodingError",
        "StreamParser", "StreamedBodies", "StreamingBodyBuffer", "URLSessionStreamingDelegate",
    ]
}
