/**
 * Performance marks the benchmark and the tests read; they only measure, nothing waits on them. Each
 * name keeps only its latest entry, so a kiosk that runs all day does not pile up timeline entries.
 * 'atlas:ready' (the map's first idle) is set once by the map; 'atlas:projects' when a large
 * dataset's projects have come after it.
 */
export function mark(name: 'atlas:filter' | 'atlas:map-idle' | 'atlas:charts-updated' | 'atlas:projects'): void {
  performance.clearMarks(name);
  performance.mark(name);
}
