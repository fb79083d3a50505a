import BinderyModel
import TestExecutors
import Testing

/// The methods of an operation take their required parameters first; the request is still built in wire order.
@Suite(.computing) struct ParameterOrderTests {
    @Test func requiredParametersComeFirstInSignaturesAndWireOrderIsKept() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /notes/{id}:
                post:
                  operationId: addNote
                  parameters:
                    - {name: draft, in: query, schema: {type: boolean}}
                    - {name: id, in: path, required: true, schema: {type: integer}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                    - {name: lang, in: query, required: true, schema: {type: string}}
                    - {name: session, in: cookie, required: true, schema: {type: string}}
                  requestBody: {required: true, content: {text/plain: {schema: {type: string}}}}
                  responses: {'204': {description: Added.}}
            """)
        let operation = try #require(model.apis.first?.operations.first)
        #expect(operation.parameters.map(\.swiftName) == ["id", "draft", "lang", "xTrace", "session", "body"])
        #expect(operation.signatureParameters.map(\.swiftName) == ["id", "lang", "session", "body", "draft", "xTrace"])
    }
}
