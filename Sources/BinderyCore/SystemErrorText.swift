#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension Error {
    /// What went wrong, in the system's words (`No such file or directory`) when the error carries a system error
    /// code, as `FileManager`'s do: `localizedDescription` needs all of Foundation.
    public var systemErrorText: String {
        if let error = self as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        if let error = self as? CocoaError, let underlying = error.userInfo["NSUnderlyingError"] as? POSIXError {
            return String(cString: strerror(underlying.code.rawValue))
        }
        return "\(self)"
    }
}
