// The Graphviz C API (libgvc/libcgraph 2.42) as seen from Swift.
//
// Keep the `graphviz/` prefix: it makes the include work with or without pkg-config's
// `-I/usr/include/graphviz`.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

#ifndef PITSTOP_CGRAPHVIZ_SHIM_H
#define PITSTOP_CGRAPHVIZ_SHIM_H

// C globals that Swift 6 refuses to read directly ("not concurrency-safe").
static inline Agdesc_t pitstop_agdirected(void) { return Agdirected; }
static inline Agdesc_t pitstop_agundirected(void) { return Agundirected; }

// Sequential object ids.
//
// cgraph's default id discipline (lib/cgraph/id.c) uses the heap address of an object's
// interned name as its id, and keeps subgraphs in a dictionary ordered by id. In a
// long-running process those addresses are not in creation order, so cluster order — and
// even the dot layout — changes from render to render (Graphviz issue #1614, fixed after
// 2.44). This map refuses to map names (return 0), so `agmapnametoid` falls back to an
// anonymous id and remembers the name in cgraph's internal name map: objects are then
// ordered by creation, and `agnameof` (the SVG <title>) still shows the real name.
// Anonymous ids are odd, as in the default discipline, so its alloc/free/print keep working.
//
// The counter restarts for every render (`pitstop_reset_sequential_ids`): an unnamed root
// graph is called "%<id>" and that name is the SVG's <title>, so a process-wide counter
// would make the output differ between renders. Ids only need to be unique within one root
// graph (each root has its own dictionaries and name map), and only one graph exists at a
// time under the lock besides cgraph's prototype graph, which is a separate root.
//
// The counter is a static in this header: call the functions below from ONE Swift source
// file (GraphvizRendering/Graphviz.swift), so that they share one copy of it.
static IDTYPE pitstop_id_counter = 1;

static inline long pitstop_sequential_id_map(void *state, int objtype, char *str, IDTYPE *id,
                                             int createflag) {
    (void)state;
    (void)objtype;
    (void)createflag;
    if (str) return 0;
    *id = pitstop_id_counter;
    pitstop_id_counter += 2;
    return 1;
}

// Installs the sequential id map. Call once, under the process-wide Graphviz lock, before
// any graph exists. `agmemread` and `agopen` with the default discipline both use AgIdDisc.
static inline void pitstop_use_sequential_ids(void) { AgIdDisc.map = pitstop_sequential_id_map; }

// Restarts the ids; call under the lock before building each graph.
static inline void pitstop_reset_sequential_ids(void) { pitstop_id_counter = 1; }

// Number of plugins of a kind ("layout", "render", "textlayout", …), freeing the list that
// gvPluginList allocates.
static inline int pitstop_plugin_count(GVC_t *gvc, const char *kind) {
    int size = 0;
    char **list = gvPluginList(gvc, kind, &size, NULL);
    if (!list) return 0;
    for (int i = 0; i < size; i++) free(list[i]);
    free(list);
    return size;
}

#endif
