/// The names the generated runtime declares at the module's top level. Generated types for schemas and APIs
/// never take them (a schema named `JSONValue` becomes `JSONValueModel`).
///
/// A test checks this list against the runtime templates, so the two cannot drift apart.
public enum RuntimeNames {
    public static let typeNames: Set<String> = [
        "APIClient", "APIError", "APIResponseError", "AnyCodingKey", "CalendarDate", "Credential", "FormBody",
        "HTTPHeaders", "HTTPRequest", "HTTPResponse", "HTTPTransport", "Indirect", "JSONCoding", "JSONShape",
        "JSONValue",
        "ParameterNode", "ParameterNodeBuilder", "ParameterNodeEncoder", "ParameterNodeKeyedContainer",
        "ParameterNodeSingleValueContainer", "ParameterNodeUnkeyedContainer", "ParameterStyle", "ParameterWriter",
        "PercentEncoding", "SecurityScheme", "URLSessionTransport", "UnionCoding",
        // Streaming.swift, written only for packages with streaming responses.
        "HTTPBodyStream", "HTTPStreamingResponse", "JSONLinesParser", "ServerSentEvent", "ServerSentEventParser",
        "StreamDecoding", "StreamDecodingError", "StreamParser", "URLSessionStreamingDelegate",
    ]
}
