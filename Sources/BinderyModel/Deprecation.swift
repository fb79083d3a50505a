/// Why a declaration is deprecated.
///
/// Swift warns wherever a deprecated declaration is used outside another deprecated one, in its own module too.
/// So a declaration that names a deprecated type is deprecated with it: the generated package builds without
/// warnings, and its users are warned wherever they use what the API description deprecates.
public enum Deprecation: Sendable, Hashable {
    /// The API description marks it as deprecated.
    case marked
    /// It names a deprecated type (the first one found).
    case uses(TypeID)
}
