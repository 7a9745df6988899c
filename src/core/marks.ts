/**
 * Performance marks the benchmark and the tests read; they only measure, nothing waits on them. Each
 * name keeps only its latest entry, so a kiosk that runs all day does not pile up timeline entries.
 * 'atlas:ready' (the map's first idle) is set once by the map; 'atlas:columns' when a large
 * dataset's worker has read its columns after it (every filter works), 'atlas:points' when its
 * sites are in the map, 'atlas:projects' when its projects' records have come (a profile's figures by period and theme);
 * 'atlas:list-updated' when the list of projects shows the rows asked for.
 */
export function mark(name: 'atlas:filter' | 'atlas:map-idle' | 'atlas:charts-updated' | 'atlas:list-updated' | 'atlas:columns' | 'atlas:points' | 'atlas:projects'): void {
  performance.clearMarks(name);
  performance.mark(name);
}
