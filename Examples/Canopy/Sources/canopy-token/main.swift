import Canopy
import Foundation

// Requests a token from the Canopy API at the base URL given on the command line:
//   swift run canopy-token http://127.0.0.1:8080 [username] [tenant] [password] [client-id] [client-secret]
//
// POST /token is deprecated by the API description (it points to the identity server instead), so building this
// example shows the deprecation warning every caller of tokenPostToken sees.

let arguments = CommandLine.arguments.dropFirst()
guard let base = arguments.first, let baseURL = URL(string: base), baseURL.scheme != nil else {
    FileHandle.standardError.write(
        Data("usage: canopy-token BASE-URL [username tenant password client-id client-secret]\n".utf8)
    )
    exit(2)
}
let values = Array(arguments.dropFirst()) + Array(repeating: "", count: 5)

do {
    let client = APIClient(baseURL: baseURL)
    let token = try await TokenApi(client: client).tokenPostToken(
        grantType: "password", username: values[0], tenant: values[1], password: values[2], clientId: values[3],
        clientSecret: values[4]
    )
    print(token.accessToken ?? "")
} catch let error as APIResponseError<ProblemDetails> {
    print("rejected: \(error.body.summary)")
    exit(1)
} catch {
    print("failed: \(error)")
    exit(1)
}
