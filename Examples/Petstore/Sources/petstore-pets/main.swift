import Foundation
import Petstore

// Lists the available pets of a Petstore server, with an OAuth token for the description's `petstore_auth`:
//   swift run petstore-pets [base-url] [token]
// The base URL defaults to the description's server (https://petstore3.swagger.io/api/v3).

let arguments = Array(CommandLine.arguments.dropFirst())
var configuration = APIClient.Configuration()
if let base = arguments.first {
    guard let url = URL(string: base), url.scheme != nil else {
        FileHandle.standardError.write(Data("usage: petstore-pets [BASE-URL] [TOKEN]\n".utf8))
        exit(2)
    }
    configuration.baseURL = url
}
configuration.credentials["petstore_auth"] = .token(arguments.dropFirst().first ?? "special-key")
let client = APIClient(configuration: configuration)

do {
    for name in try await PetApi(client: client).availablePetNames() {
        print(name)
    }
} catch {
    print("failed: \(error)")
    exit(1)
}
