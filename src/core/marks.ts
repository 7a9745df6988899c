/**
 * Performance marks the benchmark reads. Each name keeps only its latest entry, so a kiosk that
 * runs all day does not pile up timeline entries.
 */
export function mark(name: 'atlas:filter' | 'atlas:map-idle' | 'atlas:charts-updated'): void {
  performance.clearMarks(name);
  performance.mark(name);
}
