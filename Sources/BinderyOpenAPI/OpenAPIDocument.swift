import BinderyYAML
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A whole API description, typed: what the generator reads from one or more OpenAPI (or Swagger) files.
///
/// `$ref`s are resolved while reading: parameters, responses, request bodies, headers and path items are copied
/// in place; schemas are kept by identity in ``schemas`` (they may be recursive) and pointed to by ``SchemaID``.
public struct OpenAPIDocument: Sendable {
    public var version: OpenAPIVersion
    public var info: Info
    public var servers: [Server]
    public var paths: [PathItem]
    /// Every schema reachable by reference, in a stable order: the root file's component schemas as written,
    /// then other referenced schemas (in other files, or elsewhere in the document) in the order first met.
    public var schemas: SchemaTable
    public var securitySchemes: [SecurityScheme]
    /// The document-wide security requirement; `nil` when not given.
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    public var extensions: [String: SpecValue]
    /// Where the document starts, for diagnostics that concern it as a whole.
    public var location: SourceLocation

    public init(
        version: OpenAPIVersion, info: Info, servers: [Server] = [], paths: [PathItem] = [],
        schemas: SchemaTable = SchemaTable(), securitySchemes: [SecurityScheme] = [],
        security: [SecurityRequirement]? = nil, tags: [Tag] = [], extensions: [String: SpecValue] = [:],
        location: SourceLocation
    ) {
        self.version = version
        self.info = info
        self.servers = servers
        self.paths = paths
        self.schemas = schemas
        self.securitySchemes = securitySchemes
        self.security = security
        self.tags = tags
        self.extensions = extensions
        self.location = location
    }

    /// The operations of every path, in document order.
    public var operations: [Operation] {
        paths.flatMap(\.operations)
    }
}

/// The `info` object.
public struct Info: Sendable, Hashable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public var termsOfService: String?
    public var contactName: String?
    public var contactEmail: String?
    public var contactURL: String?
    public var licenseName: String?
    public var licenseURL: String?

    public init(title: String, version: String) {
        self.title = title
        self.version = version
    }
}

/// A server the API is served from, with its variables' defaults.
public struct Server: Sendable, Hashable {
    public struct Variable: Sendable, Hashable {
        public var name: String
        public var defaultValue: String
        public var enumValues: [String]
        public var description: String?
    }

    public var url: String
    public var description: String?
    public var variables: [Variable]
    /// Where the URL is written; `nil` for the server Swagger 2.0's `host`, `basePath` and `schemes` make.
    public var location: SourceLocation?

    public init(url: String, description: String? = nil, variables: [Variable] = [], location: SourceLocation? = nil) {
        self.url = url
        self.description = description
        self.location = location
        self.variables = variables
    }

    /// The URL with every variable replaced by its default.
    public var defaultURL: String {
        variables.reduce(url) { url, variable in
            url.replacing("{\(variable.name)}", with: variable.defaultValue)
        }
    }
}

/// A tag, which groups operations into one API type.
public struct Tag: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// Whether the tag is a section of the documentation rather than a group of operations (Redoc's
    /// `x-traitTag: true`, DigitalOcean's introductions).
    public var isSection: Bool

    public init(name: String, description: String? = nil, isSection: Bool = false) {
        self.name = name
        self.description = description
        self.isSection = isSection
    }
}
