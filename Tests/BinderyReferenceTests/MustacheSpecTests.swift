import BinderyMustache
import BinderyRender
import TestExecutors
import Testing

/// The Mustache specification's cases (github.com/mustache/spec: interpolation, sections, inverted, partials,
/// comments, delimiters, and the optional inheritance and dynamic names) whose data render contexts can hold,
/// rendered by both engines. Each case's templates start with `{{% CONTENT_TYPE: HTML}}`, so values are escaped as
/// the specification expects (Bindery's own templates are plain text).
///
/// Both engines must agree on every case, and give the specification's result except where swift-mustache does
/// not (``swiftMustacheResults``). Cases whose data has lists of scalars or is not an object are left out: render
/// contexts have no such values.
@Suite(.computing) struct MustacheSpecTests {
    /// Data as render contexts see it: numbers as their text, `null` as empty text.
    indirect enum SpecData {
        case text(String)
        case flag(Bool)
        case object([String: SpecData])
        case list([SpecData])

        var renderValue: RenderValue {
            switch self {
            case .text(let text): .text(text)
            case .flag(let flag): .flag(flag)
            case .object(let values): .context(SpecContext(values: values))
            case .list(let elements): .list(elements.map { SpecContext(values: $0.values) })
            }
        }

        var values: [String: SpecData] {
            if case .object(let values) = self { return values }
            return [:]
        }
    }

    struct SpecContext: RenderContext {
        let values: [String: SpecData]

        func value(forKey key: RenderKey) -> RenderValue? {
            values[key.name]?.renderValue
        }
    }

    struct SpecCase: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var data: SpecData
        var partials: [String: String]
        var expected: String

        init(
            _ file: String, _ name: String, template: String, data: SpecData, partials: [String: String],
            expected: String
        ) {
            self.file = file
            self.name = name
            self.template = template
            self.data = data
            self.partials = partials
            self.expected = expected
        }

        var testDescription: String { "\(file): \(name)" }

