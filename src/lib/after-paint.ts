/**
 * Runs `task` once the browser has laid out and painted the current changes (a frame, then a
 * task). A layout read there (getBoundingClientRect, offsetTop) finds the layout already done;
 * the same read in a layout effect, right after React's commit, forces the browser to lay out the
 * whole page at once: about 100 ms with a 500-vertex job graph above a long table. Returns a cancel.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
