import BinderyYAML

/// A way of authenticating requests, from `components.securitySchemes`.
public struct SecurityScheme: Sendable, Hashable {
    /// What the scheme is and where its credential goes.
    public enum Kind: Sendable, Hashable {
        case apiKey(name: String, in: Parameter.Kind)
        /// `http` with its scheme (`basic`, `bearer`, ...) and optional bearer format.
        case http(scheme: String, bearerFormat: String?)
        case oauth2(flows: [OAuthFlow])
        case openIDConnect(url: String)
        case mutualTLS
    }

    /// One OAuth 2 flow.
    public struct OAuthFlow: Sendable, Hashable {
        public var name: String
        public var authorizationURL: String?
        public var tokenURL: String?
        public var refreshURL: String?
        public var scopes: [Scope]

        public init(name: String) {
            self.name = name
            self.scopes = []
        }
    }

    /// An OAuth 2 scope and what it grants.
    public struct Scope: Sendable, Hashable {
        public var name: String
        public var description: String
    }

    public var name: String
    public var kind: Kind
    public var description: String?
    public var location: SourceLocation

    public init(name: String, kind: Kind, description: String? = nil, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.description = description
        self.location = location
    }
}

/// One alternative of a `security` list: every scheme named must be satisfied (with these scopes).
public struct SecurityRequirement: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var scheme: String
        public var scopes: [String]
        /// Where the scheme is named.
        public var location: SourceLocation?

        public init(scheme: String, scopes: [String], location: SourceLocation? = nil) {
            self.scheme = scheme
            self.scopes = scopes
            self.location = location
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }
}
