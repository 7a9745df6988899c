/**
 * maplibre draws its sky, a shader pass over the whole canvas, at the start of every frame, even
 * for a style without a sky. The atlas's map never tilts (no rotation, no pitch) and its
 * background layer covers the canvas, so that pass never shows. Left out, a frame costs about a
 * third less on software WebGL (measured: 1920×1080 in headless Chromium, SwiftShader), which is
 * what a phone without a GPU driver or a kiosk in a VM renders with.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function leaveOutSky(map: MapLibreMap): void {
  map.painter.drawFunctions = { ...map.painter.drawFunctions, sky: () => undefined };
}
