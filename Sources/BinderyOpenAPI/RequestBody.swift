import BinderyYAML

/// The body an operation accepts, by media type.
public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    /// Media types in document order.
    public var content: [MediaType]
    public var location: SourceLocation

    public init(content: [MediaType], required: Bool = false, location: SourceLocation) {
        self.content = content
        self.required = required
        self.location = location
    }
}

/// One media type of a body: its name, schema, (for form and multipart bodies) per-property encoding and, when the
/// reader is asked for them (``OpenAPIReader/readsExamples``), its examples.
public struct MediaType: Sendable {
    /// A value the description gives as an example of the content.
    public struct Example: Sendable {
        /// The key in `examples` (OpenAPI 3), or `nil` for `example` (and Swagger 2.0's response `examples`).
        public var name: String?
        public var value: SpecValue
        /// Where the value is written (after following `$ref`s to `components/examples`).
        public var location: SourceLocation

        public init(name: String?, value: SpecValue, location: SourceLocation) {
            self.name = name
            self.value = value
            self.location = location
        }
    }

    /// How one property of a form or multipart body is encoded.
    public struct Encoding: Sendable {
        public var property: String
        /// The part's media type, or a comma-separated list of them (`image/png, image/jpeg`); multipart only.
        public var contentType: String?
        /// The headers of the part (multipart only), in document order; `Content-Type` is left out, as OpenAPI
        /// says.
        public var headers: [Header]
        public var style: Parameter.Style?
        public var explode: Bool?
        public var allowReserved: Bool

        public init(property: String) {
            self.property = property
            self.headers = []
            self.allowReserved = false
        }
    }

    /// The media type as written, for example `application/json` or `application/*+json`.
    public var name: String {
        didSet { essence = Self.essence(of: name) }
    }
    /// The type and subtype in lower case, without parameters: `application/json` for `Application/JSON; charset=utf-8`.
    /// Computed once: the model asks it of every body and response several times.
    public private(set) var essence: String
    public var schema: JSONSchema?
    public var encoding: [Encoding]
    /// `example`, then the values of `examples` in document order (Example Objects with only an `externalValue`
    /// are left out); empty unless the reader reads examples.
    public var examples: [Example]
    public var location: SourceLocation

    public init(name: String, schema: JSONSchema?, encoding: [Encoding] = [], location: SourceLocation) {
        self.name = name
        self.essence = Self.essence(of: name)
        self.schema = schema
        self.encoding = encoding
        self.examples = []
        self.location = location
    }

    /// The type and subtype of `name` in lower case, without parameters.
    static func essence(of name: String) -> String {
        var text = name
        let ascii: String? = text.withUTF8 { bytes in
            // ASCII: the same by bytes, in place, without Unicode work (descriptions ask this of every body and
            // response): the first piece `split(separator: ";", maxSplits: 1)` gives (the first run of bytes
            // between semicolons that is not empty), or the whole name without one; without blanks around it, in
            // lower case.
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            if let first = bytes.firstIndex(where: { $0 != UInt8(ascii: ";") }) {
                start = first
                end = bytes[first...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            }
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { essence in
                for index in start..<end {
                    essence[index - start] = (0x41...0x5A).contains(bytes[index]) ? bytes[index] | 0x20 : bytes[index]
                }
                return end - start
            }
        }
        if let ascii { return ascii }
        let bare = name.split(separator: ";", maxSplits: 1).first.map(String.init) ?? name
        return bare.trimmingASCIIWhitespace().lowercased()
    }

    /// Whether a body of this media type is JSON: `application/json`, `text/json`, or any `+json` suffix.
    public var isJSON: Bool {
        let essence = self.essence
        return essence == "application/json" || essence == "text/json" || essence.hasSuffix("+json")
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[start...end])
    }
}
