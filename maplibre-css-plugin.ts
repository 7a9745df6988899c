/**
 * Vite plugin: maplibre-gl.css without the rules of the controls the atlas never adds (logo,
 * geolocation, fullscreen, terrain, globe). Their inline SVG icons are a third of the first
 * load's stylesheet.
 */
import postcss from 'postcss';
import type { Plugin } from 'vite';

const UNUSED = /maplibregl-(ctrl-(logo|geolocate|fullscreen|shrink|terrain|globe)|user-location)/;

export function trimMaplibreCss(): Plugin {
  return {
    name: 'atlas-trim-maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('maplibre-gl/dist/maplibre-gl.css')) return null;
      const root = postcss.parse(code);
      root.walkRules((rule) => {
        const kept = rule.selectors.filter((s) => !UNUSED.test(s));
        if (!kept.length) rule.remove();
        else rule.selectors = kept;
      });
      root.walkAtRules((at) => void (at.nodes?.length === 0 && at.remove()));
      return { code: root.toString(), map: null };
    },
  };
}
