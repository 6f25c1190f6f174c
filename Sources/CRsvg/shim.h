// The few librsvg (≥ 2.52) and cairo (1.16) functions the rasteriser calls, declared here
// as in their headers so that the build needs no pkg-config flags (librsvg's pull in glib's
// `-pthread`, which SwiftPM refuses with a warning). Linking needs the libraries' `.so`
// links, which Debian's librsvg2-dev (with libcairo2-dev and libglib2.0-dev) installs.
#ifndef PITSTOP_CRSVG_SHIM_H
#define PITSTOP_CRSVG_SHIM_H

#include <stddef.h>
#include <stdint.h>

// glib
typedef int pitstop_gboolean;
/// GError: the error domain, the code and a message owned by the error.
typedef struct {
    uint32_t domain;
    int code;
    char *message;
} PitstopGError;
void g_error_free(PitstopGError *error);
void g_object_unref(void *object);

// librsvg
typedef struct _RsvgHandle RsvgHandle;
typedef struct {
    double x;
    double y;
    double width;
    double height;
} RsvgRectangle;
typedef struct {
    double length;
    int unit;
} RsvgLength;
RsvgHandle *rsvg_handle_new_from_data(const uint8_t *data, size_t data_len, PitstopGError **error);
void rsvg_handle_set_dpi(RsvgHandle *handle, double dpi);
pitstop_gboolean rsvg_handle_get_intrinsic_size_in_pixels(RsvgHandle *handle, double *out_width, double *out_height);
void rsvg_handle_get_intrinsic_dimensions(RsvgHandle *handle, pitstop_gboolean *out_has_width, RsvgLength *out_width,
                                          pitstop_gboolean *out_has_height, RsvgLength *out_height,
                                          pitstop_gboolean *out_has_viewbox, RsvgRectangle *out_viewbox);
pitstop_gboolean rsvg_handle_render_document(RsvgHandle *handle, struct _cairo *cr, const RsvgRectangle *viewport,
                                             PitstopGError **error);

// cairo
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef enum { PITSTOP_CAIRO_STATUS_SUCCESS = 0, PITSTOP_CAIRO_STATUS_WRITE_ERROR = 11 } pitstop_cairo_status;
enum { PITSTOP_CAIRO_FORMAT_ARGB32 = 0, PITSTOP_CAIRO_FORMAT_RGB24 = 1 };
typedef int (*pitstop_cairo_write_func)(void *closure, const unsigned char *data, unsigned int length);
cairo_surface_t *cairo_image_surface_create(int format, int width, int height);
int cairo_surface_status(cairo_surface_t *surface);
void cairo_surface_flush(cairo_surface_t *surface);
void cairo_surface_destroy(cairo_surface_t *surface);
int cairo_surface_write_to_png_stream(cairo_surface_t *surface, pitstop_cairo_write_func write_func, void *closure);
cairo_t *cairo_create(cairo_surface_t *target);
void cairo_destroy(cairo_t *cr);
void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue);
void cairo_paint(cairo_t *cr);
void cairo_translate(cairo_t *cr, double tx, double ty);
void cairo_scale(cairo_t *cr, double sx, double sy);

#endif
