import Foundation

// Hand-written beside the generated client, which is in the build folder (BinderyPlugin writes it there on every
// build that needs it). Generated types are extended like any others of the module.

extension PetApi {
    /// The names of the pets that are available.
    public func availablePetNames() async throws -> [String] {
        try await findPetsByStatus(status: .available).map(\.name)
    }
}
