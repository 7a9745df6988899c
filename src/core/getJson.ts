/** A JSON file fetched, or an error whose message names its address and why (for the page and its workers). */
export async function getJson<T>(url: string): Promise<T> {
  // A refused or broken connection is named with the file, as an HTTP error is.
  const response = await fetch(url).catch((error: Error) => Promise.reject(new Error(`${url}: ${error.message}`)));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new Error(`${url}: not valid JSON (${(error as Error).message})`);
  }
}
