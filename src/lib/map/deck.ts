/**
 * The deck.gl pieces the community map draws with, and only those: imported by name so the bundler keeps just
 * them (@deck.gl/layers and @deck.gl/extensions declare no side effects). `import('@deck.gl/layers')` whole took
 * every layer deck.gl has into the map's download (403 KB of script for three layers). Loaded on demand by
 * `loadDeckLibraries` (maplibre.ts).
 */
export { MapboxOverlay } from '@deck.gl/mapbox';
export { ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
export { DataFilterExtension } from '@deck.gl/extensions';
