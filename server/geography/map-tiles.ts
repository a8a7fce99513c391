/**
 * The origin the browser may load tiles from, for the CSP's img-src: exactly the tile host.
 * A `{s}` subdomain template (a.tile…, b.tile…) becomes the wildcard `*.tile…`.
 */
export function tileImageSource(tileUrl: string): string {
  const [, scheme, host] = /^(https?):\/\/([^/]+)\//.exec(tileUrl) ?? [];
  if (!scheme || !host) throw new Error("a tile URL starts with http(s)://host/");
  return `${scheme}://${host.replace("{s}", "*").toLowerCase()}`;
}
