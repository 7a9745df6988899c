/** A JSON file fetched, or an error whose message names its address and why (for the page and its workers). */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new Error(`${url}: not valid JSON (${(error as Error).message})`);
  }
}