        /// The template set: the case's template as `spec-case`, and its partials.
        var templates: TemplateSet {
            var files = ["spec-case.mustache": "{{% CONTENT_TYPE: HTML}}\n" + template]
            for (name, text) in partials { files[name + ".mustache"] = "{{% CONTENT_TYPE: HTML}}\n" + text }
            return TemplateSet(files: files)
        }
    }

    /// What swift-mustache renders where it departs from the specification (and so does the compiled engine).
    static let swiftMustacheResults: [String: String] = [
        // A block's content is not re-indented to where the parent's block tag stands.
        "inheritance: Intrinsic indentation": "Hi,\none\ntwo\n",
        "inheritance: Nested block reindentation": "one\nthree\n",
        // swift-mustache takes a dynamic partial's name only from a Swift `String`; render contexts give text as
        // their own values, so `{{>*name}}` renders nothing (the whitespace of a standalone tag stays).
        "dynamic-names: Basic Behavior - Partial": "\"\"",
        "dynamic-names: Basic Behavior - Name Resolution": "\"\"",
        "dynamic-names: Context": "\"\"",
        "dynamic-names: Dotted Names": "\"\"",
        "dynamic-names: Dotted Names - Failed Lookup": "\"\"",
        "dynamic-names: Dotted names - Context Stacking": "",
        "dynamic-names: Recursion": "",
        "dynamic-names: Surrounding Whitespace": "|  |",
        "dynamic-names: Inline Indentation": "  |  \n",
        "dynamic-names: Standalone Line Endings": "|\r\n|",
        "dynamic-names: Standalone Without Previous Line": "  >",
        "dynamic-names: Standalone Without Newline": ">\n  ",
        "dynamic-names: Standalone Indentation": "\\\n /\n",
        "dynamic-names: Padding Whitespace": "||",
    ]

    @Test(arguments: cases)
    func bothEnginesRenderTheCase(_ specCase: SpecCase) throws {
        let contexts: [any RenderContext] = [SpecContext(values: specCase.data.values)]
        let compiled = try CompiledTemplateRenderer(templates: specCase.templates).render(
            "spec-case", contexts: contexts)
        let mustache = try MustacheTemplateRenderer(templates: specCase.templates).render(
            "spec-case", contexts: contexts)
        #expect(compiled == mustache)
        let key = "\(specCase.file): \(specCase.name)"
        #expect(compiled == (Self.swiftMustacheResults[key] ?? specCase.expected))
        if let result = Self.swiftMustacheResults[key] {
            #expect(result != specCase.expected, "\(key) is no longer a deviation")
        }
    }

    static let cases: [SpecCase] = [
        SpecCase(
            "interpolation", "No Interpolation",
            template: "Hello from {Mustache}!\n",
            data: .object([:]),
            partials: [:],
            expected: "Hello from {Mustache}!\n"
        ),
        SpecCase(
            "interpolation", "Basic Interpolation",
            template: "Hello, {{subject}}!\n",
            data: .object(["subject": .text("world")]),
            partials: [:],
            expected: "Hello, world!\n"
        ),
        SpecCase(
            "interpolation", "No Re-interpolation",
            template: "{{template}}: {{planet}}",
            data: .object(["template": .text("{{planet}}"), "planet": .text("Earth")]),
            partials: [:],
            expected: "{{planet}}: Earth"
        ),
        SpecCase(
            "interpolation", "HTML Escaping",
            template: "These characters should be HTML escaped: {{forbidden}}\n",
            data: .object(["forbidden": .text("& \" < >")]),
            partials: [:],
            expected: "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n"
        ),
        SpecCase(
            "interpolation", "Triple Mustache",
            template: "These characters should not be HTML escaped: {{{forbidden}}}\n",
            data: .object(["forbidden": .text("& \" < >")]),
            partials: [:],
            expected: "These characters should not be HTML escaped: & \" < >\n"
        ),
        SpecCase(
            "interpolation", "Ampersand",
            template: "These characters should not be HTML escaped: {{&forbidden}}\n",
            data: .object(["forbidden": .text("& \" < >")]),
            partials: [:],
            expected: "These characters should not be HTML escaped: & \" < >\n"
        ),
        SpecCase(
            "interpolation", "Basic Integer Interpolation",
            template: "\"{{mph}} miles an hour!\"",
            data: .object(["mph": .text("85")]),
            partials: [:],
            expected: "\"85 miles an hour!\""
        ),
        SpecCase(
            "interpolation", "Triple Mustache Integer Interpolation",
            template: "\"{{{mph}}} miles an hour!\"",
            data: .object(["mph": .text("85")]),
            partials: [:],
            expected: "\"85 miles an hour!\""
        ),
        SpecCase(
            "interpolation", "Ampersand Integer Interpolation",
            template: "\"{{&mph}} miles an hour!\"",
            data: .object(["mph": .text("85")]),
            partials: [:],
            expected: "\"85 miles an hour!\""
        ),
        SpecCase(
            "interpolation", "Basic Decimal Interpolation",
            template: "\"{{power}} jiggawatts!\"",
            data: .object(["power": .text("1.21")]),
            partials: [:],
            expected: "\"1.21 jiggawatts!\""
        ),
        SpecCase(
            "interpolation", "Triple Mustache Decimal Interpolation",
            template: "\"{{{power}}} jiggawatts!\"",
            data: .object(["power": .text("1.21")]),
            partials: [:],
            expected: "\"1.21 jiggawatts!\""
        ),
        SpecCase(
            "interpolation", "Ampersand Decimal Interpolation",
            template: "\"{{&power}} jiggawatts!\"",
            data: .object(["power": .text("1.21")]),
            partials: [:],
            expected: "\"1.21 jiggawatts!\""
        ),
        SpecCase(
            "interpolation", "Basic Null Interpolation",
            template: "I ({{cannot}}) be seen!",
            data: .object(["cannot": .text("")]),
            partials: [:],
            expected: "I () be seen!"
        ),
        SpecCase(
            "interpolation", "Triple Mustache Null Interpolation",
            template: "I ({{{cannot}}}) be seen!",
            data: .object(["cannot": .text("")]),
            partials: [:],
            expected: "I () be seen!"
        ),
        SpecCase(
            "interpolation", "Ampersand Null Interpolation",
            template: "I ({{&cannot}}) be seen!",
            data: .object(["cannot": .text("")]),
            partials: [:],
            expected: "I () be seen!"
        ),
        SpecCase(
            "interpolation", "Basic Context Miss Interpolation",
            template: "I ({{cannot}}) be seen!",
            data: .object([:]),
            partials: [:],
            expected: "I () be seen!"
        ),
        SpecCase(
            "interpolation", "Triple Mustache Context Miss Interpolation",
            template: "I ({{{cannot}}}) be seen!",
            data: .object([:]),
            partials: [:],
            expected: "I () be seen!"
        ),
        SpecCase(
            "interpolation", "Ampersand Context Miss Interpolation",
            template: "I ({{&cannot}}) be seen!",
            data: .object([:]),
            partials: [:],
            expected: "I () be seen!"
        ),
        SpecCase(
            "interpolation", "Dotted Names - Basic Interpolation",
            template: "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"",
            data: .object(["person": .object(["name": .text("Joe")])]),
            partials: [:],
            expected: "\"Joe\" == \"Joe\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Triple Mustache Interpolation",
            template: "\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"",
            data: .object(["person": .object(["name": .text("Joe")])]),
            partials: [:],
            expected: "\"Joe\" == \"Joe\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Ampersand Interpolation",
            template: "\"{{&person.name}}\" == \"{{#person}}{{&name}}{{/person}}\"",
            data: .object(["person": .object(["name": .text("Joe")])]),
            partials: [:],
            expected: "\"Joe\" == \"Joe\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Arbitrary Depth",
            template: "\"{{a.b.c.d.e.name}}\" == \"Phil\"",
            data: .object([
                "a": .object(["b": .object(["c": .object(["d": .object(["e": .object(["name": .text("Phil")])])])])])
            ]),
            partials: [:],
            expected: "\"Phil\" == \"Phil\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Broken Chains",
            template: "\"{{a.b.c}}\" == \"\"",
            data: .object(["a": .object([:])]),
            partials: [:],
            expected: "\"\" == \"\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Broken Chain Resolution",
            template: "\"{{a.b.c.name}}\" == \"\"",
            data: .object(["a": .object(["b": .object([:])]), "c": .object(["name": .text("Jim")])]),
            partials: [:],
            expected: "\"\" == \"\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Initial Resolution",
            template: "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"",
            data: .object([
                "a": .object(["b": .object(["c": .object(["d": .object(["e": .object(["name": .text("Phil")])])])])]),
                "b": .object(["c": .object(["d": .object(["e": .object(["name": .text("Wrong")])])])]),
            ]),
            partials: [:],
            expected: "\"Phil\" == \"Phil\""
        ),
        SpecCase(
            "interpolation", "Dotted Names - Context Precedence",
            template: "{{#a}}{{b.c}}{{/a}}",
            data: .object(["a": .object(["b": .object([:])]), "b": .object(["c": .text("ERROR")])]),
            partials: [:],
            expected: ""
        ),
        SpecCase(
            "interpolation", "Dotted Names are never single keys",
            template: "{{a.b}}",
            data: .object(["a.b": .text("c")]),
            partials: [:],
            expected: ""
        ),
        SpecCase(
            "interpolation", "Dotted Names - No Masking",
            template: "{{a.b}}",
            data: .object(["a.b": .text("c"), "a": .object(["b": .text("d")])]),
            partials: [:],
            expected: "d"
        ),
        SpecCase(
            "interpolation", "Interpolation - Surrounding Whitespace",
            template: "| {{string}} |",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "| --- |"
        ),
        SpecCase(
            "interpolation", "Triple Mustache - Surrounding Whitespace",
            template: "| {{{string}}} |",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "| --- |"
        ),
        SpecCase(
            "interpolation", "Ampersand - Surrounding Whitespace",
            template: "| {{&string}} |",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "| --- |"
        ),
        SpecCase(
            "interpolation", "Interpolation - Standalone",
            template: "  {{string}}\n",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "  ---\n"
        ),
        SpecCase(
            "interpolation", "Triple Mustache - Standalone",
            template: "  {{{string}}}\n",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "  ---\n"
        ),
        SpecCase(
            "interpolation", "Ampersand - Standalone",
            template: "  {{&string}}\n",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "  ---\n"
        ),
        SpecCase(
            "interpolation", "Interpolation With Padding",
            template: "|{{ string }}|",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "|---|"
        ),
        SpecCase(
            "interpolation", "Triple Mustache With Padding",
            template: "|{{{ string }}}|",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "|---|"
        ),
        SpecCase(
            "interpolation", "Ampersand With Padding",
            template: "|{{& string }}|",
            data: .object(["string": .text("---")]),
            partials: [:],
            expected: "|---|"
        ),
        SpecCase(
            "sections", "Truthy",
            template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "\"This should be rendered.\""
        ),
        SpecCase(
            "sections", "Falsey",
            template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "sections", "Null is falsey",
            template: "\"{{#null}}This should not be rendered.{{/null}}\"",
            data: .object(["null": .text("")]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "sections", "Context",
            template: "\"{{#context}}Hi {{name}}.{{/context}}\"",
            data: .object(["context": .object(["name": .text("Joe")])]),
            partials: [:],
            expected: "\"Hi Joe.\""
        ),
        SpecCase(
            "sections", "Parent contexts",
            template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"",
            data: .object([
                "a": .text("foo"), "b": .text("wrong"), "sec": .object(["b": .text("bar")]),
                "c": .object(["d": .text("baz")]),
            ]),
            partials: [:],
            expected: "\"foo, bar, baz\""
        ),
        SpecCase(
            "sections", "Variable test",
            template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"",
            data: .object(["foo": .text("bar")]),
            partials: [:],
            expected: "\"bar is bar\""
        ),
        SpecCase(
            "sections", "List Contexts",
            template:
                "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
            data: .object([
                "tops": .list([
                    .object([
                        "tname": .object(["upper": .text("A"), "lower": .text("a")]),
                        "middles": .list([
                            .object([
                                "mname": .text("1"),
                                "bottoms": .list([.object(["bname": .text("x")]), .object(["bname": .text("y")])]),
                            ])
                        ]),
                    ])
                ])
            ]),
            partials: [:],
            expected: "a1.A1x.A1y."
        ),
        SpecCase(
            "sections", "Deeply Nested Contexts",
            template:
                "{{#a}}\n{{one}}\n{{#b}}\n{{one}}{{two}}{{one}}\n{{#c}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{#d}}\n{{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}\n{{#five}}\n{{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}\n{{one}}{{two}}{{three}}{{four}}{{.}}6{{.}}{{four}}{{three}}{{two}}{{one}}\n{{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}\n{{/five}}\n{{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}\n{{/d}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{/c}}\n{{one}}{{two}}{{one}}\n{{/b}}\n{{one}}\n{{/a}}\n",
            data: .object([
                "a": .object(["one": .text("1")]), "b": .object(["two": .text("2")]),
                "c": .object(["three": .text("3"), "d": .object(["four": .text("4"), "five": .text("5")])]),
            ]),
            partials: [:],
            expected: "1\n121\n12321\n1234321\n123454321\n12345654321\n123454321\n1234321\n12321\n121\n1\n"
        ),
        SpecCase(
            "sections", "List",
            template: "\"{{#list}}{{item}}{{/list}}\"",
            data: .object([
                "list": .list([
                    .object(["item": .text("1")]), .object(["item": .text("2")]), .object(["item": .text("3")]),
                ])
            ]),
            partials: [:],
            expected: "\"123\""
        ),
        SpecCase(
            "sections", "Empty List",
            template: "\"{{#list}}Yay lists!{{/list}}\"",
            data: .object(["list": .list([])]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "sections", "Doubled",
            template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
            data: .object(["bool": .flag(true), "two": .text("second")]),
            partials: [:],
            expected: "* first\n* second\n* third\n"
        ),
        SpecCase(
            "sections", "Nested (Truthy)",
            template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |",
            data: .object(["bool": .flag(true)]),
            partials: [:],
            expected: "| A B C D E |"
        ),
        SpecCase(
            "sections", "Nested (Falsey)",
            template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |",
            data: .object(["bool": .flag(false)]),
            partials: [:],
            expected: "| A  E |"
        ),
        SpecCase(
            "sections", "Context Misses",
            template: "[{{#missing}}Found key 'missing'!{{/missing}}]",
            data: .object([:]),
            partials: [:],
            expected: "[]"
        ),
        SpecCase(
            "sections", "Dotted Names - Truthy",
            template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"",
            data: .object(["a": .object(["b": .object(["c": .flag(true)])])]),
            partials: [:],
            expected: "\"Here\" == \"Here\""
        ),
        SpecCase(
            "sections", "Dotted Names - Falsey",
            template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"",
            data: .object(["a": .object(["b": .object(["c": .flag(false)])])]),
            partials: [:],
            expected: "\"\" == \"\""
        ),
        SpecCase(
            "sections", "Dotted Names - Broken Chains",
            template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"",
            data: .object(["a": .object([:])]),
            partials: [:],
            expected: "\"\" == \"\""
        ),
        SpecCase(
            "sections", "Surrounding Whitespace",
            template: " | {{#boolean}}\t|\t{{/boolean}} | \n",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: " | \t|\t | \n"
        ),
        SpecCase(
            "sections", "Internal Whitespace",
            template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: " |  \n  | \n"
        ),
        SpecCase(
            "sections", "Indented Inline Sections",
            template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: " YES\n GOOD\n"
        ),
        SpecCase(
            "sections", "Standalone Lines",
            template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "| This Is\n|\n| A Line\n"
        ),
        SpecCase(
            "sections", "Indented Standalone Lines",
            template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "| This Is\n|\n| A Line\n"
        ),
        SpecCase(
            "sections", "Standalone Line Endings",
            template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "|\r\n|"
        ),
        SpecCase(
            "sections", "Standalone Without Previous Line",
            template: "  {{#boolean}}\n#{{/boolean}}\n/",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "#\n/"
        ),
        SpecCase(
            "sections", "Standalone Without Newline",
            template: "#{{#boolean}}\n/\n  {{/boolean}}",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "#\n/\n"
        ),
        SpecCase(
            "sections", "Padding",
            template: "|{{# boolean }}={{/ boolean }}|",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "|=|"
        ),
        SpecCase(
            "inverted", "Falsey",
            template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "\"This should be rendered.\""
        ),
        SpecCase(
            "inverted", "Truthy",
            template: "\"{{^boolean}}This should not be rendered.{{/boolean}}\"",
            data: .object(["boolean": .flag(true)]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "inverted", "Null is falsey",
            template: "\"{{^null}}This should be rendered.{{/null}}\"",
            data: .object(["null": .text("")]),
            partials: [:],
            expected: "\"This should be rendered.\""
        ),
        SpecCase(
            "inverted", "Context",
            template: "\"{{^context}}Hi {{name}}.{{/context}}\"",
            data: .object(["context": .object(["name": .text("Joe")])]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "inverted", "List",
            template: "\"{{^list}}{{n}}{{/list}}\"",
            data: .object([
                "list": .list([.object(["n": .text("1")]), .object(["n": .text("2")]), .object(["n": .text("3")])])
            ]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "inverted", "Empty List",
            template: "\"{{^list}}Yay lists!{{/list}}\"",
            data: .object(["list": .list([])]),
            partials: [:],
            expected: "\"Yay lists!\""
        ),
        SpecCase(
            "inverted", "Doubled",
            template: "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n",
            data: .object(["bool": .flag(false), "two": .text("second")]),
            partials: [:],
            expected: "* first\n* second\n* third\n"
        ),
        SpecCase(
            "inverted", "Nested (Falsey)",
            template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |",
            data: .object(["bool": .flag(false)]),
            partials: [:],
            expected: "| A B C D E |"
        ),
        SpecCase(
            "inverted", "Nested (Truthy)",
            template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |",
            data: .object(["bool": .flag(true)]),
            partials: [:],
            expected: "| A  E |"
        ),
        SpecCase(
            "inverted", "Context Misses",
            template: "[{{^missing}}Cannot find key 'missing'!{{/missing}}]",
            data: .object([:]),
            partials: [:],
            expected: "[Cannot find key 'missing'!]"
        ),
        SpecCase(
            "inverted", "Dotted Names - Truthy",
            template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"\"",
            data: .object(["a": .object(["b": .object(["c": .flag(true)])])]),
            partials: [:],
            expected: "\"\" == \"\""
        ),
        SpecCase(
            "inverted", "Dotted Names - Falsey",
            template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"",
            data: .object(["a": .object(["b": .object(["c": .flag(false)])])]),
            partials: [:],
            expected: "\"Not Here\" == \"Not Here\""
        ),
        SpecCase(
            "inverted", "Dotted Names - Broken Chains",
            template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"",
            data: .object(["a": .object([:])]),
            partials: [:],
            expected: "\"Not Here\" == \"Not Here\""
        ),
        SpecCase(
            "inverted", "Surrounding Whitespace",
            template: " | {{^boolean}}\t|\t{{/boolean}} | \n",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: " | \t|\t | \n"
        ),
        SpecCase(
            "inverted", "Internal Whitespace",
            template: " | {{^boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: " |  \n  | \n"
        ),
        SpecCase(
            "inverted", "Indented Inline Sections",
            template: " {{^boolean}}NO{{/boolean}}\n {{^boolean}}WAY{{/boolean}}\n",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: " NO\n WAY\n"
        ),
        SpecCase(
            "inverted", "Standalone Lines",
            template: "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "| This Is\n|\n| A Line\n"
        ),
        SpecCase(
            "inverted", "Standalone Indented Lines",
            template: "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "| This Is\n|\n| A Line\n"
        ),
        SpecCase(
            "inverted", "Standalone Line Endings",
            template: "|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "|\r\n|"
        ),
        SpecCase(
            "inverted", "Standalone Without Previous Line",
            template: "  {{^boolean}}\n^{{/boolean}}\n/",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "^\n/"
        ),
        SpecCase(
            "inverted", "Standalone Without Newline",
            template: "^{{^boolean}}\n/\n  {{/boolean}}",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "^\n/\n"
        ),
        SpecCase(
            "inverted", "Padding",
            template: "|{{^ boolean }}={{/ boolean }}|",
            data: .object(["boolean": .flag(false)]),
            partials: [:],
            expected: "|=|"
        ),
        SpecCase(
            "partials", "Basic Behavior",
            template: "\"{{>text}}\"",
            data: .object([:]),
            partials: ["text": "from partial"],
            expected: "\"from partial\""
        ),
        SpecCase(
            "partials", "Failed Lookup",
            template: "\"{{>text}}\"",
            data: .object([:]),
            partials: [:],
            expected: "\"\""
        ),
        SpecCase(
            "partials", "Context",
            template: "\"{{>partial}}\"",
            data: .object(["text": .text("content")]),
            partials: ["partial": "*{{text}}*"],
            expected: "\"*content*\""
        ),
        SpecCase(
            "partials", "Recursion",
            template: "{{>node}}",
            data: .object([
                "content": .text("X"), "nodes": .list([.object(["content": .text("Y"), "nodes": .list([])])]),
            ]),
            partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"],
            expected: "X<Y<>>"
        ),
        SpecCase(
            "partials", "Nested",
            template: "{{>outer}}",
            data: .object(["a": .text("hello"), "b": .text("world")]),
            partials: ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"],
            expected: "*hello world!*"
        ),
        SpecCase(
            "partials", "Surrounding Whitespace",
            template: "| {{>partial}} |",
            data: .object([:]),
            partials: ["partial": "\t|\t"],
            expected: "| \t|\t |"
        ),
        SpecCase(
            "partials", "Inline Indentation",
            template: "  {{data}}  {{> partial}}\n",
            data: .object(["data": .text("|")]),
            partials: ["partial": ">\n>"],
            expected: "  |  >\n>\n"
        ),
        SpecCase(
            "partials", "Standalone Line Endings",
            template: "|\r\n{{>partial}}\r\n|",
            data: .object([:]),
            partials: ["partial": ">"],
            expected: "|\r\n>|"
        ),
        SpecCase(
            "partials", "Standalone Without Previous Line",
            template: "  {{>partial}}\n>",
            data: .object([:]),
            partials: ["partial": ">\n>"],
            expected: "  >\n  >>"
        ),
        SpecCase(
            "partials", "Standalone Without Newline",
            template: ">\n  {{>partial}}",
            data: .object([:]),
            partials: ["partial": ">\n>"],
            expected: ">\n  >\n  >"
        ),
        SpecCase(
            "partials", "Standalone Indentation",
            template: "\\\n {{>partial}}\n/\n",
            data: .object(["content": .text("<\n->")]),
            partials: ["partial": "|\n{{{content}}}\n|\n"],
            expected: "\\\n |\n <\n->\n |\n/\n"
        ),
        SpecCase(
            "partials", "Padding Whitespace",
            template: "|{{> partial }}|",
            data: .object(["boolean": .flag(true)]),
            partials: ["partial": "[]"],
            expected: "|[]|"
        ),
        SpecCase(
            "comments", "Inline",
            template: "12345{{! Comment Block! }}67890",
            data: .object([:]),
            partials: [:],
            expected: "1234567890"
        ),
        SpecCase(
            "comments", "Multiline",
            template: "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n",
            data: .object([:]),
            partials: [:],
            expected: "1234567890\n"
        ),
        SpecCase(
            "comments", "Standalone",
            template: "Begin.\n{{! Comment Block! }}\nEnd.\n",
            data: .object([:]),
            partials: [:],
            expected: "Begin.\nEnd.\n"
        ),
        SpecCase(
            "comments", "Indented Standalone",
            template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n",
            data: .object([:]),
            partials: [:],
            expected: "Begin.\nEnd.\n"
        ),
        SpecCase(
            "comments", "Standalone Line Endings",
            template: "|\r\n{{! Standalone Comment }}\r\n|",
            data: .object([:]),
            partials: [:],
            expected: "|\r\n|"
        ),
        SpecCase(
            "comments", "Standalone Without Previous Line",
            template: "  {{! I'm Still Standalone }}\n!",
            data: .object([:]),
            partials: [:],
            expected: "!"
        ),
        SpecCase(
            "comments", "Standalone Without Newline",
            template: "!\n  {{! I'm Still Standalone }}",
            data: .object([:]),
            partials: [:],
            expected: "!\n"
        ),
        SpecCase(
            "comments", "Multiline Standalone",
            template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n",
            data: .object([:]),
            partials: [:],
            expected: "Begin.\nEnd.\n"
        ),
        SpecCase(
            "comments", "Indented Multiline Standalone",
            template: "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n",
            data: .object([:]),
            partials: [:],
            expected: "Begin.\nEnd.\n"
        ),
        SpecCase(
            "comments", "Indented Inline",
            template: "  12 {{! 34 }}\n",
            data: .object([:]),
            partials: [:],
            expected: "  12 \n"
        ),
        SpecCase(
            "comments", "Surrounding Whitespace",
            template: "12345 {{! Comment Block! }} 67890",
            data: .object([:]),
            partials: [:],
            expected: "12345  67890"
        ),
        SpecCase(
            "comments", "Variable Name Collision",
            template: "comments never show: >{{! comment }}<",
            data: .object([
                "! comment": .text("1"), "! comment ": .text("2"), "!comment": .text("3"), "comment": .text("4"),
            ]),
            partials: [:],
            expected: "comments never show: ><"
        ),
        SpecCase(
            "delimiters", "Pair Behavior",
            template: "{{=<% %>=}}(<%text%>)",
            data: .object(["text": .text("Hey!")]),
            partials: [:],
            expected: "(Hey!)"
        ),
        SpecCase(
            "delimiters", "Special Characters",
            template: "({{=[ ]=}}[text])",
            data: .object(["text": .text("It worked!")]),
            partials: [:],
            expected: "(It worked!)"
        ),
        SpecCase(
            "delimiters", "Sections",
            template:
                "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
            data: .object(["section": .flag(true), "data": .text("I got interpolated.")]),
            partials: [:],
            expected: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"
        ),
        SpecCase(
            "delimiters", "Inverted Sections",
            template:
                "[\n{{^section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|^section|\n  {{data}}\n  |data|\n|/section|\n]\n",
            data: .object(["section": .flag(false), "data": .text("I got interpolated.")]),
            partials: [:],
            expected: "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n"
        ),
        SpecCase(
            "delimiters", "Partial Inheritence",
            template: "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n",
            data: .object(["value": .text("yes")]),
            partials: ["include": ".{{value}}."],
            expected: "[ .yes. ]\n[ .yes. ]\n"
        ),
        SpecCase(
            "delimiters", "Post-Partial Behavior",
            template: "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n",
            data: .object(["value": .text("yes")]),
            partials: ["include": ".{{value}}. {{= | | =}} .|value|."],
            expected: "[ .yes.  .yes. ]\n[ .yes.  .|value|. ]\n"
        ),
        SpecCase(
            "delimiters", "Surrounding Whitespace",
            template: "| {{=@ @=}} |",
            data: .object([:]),
            partials: [:],
            expected: "|  |"
        ),
        SpecCase(
            "delimiters", "Outlying Whitespace (Inline)",
            template: " | {{=@ @=}}\n",
            data: .object([:]),
            partials: [:],
            expected: " | \n"
        ),
        SpecCase(
            "delimiters", "Standalone Tag",
            template: "Begin.\n{{=@ @=}}\nEnd.\n",
            data: .object([:]),
            partials: [:],
            expected: "Begin.\nEnd.\n"
        ),
        SpecCase(
            "delimiters", "Indented Standalone Tag",
            template: "Begin.\n  {{=@ @=}}\nEnd.\n",
            data: .object([:]),
            partials: [:],
            expected: "Begin.\nEnd.\n"
        ),
        SpecCase(
            "delimiters", "Standalone Line Endings",
            template: "|\r\n{{= @ @ =}}\r\n|",
            data: .object([:]),
            partials: [:],
            expected: "|\r\n|"
        ),
        SpecCase(
            "delimiters", "Standalone Without Previous Line",
            template: "  {{=@ @=}}\n=",
            data: .object([:]),
            partials: [:],
            expected: "="
        ),
        SpecCase(
            "delimiters", "Standalone Without Newline",
            template: "=\n  {{=@ @=}}",
            data: .object([:]),
            partials: [:],
            expected: "=\n"
        ),
        SpecCase(
            "delimiters", "Pair with Padding",
            template: "|{{= @   @ =}}|",
            data: .object([:]),
            partials: [:],
            expected: "||"
        ),
        SpecCase(
            "inheritance", "Default",
            template: "{{$title}}Default title{{/title}}\n",
            data: .object([:]),
            partials: [:],
            expected: "Default title\n"
        ),
        SpecCase(
            "inheritance", "Variable",
            template: "{{$foo}}default {{bar}} content{{/foo}}\n",
            data: .object(["bar": .text("baz")]),
            partials: [:],
            expected: "default baz content\n"
        ),
        SpecCase(
            "inheritance", "Triple Mustache",
            template: "{{$foo}}default {{{bar}}} content{{/foo}}\n",
            data: .object(["bar": .text("<baz>")]),
            partials: [:],
            expected: "default <baz> content\n"
        ),
        SpecCase(
            "inheritance", "Sections",
            template: "{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n",
            data: .object(["bar": .object(["baz": .text("qux")])]),
            partials: [:],
            expected: "default qux content\n"
        ),
        SpecCase(
            "inheritance", "Negative Sections",
            template: "{{$foo}}default {{^bar}}{{baz}}{{/bar}} content{{/foo}}\n",
            data: .object(["baz": .text("three")]),
            partials: [:],
            expected: "default three content\n"
        ),
        SpecCase(
            "inheritance", "Mustache Injection",
            template: "{{$foo}}default {{#bar}}{{baz}}{{/bar}} content{{/foo}}\n",
            data: .object(["bar": .object(["baz": .text("{{qux}}")])]),
            partials: [:],
            expected: "default {{qux}} content\n"
        ),
        SpecCase(
            "inheritance", "Inherit",
            template: "{{<include}}{{/include}}\n",
            data: .object([:]),
            partials: ["include": "{{$foo}}default content{{/foo}}"],
            expected: "default content"
        ),
        SpecCase(
            "inheritance", "Overridden content",
            template: "{{<super}}{{$title}}sub template title{{/title}}{{/super}}",
            data: .object([:]),
            partials: ["super": "...{{$title}}Default title{{/title}}..."],
            expected: "...sub template title..."
        ),
        SpecCase(
            "inheritance", "Data does not override block",
            template: "{{<include}}{{$var}}var in template{{/var}}{{/include}}",
            data: .object(["var": .text("var in data")]),
            partials: ["include": "{{$var}}var in include{{/var}}"],
            expected: "var in template"
        ),
        SpecCase(
            "inheritance", "Data does not override block default",
            template: "{{<include}}{{/include}}",
            data: .object(["var": .text("var in data")]),
            partials: ["include": "{{$var}}var in include{{/var}}"],
            expected: "var in include"
        ),
        SpecCase(
            "inheritance", "Overridden parent",
            template: "test {{<parent}}{{$stuff}}override{{/stuff}}{{/parent}}",
            data: .object([:]),
            partials: ["parent": "{{$stuff}}...{{/stuff}}"],
            expected: "test override"
        ),
        SpecCase(
            "inheritance", "Two overridden parents",
            template:
                "test {{<parent}}{{$stuff}}override1{{/stuff}}{{/parent}} {{<parent}}{{$stuff}}override2{{/stuff}}{{/parent}}\n",
            data: .object([:]),
            partials: ["parent": "|{{$stuff}}...{{/stuff}}{{$default}} default{{/default}}|"],
            expected: "test |override1 default| |override2 default|\n"
        ),
        SpecCase(
            "inheritance", "Override parent with newlines",
            template: "{{<parent}}{{$ballmer}}\npeaked\n\n:(\n{{/ballmer}}{{/parent}}",
            data: .object([:]),
            partials: ["parent": "{{$ballmer}}peaking{{/ballmer}}"],
            expected: "peaked\n\n:(\n"
        ),
        SpecCase(
            "inheritance", "Inherit indentation",
            template: "{{<parent}}{{$nineties}}hammer time{{/nineties}}{{/parent}}",
            data: .object([:]),
            partials: ["parent": "stop:\n  {{$nineties}}collaborate and listen{{/nineties}}\n"],
            expected: "stop:\n  hammer time\n"
        ),
        SpecCase(
            "inheritance", "Only one override",
            template: "{{<parent}}{{$stuff2}}override two{{/stuff2}}{{/parent}}",
            data: .object([:]),
            partials: ["parent": "{{$stuff}}new default one{{/stuff}}, {{$stuff2}}new default two{{/stuff2}}"],
            expected: "new default one, override two"
        ),
        SpecCase(
            "inheritance", "Parent template",
            template: "{{>parent}}|{{<parent}}{{/parent}}",
            data: .object([:]),
            partials: ["parent": "{{$foo}}default content{{/foo}}"],
            expected: "default content|default content"
        ),
        SpecCase(
            "inheritance", "Recursion",
            template: "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
            data: .object([:]),
            partials: [
                "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                "parent2":
                    "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
            ],
            expected: "override override override don't recurse"
        ),
        SpecCase(
            "inheritance", "Multi-level inheritance",
            template: "{{<parent}}{{$a}}c{{/a}}{{/parent}}",
            data: .object([:]),
            partials: [
                "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
                "grandParent": "{{$a}}g{{/a}}",
            ],
            expected: "c"
        ),
        SpecCase(
            "inheritance", "Multi-level inheritance, no sub child",
            template: "{{<parent}}{{/parent}}",
            data: .object([:]),
            partials: [
                "parent": "{{<older}}{{$a}}p{{/a}}{{/older}}", "older": "{{<grandParent}}{{$a}}o{{/a}}{{/grandParent}}",
                "grandParent": "{{$a}}g{{/a}}",
            ],
            expected: "p"
        ),
        SpecCase(
            "inheritance", "Text inside parent",
            template: "{{<parent}} asdfasd {{$foo}}hmm{{/foo}} asdfasdfasdf {{/parent}}",
            data: .object([:]),
            partials: ["parent": "{{$foo}}default content{{/foo}}"],
            expected: "hmm"
        ),
        SpecCase(
            "inheritance", "Text inside parent",
            template: "{{<parent}} asdfasd asdfasdfasdf {{/parent}}",
            data: .object([:]),
            partials: ["parent": "{{$foo}}default content{{/foo}}"],
            expected: "default content"
        ),
        SpecCase(
            "inheritance", "Block scope",
            template: "{{<parent}}{{$block}}I say {{fruit}}.{{/block}}{{/parent}}",
            data: .object(["fruit": .text("apples"), "nested": .object(["fruit": .text("bananas")])]),
            partials: ["parent": "{{#nested}}{{$block}}You say {{fruit}}.{{/block}}{{/nested}}"],
            expected: "I say bananas."
        ),
        SpecCase(
            "inheritance", "Standalone parent",
            template: "Hi,\n  {{<parent}}{{/parent}}\n",
            data: .object([:]),
            partials: ["parent": "one\ntwo\n"],
            expected: "Hi,\n  one\n  two\n"
        ),
        SpecCase(
            "inheritance", "Standalone block",
            template: "{{<parent}}{{$block}}\none\ntwo{{/block}}\n{{/parent}}\n",
            data: .object([:]),
            partials: ["parent": "Hi,\n  {{$block}}{{/block}}\n"],
            expected: "Hi,\n  one\n  two\n"
        ),
        SpecCase(
            "inheritance", "Block reindentation",
            template: "{{<parent}}{{$block}}\n    one\n    two\n{{/block}}{{/parent}}\n",
            data: .object([:]),
            partials: ["parent": "Hi,\n  {{$block}}\n  {{/block}}\n"],
            expected: "Hi,\n  one\n  two\n"
        ),
        SpecCase(
            "inheritance", "Intrinsic indentation",
            template: "{{<parent}}{{$block}}\none\ntwo\n{{/block}}{{/parent}}\n",
            data: .object([:]),
            partials: ["parent": "Hi,\n{{$block}}\n  default\n{{/block}}\n"],
            expected: "Hi,\n  one\n  two\n"
        ),
        SpecCase(
            "inheritance", "Nested block reindentation",
            template: "{{<parent}}{{$nested}}\nthree\n{{/nested}}{{/parent}}\n",
            data: .object([:]),
            partials: [
                "parent":
                    "{{<grandparent}}{{$block}}\n  one\n  {{$nested}}\n    two\n  {{/nested}}\n{{/block}}{{/grandparent}}\n",
                "grandparent": "{{$block}}default{{/block}}",
            ],
            expected: "one\n  three\n"
        ),
        SpecCase(
            "dynamic-names", "Basic Behavior - Partial",
            template: "\"{{>*dynamic}}\"",
            data: .object(["dynamic": .text("content")]),
            partials: ["content": "Hello, world!"],
            expected: "\"Hello, world!\""
        ),
        SpecCase(
            "dynamic-names", "Basic Behavior - Name Resolution",
            template: "\"{{>*dynamic}}\"",
            data: .object(["dynamic": .text("content"), "*dynamic": .text("wrong")]),
            partials: ["content": "Hello, world!", "wrong": "Invisible"],
            expected: "\"Hello, world!\""
        ),
        SpecCase(
            "dynamic-names", "Context Misses - Partial",
            template: "\"{{>*missing}}\"",
            data: .object([:]),
            partials: ["missing": "Hello, world!"],
            expected: "\"\""
        ),
        SpecCase(
            "dynamic-names", "Failed Lookup - Partial",
            template: "\"{{>*dynamic}}\"",
            data: .object(["dynamic": .text("content")]),
            partials: ["foobar": "Hello, world!"],
            expected: "\"\""
        ),
        SpecCase(
            "dynamic-names", "Context",
            template: "\"{{>*example}}\"",
            data: .object(["text": .text("Hello, world!"), "example": .text("partial")]),
            partials: ["partial": "*{{text}}*"],
            expected: "\"*Hello, world!*\""
        ),
        SpecCase(
            "dynamic-names", "Dotted Names",
            template: "\"{{>*foo.bar.baz}}\"",
            data: .object(["text": .text("Hello, world!"), "foo": .object(["bar": .object(["baz": .text("partial")])])]
            ),
            partials: ["partial": "*{{text}}*"],
            expected: "\"*Hello, world!*\""
        ),
        SpecCase(
            "dynamic-names", "Dotted Names - Operator Precedence",
            template: "\"{{>*foo.bar.baz}}\"",
            data: .object([
                "text": .text("Hello, world!"), "foo": .text("test"),
                "test": .object(["bar": .object(["baz": .text("partial")])]),
            ]),
            partials: ["partial": "*{{text}}*"],
            expected: "\"\""
        ),
        SpecCase(
            "dynamic-names", "Dotted Names - Failed Lookup",
            template: "\"{{>*foo.bar.baz}}\"",
            data: .object(["foo": .object(["text": .text("Hello, world!"), "bar": .object(["baz": .text("partial")])])]
            ),
            partials: ["partial": "*{{text}}*"],
            expected: "\"**\""
        ),
        SpecCase(
            "dynamic-names", "Dotted names - Context Stacking",
            template: "{{#section1}}{{>*section2.dynamic}}{{/section1}}",
            data: .object([
                "section1": .object(["value": .text("section1")]),
                "section2": .object(["dynamic": .text("partial"), "value": .text("section2")]),
            ]),
            partials: ["partial": "\"{{value}}\""],
            expected: "\"section1\""
        ),
        SpecCase(
            "dynamic-names", "Recursion",
            template: "{{>*template}}",
            data: .object([
                "template": .text("node"), "content": .text("X"),
                "nodes": .list([.object(["content": .text("Y"), "nodes": .list([])])]),
            ]),
            partials: ["node": "{{content}}<{{#nodes}}{{>*template}}{{/nodes}}>"],
            expected: "X<Y<>>"
        ),
        SpecCase(
            "dynamic-names", "Dynamic Names - Double Dereferencing",
            template: "\"{{>**dynamic}}\"",
            data: .object(["dynamic": .text("test"), "test": .text("content")]),
            partials: ["content": "Hello, world!"],
            expected: "\"\""
        ),
        SpecCase(
            "dynamic-names", "Dynamic Names - Composed Dereferencing",
            template: "\"{{>*foo.*bar}}\"",
            data: .object([
                "foo": .text("fizz"), "bar": .text("buzz"), "fizz": .object(["buzz": .object(["content": .text("")])]),
            ]),
            partials: ["content": "Hello, world!"],
            expected: "\"\""
        ),
        SpecCase(
            "dynamic-names", "Surrounding Whitespace",
            template: "| {{>*partial}} |",
            data: .object(["partial": .text("foobar")]),
            partials: ["foobar": "\t|\t"],
            expected: "| \t|\t |"
        ),
        SpecCase(
            "dynamic-names", "Inline Indentation",
            template: "  {{data}}  {{>*dynamic}}\n",
            data: .object(["dynamic": .text("partial"), "data": .text("|")]),
            partials: ["partial": ">\n>"],
            expected: "  |  >\n>\n"
        ),
        SpecCase(
            "dynamic-names", "Standalone Line Endings",
            template: "|\r\n{{>*dynamic}}\r\n|",
            data: .object(["dynamic": .text("partial")]),
            partials: ["partial": ">"],
            expected: "|\r\n>|"
        ),
        SpecCase(
            "dynamic-names", "Standalone Without Previous Line",
            template: "  {{>*dynamic}}\n>",
            data: .object(["dynamic": .text("partial")]),
            partials: ["partial": ">\n>"],
            expected: "  >\n  >>"
        ),
        SpecCase(
            "dynamic-names", "Standalone Without Newline",
            template: ">\n  {{>*dynamic}}",
            data: .object(["dynamic": .text("partial")]),
            partials: ["partial": ">\n>"],
            expected: ">\n  >\n  >"
        ),
        SpecCase(
            "dynamic-names", "Standalone Indentation",
            template: "\\\n {{>*dynamic}}\n/\n",
            data: .object(["dynamic": .text("partial"), "content": .text("<\n->")]),
            partials: ["partial": "|\n{{{content}}}\n|\n"],
            expected: "\\\n |\n <\n->\n |\n/\n"
        ),
        SpecCase(
            "dynamic-names", "Padding Whitespace",
            template: "|{{> * dynamic }}|",
            data: .object(["dynamic": .text("partial"), "boolean": .flag(true)]),
            partials: ["partial": "[]"],
            expected: "|[]|"
        ),
    ]
}
