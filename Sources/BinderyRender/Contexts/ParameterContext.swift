import BinderyModel

/// One parameter of an operation's methods.
///
/// Keys: `name` (on the wire), `nameLiteral`, `swiftName`, `type` (with `?` when optional), `declaration` (with
/// a `nil` default when optional), `plainDeclaration` (no default), `argument` (`label: label`), `isPath`,
/// `isQuery`, `isHeader`, `isCookie`, `isFormField`, `isBody`, `isOptional`, `location` (in words),
/// `typeMarkdown`, `description` (one line of Markdown), `requiredText`.
struct ParameterContext: RenderContext {
    let parameter: ParameterDefinition
    let index: TypeIndex

    func value(forKey key: String) -> RenderValue? {
        let name = SwiftName.identifier(parameter.swiftName)
        return switch key {
        case "name": .text(parameter.name)
        case "nameLiteral": .text(SwiftLiteral.string(parameter.name))
        case "swiftName": .text(name)
        case "type": .text(typeCode)
        case "declaration": .text("\(name): \(typeCode)" + (parameter.isOptional ? " = nil" : ""))
        case "plainDeclaration": .text("\(name): \(typeCode)")
        case "argument": .text("\(parameter.swiftName): \(name)")
        case "isPath": .flag(parameter.location == .request(.path))
        case "isQuery": .flag(parameter.location == .request(.query))
        case "isHeader": .flag(parameter.location == .request(.header))
        case "isCookie": .flag(parameter.location == .request(.cookie))
        case "isFormField": .flag(parameter.location == .formField)
        case "isBody": .flag(parameter.location == .body)
        case "isOptional": .flag(parameter.isOptional)
        case "location": .text(Self.locationText(parameter.location))
        case "typeMarkdown": .text(index.markdown(parameter.type))
        case "description":
            .text(MarkdownText.cell(parameter.documentation.paragraphs.first ?? Self.defaultDescription(parameter)))
        case "requiredText": .text(parameter.isOptional ? "optional" : "required")
        default: nil
        }
    }

    var typeCode: String {
        index.code(parameter.type) + (parameter.isOptional ? "?" : "")
    }

    static func locationText(_ location: ParameterDefinition.Location) -> String {
        switch location {
        case .request(let location): location.rawValue
        case .formField: "form field"
        case .body: "body"
        }
    }

    /// What a parameter is, for the docs, when the document does not say.
    static func defaultDescription(_ parameter: ParameterDefinition) -> String {
        switch parameter.location {
        case .body: "The request body."
        case .request(.path), .request(.query):
            "The `\(parameter.name)` \(locationText(parameter.location)) parameter."
        case .request(.header), .request(.cookie), .formField:
            "The `\(parameter.name)` \(locationText(parameter.location))."
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
        case .array: "[]"
        case .dictionary: "[:]"
        case .optional: "nil"
        case .named: "\(index.code(type))(...)"
        }
    }
}
