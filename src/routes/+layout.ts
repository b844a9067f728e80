// Static site for the intranet; the browser-only libraries (MapLibre, deck.gl, DuckDB-WASM) need no SSR.
export const prerender = true;
export const ssr = false;
