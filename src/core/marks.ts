/**
 * Performance marks the benchmark reads. Each name keeps only its latest entry, so a kiosk that
 * runs all day does not pile up timeline entries. 'atlas:ready' (the map's first idle) is set once
 * by the map; 'atlas:projects' when a large dataset's projects are shown after it.
 */
export function mark(name: 'atlas:filter' | 'atlas:map-idle' | 'atlas:charts-updated' | 'atlas:projects'): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** Resolves once the mark is set (at once if it is already). */
export function whenMarked(name: string): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name, 'mark').length) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName(name).length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'mark', buffered: true });
  });
}
