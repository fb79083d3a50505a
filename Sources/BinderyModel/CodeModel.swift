import BinderyCore

/// Everything the templates render for one API description: nothing about YAML or OpenAPI's shape, only the
/// Swift to write and the documentation to go with it.
public struct CodeModel: Sendable {
    /// The Swift module the generated code is compiled in.
    public var moduleName: String
    public var title: String
    public var version: String
    public var documentation: Documentation
    /// The base URL of the first server, with variables at their defaults; `http://localhost` when none is given.
    public var defaultServerURL: String
    /// Every server, as functions that return its URL for the variables' values; `nil` when none is given.
    public var servers: ServersDefinition?
    public var apis: [APIDefinition]
    /// Top-level types, in a stable order (the document's component schemas first).
    public var types: [TypeDefinition]
    /// How each generated type is written.
    public var typeNames: TypeNames
    public var securitySchemes: [SecuritySchemeDefinition]
    /// Sections of the documentation that are not about one API: the tags that group no operations but hold text
    /// (Redoc's `x-traitTag`, such as DigitalOcean's introductions), in the document's order.
    public var sections: [DocumentationSection]
    /// Which public methods the operations get.
    public var methods: OperationMethods

    public init(moduleName: String, title: String, version: String) {
        self.moduleName = moduleName
        self.title = title
        self.version = version
        self.documentation = Documentation()
        self.defaultServerURL = "http://localhost"
        self.servers = nil
        self.apis = []
        self.types = []
        self.typeNames = TypeNames()
        self.securitySchemes = []
        self.sections = []
        self.methods = .both
    }
}

/// A titled section of the package's documentation.
public struct DocumentationSection: Sendable, Hashable {
    public var title: String
    /// Markdown, as written in the document.
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

/// One API type: the operations of one tag (`TokenApi` for tag `Token`).
public struct APIDefinition: Sendable, Hashable {
    /// The API type's identity (`#/tags/Token`); its name is given with the other type names.
    public var id: TypeID
    public var name: String
    public var tag: String
    public var documentation: Documentation
    public var operations: [OperationDefinition]

    public init(id: TypeID, tag: String, documentation: Documentation = Documentation()) {
        self.id = id
        self.name = ""
        self.tag = tag
        self.documentation = documentation
        self.operations = []
    }
}

/// A way requests authenticate, as the generated client knows it.
public struct SecuritySchemeDefinition: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `Authorization: Bearer <token>`: HTTP bearer, OAuth 2 and OpenID Connect.
        case bearer
        /// `Authorization: Basic <base64(user:password)>`.
        case basic
        /// A key in a header, query item or cookie.
        case apiKey(name: String, location: ParameterLocation)
        /// A scheme the client cannot apply by itself (mutual TLS, other HTTP schemes): documented only.
        case unsupported(String)
    }

    /// The scheme's name in the document (`Bearer`), by which credentials are looked up.
    public var name: String
    /// The Swift name of its constant (`bearer`).
    public var swiftName: String
    public var kind: Kind
    /// What the document says about it, including OAuth flows, for the docs.
    public var documentation: Documentation
    /// The kind in words, for the docs: `OAuth 2 (password flow)`, `HTTP bearer`, `API key in header X-Key`.
    public var summary: String

    public init(name: String, swiftName: String, kind: Kind, summary: String, documentation: Documentation) {
        self.name = name
        self.swiftName = swiftName
        self.kind = kind
        self.summary = summary
        self.documentation = documentation
    }
}
