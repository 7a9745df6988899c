/**
 * Keeps `value` under `key` in a map in the order its entries were set, the oldest going once
 * there are more than `most`: the caches of the workers' answers, list pages, sort orders and
 * search words. Returns `value`.
 */
export function keepNewest<K, V>(map: Map<K, V>, key: K, value: V, most: number): V {
  map.set(key, value);
  if (map.size > most) map.delete(map.keys().next().value!);
  return value;
}
