import BinderyCore
import BinderyModel

/// One parameter of an operation's methods.
///
/// Keys: `name` (on the wire), `nameLiteral`, `swiftName` (with backticks where needed), `label` (the argument
/// label), `type` (with `?` when optional), `isOptional`, `isPath`, `isQuery`, `isHeader`, `isCookie`,
/// `isFormField`, `isBody`, `style` (`form`, `deepObject`, …), `explodeLiteral`, `allowReserved`,
/// `hasDefaultEncoding` (whether style, explode and allowReserved are what the runtime assumes for the location),
/// `isDeprecated`, `location` (in words), `typeMarkdown`, `description` (one line of Markdown), `requiredText`,
/// `isArray`.
///
/// Multipart parts: `isPart`, `isTextPart`, `isJSONPart`, `isFilePart`, `partKind` (`text`, `JSON` or `file`, for
/// the docs), `hasPartContentType`, `partContentTypeLiteral` (the `Content-Type` sent), `partContentTypes` (the
/// media types the document allows, for the docs), `hasPartHeaders`, `partHeaders` (``PartHeaderContext``s).
final class ParameterContext: RenderContext {
    let parameter: ParameterDefinition
    let type: String
    let index: TypeIndex

    init(parameter: ParameterDefinition, index: TypeIndex) {
        self.parameter = parameter
        self.type = index.code(parameter.type) + (parameter.isOptional ? "?" : "")
        self.index = index
    }

    /// Made when a template asks: only the docs do, once.
    var typeMarkdown: String { index.markdown(parameter.type) }

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(parameter.name)
        case .nameLiteral: .text(SwiftLiteral.string(parameter.name))
        case .swiftName: .text(SwiftName.identifier(parameter.swiftName))
        case .label: .text(parameter.swiftName)
        case .type: .text(type)
        case .isOptional: .flag(parameter.isOptional)
        case .isPath: .flag(parameter.location == .request(.path))
        case .isQuery: .flag(parameter.location == .request(.query))
        case .isHeader: .flag(parameter.location == .request(.header))
        case .isCookie: .flag(parameter.location == .request(.cookie))
        case .isFormField: .flag(parameter.location == .formField)
        case .isBody: .flag(parameter.location == .body)
        case .style: .text(parameter.style.rawValue)
        case .explodeLiteral: .text(parameter.explode ? "true" : "false")
        case .allowReserved: .flag(parameter.allowReserved)
        case .hasDefaultEncoding: .flag(hasDefaultEncoding)
        case .isDeprecated: .flag(parameter.deprecated)
        case .location: .text(Self.locationText(parameter.location))
        case .typeMarkdown: .text(typeMarkdown)
        case .description:
            .text(MarkdownText.cell(parameter.documentation.paragraphs.first ?? Self.defaultDescription(parameter)))
        case .requiredText: .text(parameter.isOptional ? "optional" : "required")
        case .isArray: .flag(parameter.type.isArray)
        case .isPart: .flag(part != nil)
        case .isTextPart: .flag(part?.kind == .text)
        case .isJSONPart: .flag(part?.kind == .json)
        case .isFilePart: .flag(part?.kind == .file)
        case .partKind: .text(part.map { Self.partKindText($0.kind) } ?? "")
        case .hasPartContentType: .flag(part?.contentType != nil)
        case .partContentTypeLiteral: .text(part?.contentType.map(SwiftLiteral.string) ?? "")
        case .partContentTypes: .text(part.map(Self.partContentTypesText) ?? "")
        case .hasPartHeaders: .flag(part?.headers.isEmpty == false)
        case .partHeaders:
            .list(part.map { part in part.headers.map { PartHeaderContext(header: $0, part: parameter.name) } } ?? [])
        default: nil
        }
    }

    /// The part of a multipart body the parameter is, if it is one.
    var part: MultipartPart? {
        if case .multipartPart(let part) = parameter.location { return part }
        return nil
    }

    /// The media types the document allows for a part, or the one the runtime sends when it gives none.
    static func partContentTypesText(_ part: MultipartPart) -> String {
        guard part.contentTypes.isEmpty else { return part.contentTypes.joined(separator: ", ") }
        switch part.kind {
        case .text: return "text/plain"
        case .json: return "application/json"
        case .file: return "application/octet-stream"
        }
    }

    static func partKindText(_ kind: MultipartPart.Kind) -> String {
        switch kind {
        case .text: "text"
        case .json: "JSON"
        case .file: "file"
        }
    }

    /// Whether the parameter is written as the runtime writes its location when told nothing: `simple` for paths
    /// and headers, `form` for queries, cookies and form fields, exploded only for `form`, reserved characters
    /// encoded.
    var hasDefaultEncoding: Bool {
        let style: ParameterStyle
        switch parameter.location {
        case .request(let location): style = .default(for: location)
        case .formField: style = .form
        case .body, .multipartPart, .multipartPartHeader: return true
        }
        return parameter.style == style && parameter.explode == (style == .form) && !parameter.allowReserved
    }

    static func locationText(_ location: ParameterDefinition.Location) -> String {
        switch location {
        case .request(let location): location.rawValue
        case .formField: "form field"
        case .multipartPart: "multipart part"
        case .multipartPartHeader(let part): "header of part `\(part)`"
        case .body: "body"
        }
    }

    /// What a parameter is, for the docs, when the document does not say.
    static func defaultDescription(_ parameter: ParameterDefinition) -> String {
        switch parameter.location {
        case .body: "The request body."
        case .request(.path), .request(.query):
            "The `\(parameter.name)` \(locationText(parameter.location)) parameter."
        case .request(.header), .request(.cookie), .formField, .multipartPart:
            "The `\(parameter.name)` \(locationText(parameter.location))."
        case .multipartPartHeader(let part):
            "The `\(parameter.name)` header of the `\(part)` multipart part."
        }
    }

    /// A placeholder value of `type` for example code.
    static func exampleValue(_ type: SwiftType, index: TypeIndex) -> String {
        switch type {
        case .string: "\"...\""
        case .bool: "false"
        case .int, .int32, .int64: "0"
        case .float, .double: "0.0"
        case .date: "Date()"
        case .calendarDate: "CalendarDate(year: 2026, month: 1, day: 1)"
        case .uuid: "UUID()"
        case .data: "Data()"
        case .jsonValue: ".null"
        case .multipartFile: "MultipartFile(data: Data(), filename: \"file.bin\")"
        case .array: "[]"
        case .dictionary: "[:]"
        case .optional: "nil"
        case .named, .custom: "\(index.code(type))(...)"
        }
    }
}

/// A header the `encoding` of a multipart body documents for a part: `name`, `nameLiteral`, `swiftName` (the
/// parameter holding its value, with backticks where needed), `label` (without), `partNameLiteral` (the part's
/// name), `requiredText`, `description` (one line of Markdown).
struct PartHeaderContext: RenderContext {
    let header: MultipartPart.Header
    /// The name of the part.
    let part: String

    func value(forKey key: RenderKey) -> RenderValue? {
        switch key.known {
        case .name: .text(header.name)
        case .nameLiteral: .text(SwiftLiteral.string(header.name))
        case .swiftName: .text(SwiftName.identifier(header.swiftName))
        case .label: .text(header.swiftName)
        case .partNameLiteral: .text(SwiftLiteral.string(part))
        case .requiredText: .text(header.isRequired ? "required" : "optional")
        case .description: .text(MarkdownText.cell(header.documentation.paragraphs.first ?? ""))
        default: nil
        }
    }
}
