/** A file's response, or an error naming its address and why: a refused or broken connection as an HTTP error is. */
async function fetched(url: string): Promise<Response> {
  const response = await fetch(url).catch((error: Error) => Promise.reject(new Error(`${url}: ${error.message}`)));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** A file's bytes, or an error naming its address and why (a large dataset's data worker reads its Arrow files so). */
export const getBytes = async (url: string): Promise<Uint8Array<ArrayBuffer>> => new Uint8Array(await (await fetched(url)).arrayBuffer());

/** A JSON file fetched, or an error whose message names its address and why (for the page and its workers). */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetched(url);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new Error(`${url}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * A gzip-compressed JSON file (the build's whole-project shards), however the host serves it: as
 * the bytes it is, or decoded already (a host that marks .gz files as gzip-encoded).
 */
export async function getGzippedJson<T>(url: string): Promise<T> {
  let bytes = await getBytes(url);
  try {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (error) {
    throw new Error(`${url}: not valid gzip-compressed JSON (${(error as Error).message})`);
  }
}
