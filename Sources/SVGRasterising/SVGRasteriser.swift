import CRsvg
import Foundation

/// Draws SVG text as a PNG image with librsvg and cairo, in process and in memory.
///
/// The same SVG and size give the same bytes: no timestamps, no text chunks. Calls are
/// serialised behind one lock (librsvg's font set-up through fontconfig and pango is not
/// something to race), so it is safe from any thread.
public enum SVGRasteriser {
    /// What went wrong drawing an SVG.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The drawing's own size in CSS pixels (1/96 in; a Graphviz `pt` is 4/3 px): from its
    /// width and height, or from its viewBox when it has none.
    public static func size(of svg: String) throws(Failure) -> (width: Double, height: Double) {
        try Engine.shared.withHandle(svg) { handle throws(Failure) in try intrinsicSize(handle) }
    }

    /// The whole drawing scaled to fit `width` × `height` pixels (aspect kept, centred), on
    /// `background` (a `#rrggbb` colour) or transparent when nil, as PNG bytes.
    public static func png(_ svg: String, width: Int, height: Int, background: String? = "#ffffff") throws(Failure) -> [UInt8] {
        let full = try size(of: svg)
        return try png(svg, region: (0, 0, full.width, full.height), width: width, height: height, background: background)
    }

    /// The part `region` (x, y, width, height in the drawing's CSS pixels, its top-left
    /// corner at 0, 0) scaled to fit `width` × `height` pixels, as PNG bytes.
    public static func png(
        _ svg: String, region: (x: Double, y: Double, width: Double, height: Double), width: Int, height: Int,
        background: String? = "#ffffff"
    ) throws(Failure) -> [UInt8] {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384, width * height <= 64_000_000 else {
            throw Failure(description: "a picture of \(width) × \(height) pixels is empty or too large")
        }
        guard region.width > 0, region.height > 0, region.width.isFinite, region.height.isFinite else {
            throw Failure(description: "the region to draw is empty")
        }
        let colour = try background.map { hex throws(Failure) in try rgb(hex) }
        return try Engine.shared.withHandle(svg) { handle throws(Failure) in
            let full = try intrinsicSize(handle)
            let surface = cairo_image_surface_create(colour == nil ? Int32(PITSTOP_CAIRO_FORMAT_ARGB32) : Int32(PITSTOP_CAIRO_FORMAT_RGB24),
                                                     Int32(width), Int32(height))
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == 0 else {
                throw Failure(description: "cairo could not make a \(width) × \(height) image")
            }
            let cr = cairo_create(surface)
            defer { cairo_destroy(cr) }
            if let colour {
                cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
                cairo_paint(cr)
            }
            // Fit the region into the picture, centred, then draw the whole document offset so
            // that the region lands in the picture.
            let scale = min(Double(width) / region.width, Double(height) / region.height)
            cairo_translate(cr, (Double(width) - region.width * scale) / 2, (Double(height) - region.height * scale) / 2)
            cairo_scale(cr, scale, scale)
            cairo_translate(cr, -region.x, -region.y)
            var viewport = RsvgRectangle(x: 0, y: 0, width: full.width, height: full.height)
            var error: UnsafeMutablePointer<PitstopGError>?
            guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
                throw Failure(description: "librsvg could not draw the SVG: \(message(error))")
            }
            cairo_surface_flush(surface)
            var sink = PNGSink()
            let status = withUnsafeMutablePointer(to: &sink) { pointer in
                cairo_surface_write_to_png_stream(surface, { closure, data, length in
                    guard let closure, let data else { return Int32(PITSTOP_CAIRO_STATUS_WRITE_ERROR.rawValue) }
                    closure.assumingMemoryBound(to: PNGSink.self).pointee.bytes
                        .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                    return 0
                }, pointer)
            }
            guard status == 0 else {
                throw Failure(description: "cairo could not write the PNG (status \(status))")
            }
            return sink.bytes
        }
    }

    private struct PNGSink {
        var bytes: [UInt8] = []
    }

    private static func intrinsicSize(_ handle: OpaquePointer) throws(Failure) -> (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 {
            return (width, height)
        }
        var hasWidth: pitstop_gboolean = 0, hasHeight: pitstop_gboolean = 0, hasViewBox: pitstop_gboolean = 0
        var w = RsvgLength(), h = RsvgLength(), box = RsvgRectangle()
        rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, &w, &hasHeight, &h, &hasViewBox, &box)
        guard hasViewBox != 0, box.width > 0, box.height > 0 else {
            throw Failure(description: "the SVG has neither a size nor a viewBox")
        }
        return (box.width, box.height)
    }

    private static func rgb(_ hex: String) throws(Failure) -> (r: Double, g: Double, b: Double) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else {
            throw Failure(description: "'\(hex)' is not a #rrggbb colour")
        }
        return (Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    fileprivate static func message(_ error: UnsafeMutablePointer<PitstopGError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }
}

/// The lock around every librsvg call, and the handle's lifetime.
private final class Engine: @unchecked Sendable {
    static let shared = Engine()
    private let lock = NSLock()

    func withHandle<T>(_ svg: String, _ body: (OpaquePointer) throws(SVGRasteriser.Failure) -> T) throws(SVGRasteriser.Failure) -> T {
        let bytes = Array(svg.utf8)
        guard !bytes.isEmpty else { throw SVGRasteriser.Failure(description: "the SVG is empty") }
        lock.lock()
        defer { lock.unlock() }
        var error: UnsafeMutablePointer<PitstopGError>?
        let handle = bytes.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, buffer.count, &error)
        }
        guard let handle else {
            throw SVGRasteriser.Failure(description: "librsvg could not read the SVG: \(SVGRasteriser.message(error))")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        rsvg_handle_set_dpi(handle, 96)
        return try body(handle)
    }
}
