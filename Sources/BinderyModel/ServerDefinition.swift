/// The servers the description lists, as the generated `Servers` namespace: a function per server that returns its
/// URL for the variables' values, and an enum for each variable that lists its values.
public struct ServersDefinition: Sendable, Hashable {
    /// The namespace's identity (`openapi.yaml#/servers`); its name is given with the other type names.
    public var id: TypeID
    /// The namespace's name (`Servers`, unless a schema took it).
    public var name: String
    public var servers: [ServerDefinition]
    /// The enums of the variables that list their values, in the order they were found. Variables of the same
    /// name with the same values share one.
    public var enums: [ServerEnumDefinition]

    public init(id: TypeID) {
        self.id = id
        self.name = ""
        self.servers = []
        self.enums = []
    }
}

/// One server: its URL template and the function that fills it in.
public struct ServerDefinition: Sendable, Hashable {
    /// The URL as written, with `{variable}`s: `https://{region}.example.com/{version}`.
    public var url: String
    /// The function's name: from the description (`production`), else `server1`, `server2`, … by position.
    public var swiftName: String
    public var documentation: Documentation
    /// Whether the URL is relative (`/v1`): relative to where the description is served, so the function takes
    /// that URL.
    public var isRelative: Bool
    /// The variables the URL uses, in the order the description declares them.
    public var variables: [ServerVariableDefinition]

    public init(url: String, swiftName: String, isRelative: Bool, documentation: Documentation = Documentation()) {
        self.url = url
        self.swiftName = swiftName
        self.documentation = documentation
        self.isRelative = isRelative
        self.variables = []
    }
}

/// A variable of a server's URL: a parameter of the server's function, with the variable's default.
public struct ServerVariableDefinition: Sendable, Hashable {
    /// The name in the URL template (`region` in `{region}`).
    public var name: String
    /// The parameter's name, without backticks.
    public var swiftName: String
    public var defaultValue: String
    /// The enum of the values the description lists; `nil` for a variable that takes any text.
    public var enumID: TypeID?
    /// The case of the default value, for an enum variable.
    public var defaultCaseName: String?
    public var documentation: Documentation

    public init(name: String, swiftName: String, defaultValue: String, documentation: Documentation = Documentation()) {
        self.name = name
        self.swiftName = swiftName
        self.defaultValue = defaultValue
        self.enumID = nil
        self.defaultCaseName = nil
        self.documentation = documentation
    }
}

/// A closed `enum` of the values a server variable may take (a server variable's `enum` lists every value the
/// server accepts, unlike a schema's, so there is no case for values it does not list).
public struct ServerEnumDefinition: Sendable, Hashable {
    public var id: TypeID
    /// The name, nested in the namespace (`Region`); given with the other type names.
    public var name: String
    public var cases: [EnumDefinition.Case]

    public init(id: TypeID, cases: [EnumDefinition.Case]) {
        self.id = id
        self.name = ""
        self.cases = cases
    }
}
