/// The Swift type of a value: a property, a parameter, a body.
///
/// Optionality is not part of the type; properties and parameters say whether they are optional. Generated types
/// are referred to by identity; ``TypeNames`` writes them.
public indirect enum SwiftType: Sendable, Hashable {
    case string
    case bool
    case int
    case int32
    case int64
    case float
    case double
    /// `Date`, for `format: date-time`.
    case date
    /// `CalendarDate` (generated), for `format: date`.
    case calendarDate
    case uuid
    /// `Data`: binary bodies, and base64 (`format: byte`) in JSON.
    case data
    /// `JSONValue` (generated): any JSON value.
    case jsonValue
    /// `MultipartFile` (generated): a file part of a multipart body, its bytes with a file name and media type.
    case multipartFile
    /// A generated type.
    case named(TypeID)
    /// A type of the user's, written as given (a ``TypeOverride``).
    case custom(String)
    case array(SwiftType)
    case dictionary(SwiftType)
    /// An element that may be `null` (`[String?]`); properties and parameters use their own optionality instead.
    case optional(SwiftType)

    /// The name of a type that is not generated from the description (`String`, `CalendarDate`); `nil` for
    /// generated types and collections.
    public var builtinName: String? {
        switch self {
        case .string: "String"
        case .bool: "Bool"
        case .int: "Int"
        case .int32: "Int32"
        case .int64: "Int64"
        case .float: "Float"
        case .double: "Double"
        case .date: "Date"
        case .calendarDate: "CalendarDate"
        case .uuid: "UUID"
        case .data: "Data"
        case .jsonValue: "JSONValue"
        case .multipartFile: "MultipartFile"
        case .custom(let name): name
        case .named, .array, .dictionary, .optional: nil
        }
    }

    /// Whether the type is an array.
    public var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// The element type of an array; the type itself otherwise.
    public var elementType: SwiftType {
        if case .array(let element) = self { return element }
        return self
    }
}
