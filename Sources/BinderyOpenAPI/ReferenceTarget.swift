import BinderyYAML

/// What a JSON pointer into an OpenAPI (or Swagger) document points to, judged by the document's structure alone:
/// `/components/responses/NotFound` is a response, `/paths/~1pets/get/responses/200/content/application~1json/schema`
/// is a schema.
///
/// Used to reject a `$ref` to something that is not a schema where a schema is expected. Only what is certainly not a
/// schema counts: anything inside a schema, extensions (`x-…`), keys the specification does not define and files that
/// are not whole descriptions (a `models.yaml` of loose schemas) may be schemas.
enum ReferenceTarget: Equatable {
    case document
    case components
    /// A map of named schemas: `components.schemas`, `definitions`, `$defs`.
    case schemas
    case schema
    /// A map whose values are all `element`: `components.responses`, `paths`, an operation's `responses`, ….
    indirect case map(of: ReferenceTarget, name: String)
    case pathItem, operation, parameterList, parameter, requestBody, response, header, mediaType
    case encoding, callback
    /// Something else the specification defines that is not a schema and holds none: an example, a link, `info`.
    case other(String)
    /// Something the specification does not define (an extension, an unknown key): may be a schema.
    case unknown

    /// Where `pointer` leads in a document whose root node is `root`: `.unknown` when the document is not a whole
    /// OpenAPI or Swagger description.
    static func at(_ pointer: JSONPointer, root: YAMLNode) -> ReferenceTarget {
        guard root["openapi"] != nil || root["swagger"] != nil else { return .unknown }
        var place = ReferenceTarget.document
        for token in pointer.tokens {
            place = place.child(token)
            if place == .unknown || place == .schema { break }
        }
        return place
    }

    /// Whether the target may be a schema.
    var mayBeSchema: Bool {
        self == .schema || self == .unknown
    }

    /// The target, for messages: "a response", "the 'paths' map".
    var description: String {
        switch self {
        case .document: "the whole document"
        case .components: "'components'"
        case .schemas: "a map of schemas"
        case .schema: "a schema"
        case .map(_, let name): "the '\(name)' map"
        case .pathItem: "a path item"
        case .operation: "an operation"
        case .parameterList: "a list of parameters"
        case .parameter: "a parameter"
        case .requestBody: "a request body"
        case .response: "a response"
        case .header: "a header"
        case .mediaType: "a media type"
        case .encoding: "an encoding"
        case .callback: "a callback"
        case .other(let what): what
        case .unknown: "an unknown object"
        }
    }

    /// The place one token further down.
    private func child(_ token: String) -> ReferenceTarget {
        if token.hasPrefix("x-"), self != .schemas, self != .schema { return .unknown }
        switch self {
        case .document:
            switch token {
            case "components": return .components
            case "paths": return .map(of: .pathItem, name: "paths")
            case "webhooks": return .map(of: .pathItem, name: "webhooks")
            case "definitions", "$defs": return .schemas
            // Swagger 2.0's shared parameters and responses.
            case "parameters": return .map(of: .parameter, name: "parameters")
            case "responses": return .map(of: .response, name: "responses")
            case "info", "servers", "security", "tags", "externalDocs", "securityDefinitions":
                return .other("'\(token)'")
            default: return .unknown
            }
        case .components:
            switch token {
            case "schemas": return .schemas
            case "responses": return .map(of: .response, name: "components.responses")
            case "parameters": return .map(of: .parameter, name: "components.parameters")
            case "requestBodies": return .map(of: .requestBody, name: "components.requestBodies")
            case "headers": return .map(of: .header, name: "components.headers")
            case "pathItems": return .map(of: .pathItem, name: "components.pathItems")
            case "callbacks": return .map(of: .callback, name: "components.callbacks")
            case "examples": return .map(of: .other("an example"), name: "components.examples")
            case "links": return .map(of: .other("a link"), name: "components.links")
            case "securitySchemes": return .map(of: .other("a security scheme"), name: "components.securitySchemes")
            default: return .unknown
            }
        case .schemas, .schema:
            return .schema
        case .map(let element, _):
            return element
        case .callback:
            return .pathItem
        case .pathItem:
            if HTTPMethod(rawValue: token) != nil { return .operation }
            switch token {
            case "parameters": return .parameterList
            case "$ref": return .unknown
            default: return .other("part of a path item")
            }
        case .operation:
            switch token {
            case "parameters": return .parameterList
            case "requestBody": return .requestBody
            case "responses": return .map(of: .response, name: "responses")
            case "callbacks": return .map(of: .callback, name: "callbacks")
            // Swagger 2.0 has no request body: the schema of a body parameter is the body's.
            default: return .other("part of an operation")
            }
        case .parameterList:
            return .parameter
        case .parameter, .header:
            switch token {
            case "schema": return .schema
            case "content": return .map(of: .mediaType, name: "content")
            // Swagger 2.0 parameters and headers hold their type themselves, and `items` is a schema-like object.
            case "items": return .unknown
            default: return .other("part of \(description)")
            }
        case .requestBody:
            return token == "content" ? .map(of: .mediaType, name: "content") : .other("part of a request body")
        case .response:
            switch token {
            case "content": return .map(of: .mediaType, name: "content")
            case "headers": return .map(of: .header, name: "headers")
            case "schema": return .schema
            default: return .other("part of a response")
            }
        case .mediaType:
            switch token {
            case "schema": return .schema
            case "encoding": return .map(of: .encoding, name: "encoding")
            default: return .other("part of a media type")
            }
        case .encoding:
            return token == "headers" ? .map(of: .header, name: "headers") : .other("part of an encoding")
        case .other(let what):
            return .other(what)
        case .unknown:
            return .unknown
        }
    }
}
