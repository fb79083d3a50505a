/// Which statuses a documented response stands for.
public enum ResponseStatus: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One status code, `201`.
    case code(Int)
    /// A range written `4XX`: the hundreds digit.
    case range(Int)
    /// `default`: every status not documented otherwise.
    case `default`

    /// As the description writes it: `201`, `4XX`, `default`.
    public var description: String {
        switch self {
        case .code(let code): String(code)
        case .range(let hundreds): "\(hundreds)XX"
        case .default: "default"
        }
    }

    /// Whether the status is a success for a client: 2xx codes and the `2XX` range. `default` is not.
    public var isSuccess: Bool {
        switch self {
        case .code(let code): (200..<300).contains(code)
        case .range(let hundreds): hundreds == 2
        case .default: false
        }
    }

    /// Codes first, in order, then ranges, then `default`: the order in which a status is matched.
    public static func < (lhs: ResponseStatus, rhs: ResponseStatus) -> Bool {
        switch (lhs, rhs) {
        case (.code(let a), .code(let b)): a < b
        case (.range(let a), .range(let b)): a < b
        case (.code, _): true
        case (.range, .default): true
        default: false
        }
    }
}
