import BinderyCore
import BinderyOpenAPI

/// The operations of one tag.
struct OperationGroup: Sendable {
    var tag: String
    var description: String?
    var operations: [BinderyOpenAPI.Operation]
}

/// The operations of one tag and the identity of the API type that declares them. The operations are held by
/// reference, each released once it is translated for good (``OperationSlots``); what names each stays.
struct APIGroup: Sendable {
    var id: TypeID
    var tag: String
    var description: String?
    /// What names each operation (``ModelTranslator/operationKeys(_:)``), by position: for the names the user chose.
    var keys: [[String]]
    let operations: OperationSlots

    init(id: TypeID, operations group: OperationGroup) {
        self.id = id
        tag = group.tag
        description = group.description
        keys = group.operations.map(ModelTranslator.operationKeys)
        operations = OperationSlots(group.operations)
    }
}

/// Operations by position, each released once it is translated for good: the operations are most of a description
/// (Stripe: 7 MB of 13), and the translation holds the most when its last operations are translated.
///
/// A slot is read by the translator of the chunk that holds it, and again only if that chunk is translated again in
/// order; it is released once the chunk is merged for good (``ModelTranslator+Chunks``): never by two threads at
/// once, and the second time only once the first has handed its chunk over.
final class OperationSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<BinderyOpenAPI.Operation?>

    init(_ operations: [BinderyOpenAPI.Operation]) {
        slots = .allocate(capacity: operations.count)
        _ = slots.initialize(from: operations.lazy.map { $0 })
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The operation at `index`, which must not be released yet.
    subscript(index: Int) -> BinderyOpenAPI.Operation {
        guard let operation = slots[index] else { preconditionFailure("operation \(index) was released") }
        return operation
    }

    /// Releases the operation at `index`.
    func release(_ index: Int) {
        slots[index] = nil
    }
}

/// An API type while its operations are translated: the names its members took so far, and those the user chose
/// for its operations, by position. A reference, so that adding an operation does not copy those before it.
final class APIInProgress {
    var definition: APIDefinition
    let members: NameScope
    let chosen: [Int: String]
    /// The names its members had before an operation took one.
    let initialMemberNames: Set<String>

    init(definition: APIDefinition, members: NameScope, chosen: [Int: String]) {
        self.definition = definition
        self.members = members
        self.chosen = chosen
        self.initialMemberNames = members.takenKeys
    }
}

extension ModelTranslator {
    /// The operations the filter keeps, grouped by their first tag (`Default` for untagged ones), groups sorted
    /// by name.
    func groupOperationsByTag() -> [OperationGroup] {
        var groups: [String: OperationGroup] = [:]
        for operation in selection.operations {
            let tag = operation.tags.first ?? "Default"
            groups[tag, default: OperationGroup(tag: tag, operations: [])].operations.append(operation)
        }
        for tag in document.tags where groups[tag.name] != nil {
            groups[tag.name]?.description = tag.description
        }
        return groups.values.sorted { $0.tag < $1.tag }
    }

