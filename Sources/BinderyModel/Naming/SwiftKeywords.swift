/// The words Swift reserves, and the type names generated code must not shadow.
public enum SwiftKeywords {
    /// Keywords that cannot be identifiers without backticks (declarations, statements, expressions and types).
    public static let reserved: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "_",
    ]

    /// Names no member can take, even in backticks: after a dot they mean something else (`x.self`, `T.Type`,
    /// `P.Protocol`, `T.init`). Each scope of members adds the names its own declarations use.
    public static let reservedMemberNames: Set<String> = ["self", "Type", "Protocol", "init"]

    /// Whether `name` must be written in backticks.
    public static func needsBackticks(_ name: String) -> Bool {
        reserved.contains(name)
    }

    /// Type names a generated top-level type must not take: standard library and Foundation types the generated
    /// code (or its users) refer to unqualified, where a type of the same name would be ambiguous or shadow them.
    public static let shadowedTypeNames: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "Data", "Date", "Decimal", "Decodable",
        "Dictionary", "Double", "Encodable", "Equatable", "Error", "Float", "Foundation", "Hashable", "Int", "Int8",
        "Int16", "Int32", "Int64", "JSONDecoder", "JSONEncoder", "Never", "Optional", "Result", "Sendable", "Set",
        "String", "Swift", "Task", "Type", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "URL", "URLComponents",
        "URLQueryItem", "URLRequest", "URLResponse", "URLSession", "UUID", "Void", "Protocol", "Self", "Sequence",
        "Collection", "Identifiable", "Comparable", "CodingKey", "Decoder", "Encoder", "TimeZone",
        "Calendar", "Locale", "DateComponents", "NSObject", "HTTPURLResponse", "Substring", "Range", "CaseIterable",
        "CustomStringConvertible", "DecodingError", "EncodingError", "ExpressibleByDictionaryLiteral", "Hasher",
        "IndexingIterator", "LosslessStringConvertible", "RawRepresentable", "UTF8", "Unicode", "CodingUserInfoKey",
        "KeyedEncodingContainer", "KeyedEncodingContainerProtocol", "SingleValueEncodingContainer",
        "UnkeyedEncodingContainer", "KeyedDecodingContainer", "SingleValueDecodingContainer",
        "UnkeyedDecodingContainer",
        // Used by the streaming runtime.
        "AsyncThrowingStream", "CheckedContinuation", "NSLock", "URLSessionDataDelegate", "URLSessionDataTask",
        "URLSessionTask",
    ]
}
