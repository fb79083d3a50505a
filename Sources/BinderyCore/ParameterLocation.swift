/// Where a parameter (or an API key) is sent: OpenAPI's `in`.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case path, query, header, cookie
}

/// How a parameter's value is written: OpenAPI's `style`, plus Swagger 2.0's tab-separated `collectionFormat`.
public enum ParameterStyle: String, Sendable, Hashable, CaseIterable {
    case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
    /// Swagger 2.0's `collectionFormat: tsv`: array items separated by tabs. OpenAPI 3 has no such style.
    case tabDelimited

    /// The style a parameter has when the description does not give one.
    public static func `default`(for location: ParameterLocation) -> ParameterStyle {
        switch location {
        case .path, .header: .simple
        case .query, .cookie: .form
        }
    }
}
