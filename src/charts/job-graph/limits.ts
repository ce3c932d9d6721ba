// Sizes the graph's code branches on, in a module without dagre, so a page can ask "is this graph
// large?" without loading the layout library.

/** Vertices above which the layout runs in a worker and trades a little compactness for speed. */
export const LARGE_GRAPH = 150;
