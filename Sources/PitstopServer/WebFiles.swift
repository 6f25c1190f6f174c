/// The page — plain HTML, CSS and JavaScript modules, no build step — embedded in the
/// binary (`.embedInCode("Web")`), so a copied or moved `pitstop` still serves it.
enum WebFiles {
    struct File: Sendable {
        let bytes: [UInt8]
        let contentType: String
        let etag: String

        init(_ bytes: [UInt8], _ contentType: String) {
            self.bytes = bytes
            self.contentType = contentType
            etag = "\"" + WebFiles.fingerprint(bytes) + "\""
        }
    }

    /// The files by URL path; `/` is the page.
    static let files: [String: File] = {
        let html = "text/html; charset=utf-8", js = "text/javascript; charset=utf-8"
        var files: [String: File] = [
            "/index.html": File(PackageResources.index_html, html),
            "/explorer.css": File(PackageResources.explorer_css, "text/css; charset=utf-8"),
            "/explorer.js": File(PackageResources.explorer_js, js),
            "/api.js": File(PackageResources.api_js, js),
            "/controls.js": File(PackageResources.controls_js, js),
            "/dom.js": File(PackageResources.dom_js, js),
            "/results.js": File(PackageResources.results_js, js),
            "/words.js": File(PackageResources.words_js, js),
            "/favicon.svg": File(PackageResources.favicon_svg, "image/svg+xml"),
        ]
        files["/"] = files["/index.html"]
        return files
    }()

    /// The API's OpenAPI document (`docs/openapi.yaml`).
    static var openAPI: [UInt8] { PackageResources.openapi_yaml }

    static func file(at path: String) -> File? { files[path] }

    /// FNV-1a over the bytes, as 16 hex digits: an ETag that changes with the content.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