    /// The API type of `group` without operations yet, its members holding the names the user chose for them.
    func startAPI(_ group: APIGroup) throws(Diagnostic) -> APIInProgress {
        let api = APIDefinition(
            id: group.id, tag: group.tag, documentation: Documentation(description: group.description))
        let members = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(["client"]))
        // The names the user chose first, exactly; the others make way.
        var chosen: [Int: String] = [:]
        for (index, keys) in group.keys.enumerated() {
            guard let override = operationNameOverride(keys: keys) else { continue }
            guard members.claimExactly(override.name.value) else {
                throw Diagnostic(
                    at: override.name.location,
                    "'\(override.name.value)' cannot name operation '\(override.target.value)': the name is taken "
                        + "in its API type")
            }
            chosen[index] = override.name.value
        }
        return APIInProgress(definition: api, members: members, chosen: chosen)
    }

    /// The operation at `index` of `api`'s group, and its streaming variant if it has one, with their members'
    /// names taken in `api`.
    func translateOperation(
        at index: Int, of group: APIGroup, in api: APIInProgress, schemes: [SecuritySchemeDefinition]
    ) throws(Diagnostic) -> [OperationDefinition] {
        let operation = group.operations[index]
        var definition = try translateOperation(
            operation, swiftName: api.chosen[index], members: api.members, schemes: schemes)
        let variant = try streamingVariant(of: definition, operation: operation, members: api.members)
        if let variant, variant.streamsBytes {
            definition.byteStreamingVariant = variant.hasSimpleMethod ? variant.swiftName : variant.responseMethodName
        }
        return [definition] + (variant.map { [$0] } ?? [])
    }

    /// The operation's methods, named `swiftName` when the user chose a name (already claimed in `members`).
    func translateOperation(
        _ operation: BinderyOpenAPI.Operation, swiftName chosen: String? = nil, members: NameScope,
        schemes: [SecuritySchemeDefinition]
    ) throws(Diagnostic) -> OperationDefinition {
        let operationID = operation.operationID ?? "\(operation.method.rawValue) \(operation.path)"
        let swiftName = chosen ?? members.claim(SwiftName.lowerCamelCase(operationID))
        let responseMethodName = members.claim(swiftName + "Response")
        // The response enum is nested in the API type, but named at the top level: a top-level type of the same
        // name would be shadowed inside the API.
        let id = requestName(
            TypeID(file: operation.location.file, pointer: "").appending(
                "paths", operation.path, operation.method.rawValue),
            preferred: SwiftName.upperCamelCase(swiftName) + "Response", in: .module
        )
        var definition = OperationDefinition(
            id: id, operationID: operationID, swiftName: swiftName, responseMethodName: responseMethodName,
            sendMethodName: members.claim("send" + SwiftName.upperCamelCase(swiftName)), method: operation.method.name,
            path: operation.path
        )
        definition.methods = options.methods
        definition.documentation = Documentation(summary: operation.summary, description: operation.description)
        definition.deprecation = operation.deprecated ? .marked : nil
        let typePrefix = SwiftName.upperCamelCase(definition.swiftName)
        let top = TypeContainer.topLevel

        // Parameters: path, query, header, cookie, then the body's, each group in document order, as they go on
        // the wire (the signatures take the required ones first: `signatureParameters`). The names the generated
        // methods use for their own values are not available.
        let labels = NameScope(reserved: ["client", "request", "response", "result", "form", "self", "bodyStream"])
        let parametersID = id.appending("parameters")
        let order: [Parameter.Kind] = [.path, .query, .header, .cookie]
        // OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored; the client sets
        // those from the responses, the body and the security schemes.
        let ignoredHeaders: Set<String> = ["accept", "content-type", "authorization"]
        let kept = operation.parameters.filter {
            !($0.kind == .header && ignoredHeaders.contains($0.name.lowercased()))
        }
        // Grouped by location, document order kept within each group.
        let parameters = order.flatMap { kind in kept.filter { $0.kind == kind } }
        for parameter in parameters {
            let (type, _) = try type(
                of: parameter.schema, at: parametersID.appending(parameter.kind.rawValue, parameter.name),
                hint: typePrefix + SwiftName.upperCamelCase(parameter.name), container: top
            )
            var result = ParameterDefinition(
                name: parameter.name, swiftName: labels.claim(SwiftName.lowerCamelCase(parameter.name)),
                location: .request(parameter.kind), type: type, isOptional: !parameter.required
            )
            result.documentation = Documentation(description: parameter.description ?? parameter.schema.description)
            result.deprecated = parameter.deprecated
            result.style = parameter.style
            result.explode = parameter.explode
            result.allowReserved = parameter.allowReserved
            definition.parameters.append(result)
        }
        definition.pathComponents = try pathComponents(operation, parameters: definition.parameters)

        if let body = operation.requestBody {
            let (bodyDefinition, bodyParameters) = try translateRequestBody(
                body, at: id.appending("requestBody"), typePrefix: typePrefix, labels: labels, container: top
            )
            definition.requestBody = bodyDefinition
            definition.parameters += bodyParameters
        }

        try translateResponses(operation, into: &definition, typePrefix: typePrefix, container: top)
        definition.security = securityUses(operation, schemes: schemes)
        return definition
    }

    /// Splits the path template into text and parameter values; every `{name}` must be a path parameter.
    func pathComponents(
        _ operation: BinderyOpenAPI.Operation, parameters: [ParameterDefinition]
    ) throws(Diagnostic) -> [OperationDefinition.PathComponent] {
        var components: [OperationDefinition.PathComponent] = []
        var rest = Substring(operation.path)
        var used: Set<String> = []
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw Diagnostic(at: operation.location, "unclosed '{' in path '\(operation.path)'")
            }
            if open > rest.startIndex { components.append(.literal(String(rest[..<open]))) }
            let name = String(rest[rest.index(after: open)..<close])
            guard let parameter = parameters.first(where: { $0.location == .request(.path) && $0.name == name }) else {
                throw Diagnostic(
                    at: operation.location,
                    "path '\(operation.path)' has '{\(name)}' but \(operation.method.name) declares no path parameter '\(name)'"
                )
            }
            components.append(.parameter(swiftName: parameter.swiftName))
            used.insert(name)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { components.append(.literal(String(rest))) }
        for parameter in parameters where parameter.location == .request(.path) && !used.contains(parameter.name) {
            warn(operation.location, "path parameter '\(parameter.name)' does not appear in '\(operation.path)'")
        }
        return components
    }

    func translateRequestBody(
        _ body: RequestBody, at origin: TypeID, typePrefix: String, labels: NameScope, container: TypeContainer
    ) throws(Diagnostic) -> (RequestBodyDefinition, [ParameterDefinition]) {
        let documentation = Documentation(description: body.description)
        let json = jsonRequestMediaType(body.content)
        if let json {
            let schema = json.schema ?? JSONSchema(location: json.location)
            let (type, _) = try self.type(
                of: schema, at: origin.appending("content", json.name, "schema"), hint: typePrefix + "Request",
                container: container
            )
            var parameter = ParameterDefinition(
                name: "body", swiftName: labels.claim("body"), location: .body, type: type, isOptional: !body.required
            )
            parameter.documentation =
                documentation.isEmpty
                ? Documentation(description: schema.description ?? describedSchema(schema)?.description)
                : documentation
            return (
                RequestBodyDefinition(
                    contentType: json.name.contains("*") ? "application/json" : json.name,
                    encoding: .json(type), isRequired: body.required, documentation: documentation
                ),
                [parameter]
            )
        }
        if let form = body.content.first(where: { $0.essence == "application/x-www-form-urlencoded" }) {
            let schema = form.schema ?? JSONSchema(location: form.location)
            var merged = MergedObject()
            var visited: Set<SchemaID> = []
            guard merge(schema, into: &merged, visited: &visited) else {
                throw Diagnostic(at: form.location, "a form body's schema must be an object")
            }
            warnOfChoices(merged, at: form.location, body: form.essence)
            var parameters: [ParameterDefinition] = []
            let schemaID = origin.appending("content", form.name, "schema")
            for property in merged.properties {
                let (type, nullable) = try self.type(
                    of: property.schema, at: schemaID.appending("properties", property.name),
                    hint: typePrefix + SwiftName.upperCamelCase(property.name), container: container
                )
                let encoding = form.encoding.first { $0.property == property.name }
                var parameter = ParameterDefinition(
                    name: property.name, swiftName: labels.claim(SwiftName.lowerCamelCase(property.name)),
                    location: .formField, type: type,
                    isOptional: !merged.required.contains(property.name) || nullable || !body.required
                )
                parameter.documentation = propertyDocumentation(property.schema)
                parameter.deprecated = property.schema.deprecated
                parameter.style = encoding?.style ?? .form
                parameter.explode = encoding?.explode ?? (parameter.style == .form)
                parameter.allowReserved = encoding?.allowReserved ?? false
                parameters.append(parameter)
            }
            return (
                RequestBodyDefinition(
                    contentType: "application/x-www-form-urlencoded", encoding: .form, isRequired: body.required,
                    documentation: documentation
                ),
                parameters
            )
        }
        if let multipart = body.content.first(where: { $0.essence.hasPrefix("multipart/") }),
            let translated = try translateMultipartBody(
                body, multipart, at: origin, typePrefix: typePrefix, labels: labels, container: container)
        {
            return translated
        }
        guard let first = body.content.first else {
            throw Diagnostic(at: body.location, "a request body needs at least one media type")
        }
        let isText = first.essence.hasPrefix("text/")
        var parameter = ParameterDefinition(
            name: "body", swiftName: labels.claim("body"), location: .body, type: isText ? .string : .data,
            isOptional: !body.required
        )
        parameter.documentation = documentation
        return (
            RequestBodyDefinition(
                contentType: first.name, encoding: isText ? .text : .binary, isRequired: body.required,
                documentation: documentation
            ),
            [parameter]
        )
    }

    /// A multipart body as one parameter per part, in document order; `nil`, with a warning, when its schema is
    /// not an object (the body is then raw `Data`).
    func translateMultipartBody(
        _ body: RequestBody, _ multipart: MediaType, at origin: TypeID, typePrefix: String, labels: NameScope,
        container: TypeContainer
    ) throws(Diagnostic) -> (RequestBodyDefinition, [ParameterDefinition])? {
        guard let schema = multipart.schema else {
            warn(
                multipart.location,
                "the \(multipart.essence) body has no schema, so its parts are unknown; it is sent as raw Data you "
                    + "encode")
            return nil
        }
        var merged = MergedObject()
        var visited: Set<SchemaID> = []
        guard merge(schema, into: &merged, visited: &visited) else {
            warn(
                multipart.location,
                "the \(multipart.essence) body's schema is not an object, so it has no named parts; it is sent as raw "
                    + "Data you encode")
            return nil
        }
        warnOfChoices(merged, at: multipart.location, body: multipart.essence)
        var parameters: [ParameterDefinition] = []
        let schemaID = origin.appending("content", multipart.name, "schema")
        // Read-only properties are the server's to write; they are not sent.
        for property in merged.properties where !resolvedSchema(property.schema).readOnly {
            let encoding = multipart.encoding.first { $0.property == property.name }
            var part = multipartPart(property.schema, encoding: encoding)
            if part.kind == .json, let contentType = part.contentType, !Self.isJSONMediaType(contentType) {
                warn(
                    multipart.location,
                    "part '\(property.name)' is structured, but its encoding's contentType is '\(contentType)'; it is "
                        + "sent as application/json")
                part.contentTypes = ["application/json"]
            }
            let type: SwiftType
            var nullable = false
            if part.kind == .file {
                let resolved = resolvedSchema(property.schema)
                type = resolved.singleType == .array ? .array(.multipartFile) : .multipartFile
                nullable = resolved.nullable
            } else {
                (type, nullable) = try self.type(
                    of: property.schema, at: schemaID.appending("properties", property.name),
                    hint: typePrefix + SwiftName.upperCamelCase(property.name), container: container
                )
            }
            let label = labels.claim(SwiftName.lowerCamelCase(property.name))
            let isOptional = !merged.required.contains(property.name) || nullable || !body.required
            // The part's headers: a parameter each, right after the part's, named after both (`scanXScanner`).
            var headerParameters: [ParameterDefinition] = []
            for header in encoding?.headers ?? [] where header.name.lowercased() == "content-disposition" {
                warn(
                    header.location,
                    "part header 'Content-Disposition' of '\(property.name)' is written by the runtime, which names "
                        + "the part; ignored")
            }
            for (index, header) in sentPartHeaders(encoding).enumerated() {
                let (headerType, headerNullable) = try self.type(
                    of: header.schema,
                    at: origin.appending("content", multipart.name, "encoding", property.name, "headers", header.name),
                    hint: typePrefix + SwiftName.upperCamelCase(property.name) + SwiftName.upperCamelCase(header.name),
                    container: container
                )
                let headerLabel = labels.claim(SwiftName.lowerCamelCase(property.name + " " + header.name))
                part.headers[index].swiftName = headerLabel
                var headerParameter = ParameterDefinition(
                    name: header.name, swiftName: headerLabel, location: .multipartPartHeader(part: property.name),
                    type: headerType, isOptional: !header.required || headerNullable || isOptional
                )
                headerParameter.documentation = part.headers[index].documentation
                headerParameter.deprecated = header.deprecated
                headerParameters.append(headerParameter)
            }
            var parameter = ParameterDefinition(
                name: property.name, swiftName: label, location: .multipartPart(part), type: type,
                isOptional: isOptional
            )
            parameter.documentation = propertyDocumentation(property.schema)
            parameter.deprecated = property.schema.deprecated
            parameters.append(parameter)
            parameters += headerParameters
        }
        let mediaType = multipart.essence == "multipart/*" ? "multipart/form-data" : multipart.essence
        return (
            RequestBodyDefinition(
                contentType: mediaType, encoding: .multipart, isRequired: body.required,
                documentation: Documentation(description: body.description)
            ),
            parameters
        )
    }

    /// How a property of a multipart body is sent: a file for binary strings (or arrays of them), JSON for
    /// objects and for a JSON `contentType`, text for the rest. An array is a part per item, of its items' kind.
    func multipartPart(_ schema: JSONSchema, encoding: MediaType.Encoding?) -> MultipartPart {
        var value = resolvedSchema(schema)
        if value.singleType == .array, let items = value.items { value = resolvedSchema(items) }
        let contentTypes = (encoding?.contentType ?? "").split(separator: ",").map(Self.trimmed).filter { !$0.isEmpty }
        let kind: MultipartPart.Kind
        if value.singleType == .string || value.types.isEmpty,
            value.format == "binary" || value.contentMediaType != nil || value.contentEncoding != nil
        {
            kind = .file
        } else if let first = contentTypes.first, Self.isJSONMediaType(first) {
            kind = .json
        } else {
            kind = isPrimitive(value) ? .text : .json
        }
        var part = MultipartPart(kind: kind, contentTypes: contentTypes)
        if contentTypes.isEmpty, kind == .file, let mediaType = value.contentMediaType {
            part.contentTypes = [mediaType]
        }
        part.headers = sentPartHeaders(encoding).map { header in
            MultipartPart.Header(
                name: header.name, isRequired: header.required,
                documentation: Documentation(description: header.description ?? header.schema.description))
        }
        return part
    }

    /// The headers an `encoding` documents for a part that the client sends: all but `Content-Disposition`, which
    /// names the part and is the runtime's to write (`Content-Type` is left out when reading, as OpenAPI says).
    func sentPartHeaders(_ encoding: MediaType.Encoding?) -> [Header] {
        (encoding?.headers ?? []).filter { $0.name.lowercased() != "content-disposition" }
    }

    /// Whether every value of `schema` is a string, number, boolean or null: primitive types, enums, constants,
    /// and `oneOf` or `anyOf` of those (OpenAI's `model: anyOf [string, enum]`).
    func isPrimitive(_ schema: JSONSchema) -> Bool {
        var visited: Set<SchemaID> = []
        return isPrimitive(schema, depth: 0, visited: &visited)
    }

    /// ``isPrimitive(_:)``, each referenced schema looked at once: one seen before is primitive, as any answer but
    /// yes ends the walk (alternatives that refer to the same schemas, level after level, would otherwise cost
    /// exponential time).
    private func isPrimitive(_ schema: JSONSchema, depth: Int, visited: inout Set<SchemaID>) -> Bool {
        guard depth < 16 else { return false }
        var schema = schema
        while let ref = schema.ref ?? (schema.allOf.count == 1 && schema.types.isEmpty ? schema.allOf[0].ref : nil) {
            guard visited.insert(ref).inserted else { return true }
            guard let target = self.schema(for: ref) else { break }
            schema = target
        }
        if schema.enumValues != nil || schema.constValue != nil { return true }
        let primitives: Set<JSONSchema.JSONType> = [.string, .integer, .number, .boolean, .null]
        if !schema.types.isEmpty { return schema.types.allSatisfy(primitives.contains) }
        let alternatives = schema.oneOf + schema.anyOf
        return !alternatives.isEmpty
            && alternatives.allSatisfy { isPrimitive($0, depth: depth + 1, visited: &visited) }
    }

    /// `schema` with references (and an `allOf` of one reference) followed to the schema that says what it is.
    func resolvedSchema(_ schema: JSONSchema) -> JSONSchema {
        var current = schema
        var visited: Set<SchemaID> = []
        while true {
            let ref = current.ref ?? (current.allOf.count == 1 && current.types.isEmpty ? current.allOf[0].ref : nil)
            guard let ref, visited.insert(ref).inserted, let target = self.schema(for: ref) else { return current }
            current = target
        }
    }

    /// Whether a media type (`application/json`, `application/merge-patch+json; charset=utf-8`) is JSON.
    static func isJSONMediaType(_ name: String) -> Bool {
        let essence = trimmed(name.split(separator: ";").first ?? Substring(name)).lowercased()
        return essence == "application/json" || essence == "text/json" || essence.hasSuffix("+json")
    }

    /// `text` without the spaces and tabs around it.
    static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The media type a JSON body is sent as: `application/json`, else another JSON type, a JSON Patch
    /// (`application/json-patch+json`, an array of operations) last, since a merge patch is what an object body
    /// means; else a wildcard (`*/*`, `application/*`) with a schema, sent as `application/json` (Kubernetes
    /// writes `consumes: ['*/*']` for its JSON bodies).
    func jsonRequestMediaType(_ content: [MediaType]) -> MediaType? {
        if let exact = content.first(where: { $0.essence == "application/json" }) { return exact }
        if let json = content.first(where: { $0.isJSON && $0.essence != "application/json-patch+json" }) {
            return json
        }
        if let patch = content.first(where: \.isJSON) { return patch }
        let isForm = { (type: MediaType) in
            type.essence == "application/x-www-form-urlencoded" || type.essence.hasPrefix("multipart/")
        }
        guard !content.contains(where: isForm) else { return nil }
        return content.first { ($0.essence == "*/*" || $0.essence == "application/*") && $0.schema != nil }
    }

    /// The schema whose description documents a body: the schema itself, or the one it refers to.
    func describedSchema(_ schema: JSONSchema) -> JSONSchema? {
        if let ref = schema.ref { return self.schema(for: ref) }
        if schema.allOf.count == 1, let ref = schema.allOf[0].ref { return self.schema(for: ref) }
        return schema
    }

    func translateResponses(
        _ operation: BinderyOpenAPI.Operation, into definition: inout OperationDefinition, typePrefix: String,
        container: TypeContainer
    ) throws(Diagnostic) {
        let cases = NameScope(reserved: SwiftKeywords.reservedMemberNames)
        let responsesID = definition.id.appending("responses")
        for response in operation.responses.sorted(by: { $0.status < $1.status }) {
            let caseName = cases.claim(Self.caseName(for: response.status))
            let casePrefix = typePrefix + SwiftName.upperCamelCase(caseName)
            let statusID = responsesID.appending(response.status.description)
            var body: ResponseDefinition.Body?
            // Streams are read as they arrive only when nothing else is listed; otherwise the operation keeps
            // reading the other media type and gets a streaming variant (see `streamingVariant`).
            let whole = response.content.filter { StreamFormat($0.essence) == nil }
            // JSON wins over text and the rest: it is what the client decodes.
            let json = whole.first { $0.essence == "application/json" } ?? whole.first { $0.isJSON }
            if let json {
                let schema = json.schema ?? JSONSchema(location: json.location)
                let origin = statusID.appending("content", json.name, "schema")
                body = .json(try type(of: schema, at: origin, hint: casePrefix + "Body", container: container).type)
            } else if let first = whole.first {
                body = first.essence.hasPrefix("text/") ? .text : .binary
            } else if let stream = response.content.first {
                body = try streamBody(stream, at: statusID, hint: casePrefix, container: container)
            }
            var result = ResponseDefinition(
                status: response.status, caseName: caseName, description: response.description, body: body,
                contentTypes: response.content.map(\.name)
            )
            result.headers = try translateResponseHeaders(
                response, at: statusID.appending("headers"), typePrefix: casePrefix, container: container)
            if !result.headers.isEmpty {
                result.headersID = requestName(
                    statusID.appending("headers"), preferred: casePrefix + "Headers", in: .module)
            }
            definition.responses.append(result)
        }
        // A catch-all for what no case takes: statuses when there is no `default`, and non-JSON bodies when
        // `default` expects JSON (or a stream).
        if definition.responses.first(where: { $0.status == .default }).map(\.isConditional) ?? true {
            definition.undocumentedCaseName = cases.claim("undocumented")
        }

        // With no documented success, `default` is the success for 2xx statuses (and the error otherwise).
        if !definition.responses.contains(where: \.isSuccess),
            let index = definition.responses.firstIndex(where: { $0.status == .default })
        {
            definition.responses[index].isSuccess = true
        }
        completeResponses(operation, &definition)
    }

    /// Sets what follows from the responses' bodies: `Accept` and the simple method's result.
    func completeResponses(_ operation: BinderyOpenAPI.Operation, _ definition: inout OperationDefinition) {
        var accepted: [String] = []
        let documented = operation.responses.sorted(by: { $0.status < $1.status })
        for (response, result) in zip(documented, definition.responses) {
            for mediaType in Self.acceptedContentTypes(response, body: result.body) where !accepted.contains(mediaType)
            {
                accepted.append(mediaType)
            }
        }
        definition.acceptedContentTypes = accepted

        let successes = definition.responses.filter(\.isSuccess)
        definition.simpleResult = nil
        if successes.contains(where: { $0.body == .byteStream }) {
            // Bytes are the result only when every success streams them.
            if successes.allSatisfy({ $0.body == .byteStream }) { definition.simpleResult = .byteStream }
            return
        }
        if let stream = successes.first(where: { if case .stream = $0.body { true } else { false } })?.body {
            // A stream is the result only when every success streams the same elements.
            if case .stream(let format, let element) = stream, successes.allSatisfy({ $0.body == stream }) {
                definition.simpleResult = .stream(format, element: element)
            }
            return
        }
        let bodyTypes = successes.map(\.bodyType)
        if let first = bodyTypes.first {
            if bodyTypes.allSatisfy({ $0 == first }) {
                definition.simpleResult = first.map { .body($0) } ?? .void
            }
        } else {
            definition.simpleResult = .void
        }
    }

    /// The body of a streaming media type: the schema describes one element. Server-sent events without a
    /// schema, or with a string schema, carry their data as text.
    func streamBody(
        _ mediaType: MediaType, at statusID: TypeID, hint: String, container: TypeContainer
    ) throws(Diagnostic) -> ResponseDefinition.Body? {
        guard let format = StreamFormat(mediaType.essence) else { return nil }
        guard let schema = mediaType.schema else {
            return .stream(format, element: format == .serverSentEvents ? nil : .jsonValue)
        }
        let origin = statusID.appending("content", mediaType.name, "schema")
        let element = try type(
            of: schema, at: origin, hint: hint + (format == .serverSentEvents ? "Event" : "Item"),
            container: container
        ).type
        return .stream(format, element: format == .serverSentEvents && element == .string ? nil : element)
    }

    /// For an operation whose responses list a streaming media type beside another (OpenAI's chat completions:
    /// `application/json` and `text/event-stream`, chosen by a request property), a second operation that asks
    /// for the stream and reads it as it arrives: `createChatCompletionStreaming(…)`. The operation itself keeps
    /// reading the other media type, as before. (Not `…Stream`: its response enum would be
    /// `CreateChatCompletionStreamResponse`, the name of an OpenAI schema.)
    ///
    /// For an operation with a binary success (`application/octet-stream`, `image/png`), the same variant reads
    /// that body as it arrives, as a ``ResponseDefinition/Body-swift.enum/byteStream``, instead of into memory:
    /// `downloadPhotoStreaming(…)`; the operation itself keeps returning `Data`. Binary error bodies are read
    /// whole, as before, and so are binary successes of an operation that streams by media type.
    ///
    /// `nil` when no response lists both kinds of media type and no success is binary.
    func streamingVariant(
        of definition: OperationDefinition, operation: BinderyOpenAPI.Operation, members: NameScope
    ) throws(Diagnostic) -> OperationDefinition? {
        let documented = operation.responses.sorted(by: { $0.status < $1.status })
        var variant = definition
        var streams = false
        for (index, response) in documented.enumerated() where index < variant.responses.count {
            guard case .some(let existing) = variant.responses[index].body else { continue }
            if case .stream = existing { continue }
            guard let stream = response.content.first(where: { StreamFormat($0.essence) != nil }) else { continue }
            let statusID = definition.id.appending("responses", response.status.description)
            let casePrefix =
                SwiftName.upperCamelCase(definition.swiftName)
                + SwiftName.upperCamelCase(variant.responses[index].caseName)
            variant.responses[index].body = try streamBody(stream, at: statusID, hint: casePrefix, container: .topLevel)
            variant.responses[index].contentTypes = response.content.filter { StreamFormat($0.essence) != nil }.map(
                \.name)
            streams = true
        }
        // Binary successes stream when no body streams by its media type (a response streams either way, not
        // both).
        if !variant.responses.contains(where: { if case .stream = $0.body { true } else { false } }) {
            for index in variant.responses.indices
            where variant.responses[index].body == .binary && variant.responses[index].isSuccess {
                variant.responses[index].body = .byteStream
                streams = true
            }
        }
        guard streams else { return nil }
        variant.swiftName = members.claim(definition.swiftName + "Streaming")
        variant.responseMethodName = members.claim(variant.swiftName + "Response")
        variant.sendMethodName = members.claim("send" + SwiftName.upperCamelCase(variant.swiftName))
        variant.id = requestName(
            definition.id.appending("stream"), preferred: SwiftName.upperCamelCase(variant.swiftName) + "Response",
            in: .module)
        variant.streamingVariantOf =
            definition.hasSimpleMethod ? definition.swiftName : definition.responseMethodName
        // A stream `default` needs the catch-all the JSON one may not have had.
        if variant.undocumentedCaseName == nil,
            variant.responses.first(where: { $0.status == .default }).map(\.isConditional) ?? true
        {
            let cases = NameScope(reserved: SwiftKeywords.reservedMemberNames.union(variant.responses.map(\.caseName)))
            variant.undocumentedCaseName = cases.claim("undocumented")
        }
        completeResponses(operation, &variant)
        return variant
    }

    /// The documented headers of `response`, as properties; inline enums are named from `typePrefix` and the
    /// header's name. `Content-Type` is left out: OpenAPI describes it with `content`.
    func translateResponseHeaders(
        _ response: Response, at origin: TypeID, typePrefix: String, container: TypeContainer
    ) throws(Diagnostic) -> [ResponseHeaderDefinition] {
        let properties = NameScope(reserved: SwiftKeywords.reservedMemberNames)
        var headers: [ResponseHeaderDefinition] = []
        for header in response.headers where header.name.lowercased() != "content-type" {
            let (type, _) = try type(
                of: header.schema, at: origin.appending(header.name),
                hint: typePrefix + SwiftName.upperCamelCase(header.name), container: container
            )
            var result = ResponseHeaderDefinition(
                name: header.name, swiftName: properties.claim(SwiftName.lowerCamelCase(header.name)), type: type,
                isRequired: header.required
            )
            result.documentation = Documentation(description: header.description ?? header.schema.description)
            result.deprecated = header.deprecated
            headers.append(result)
        }
        return headers
    }

    /// The media types of `response` the client can read its body as, best first: the JSON types
    /// (`application/json` first) for a JSON body, the `text/*` types for text, every listed type for bytes.
    /// Patterns `Accept` cannot carry (`application/*+json`) are left out.
    static func acceptedContentTypes(_ response: Response, body: ResponseDefinition.Body?) -> [String] {
        let listed = response.content.filter { isMediaRange($0.essence) }
        switch body {
        case .json:
            let json = listed.filter(\.isJSON)
            let preferred =
                json.filter { $0.essence == "application/json" } + json.filter { $0.essence != "application/json" }
            return preferred.isEmpty ? ["application/json"] : preferred.map(\.name)
        case .text:
            return listed.filter { $0.essence.hasPrefix("text/") && StreamFormat($0.essence) == nil }.map(\.name)
        case .binary, .byteStream:
            return listed.filter { StreamFormat($0.essence) == nil }.map(\.name)
        case .stream(let format, _):
            return listed.filter { StreamFormat($0.essence) == format }.map(\.name)
        case nil:
            return []
        }
    }

    /// Whether `essence` can be sent in `Accept`: a media type, `type/*` or `*/*`.
    static func isMediaRange(_ essence: String) -> Bool {
        let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        if parts[0] == "*" { return parts[1] == "*" }
        return parts[1] == "*" || !parts[1].contains("*")
    }

    /// The case name for a status: `ok`, `created`, `badRequest`; `status418` for codes without a common name.
    static func caseName(for status: Response.Status) -> String {
        switch status {
        case .default: return "default"
        case .range(let hundreds):
            return ["1": "informational", "2": "success", "3": "redirection", "4": "clientError", "5": "serverError"][
                String(hundreds)] ?? "status\(hundreds)XX"
        case .code(let code):
            return HTTPStatusNames.names[code] ?? "status\(code)"
        }
    }

    /// Warns that the fields of a form or multipart body are its properties only: the members a `oneOf`/`anyOf`
    /// among its parts adds are not fields.
    func warnOfChoices(_ merged: MergedObject, at location: SourceLocation, body: String) {
        guard !merged.choices.isEmpty else { return }
        warnOnce(
            location,
            "the \(body) body's oneOf/anyOf alternatives are not fields; only the properties beside them are sent")
    }
}
