/** Site icons drawn at runtime (no sprite server): a theme-coloured dot and a highlight ring. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ThemeId } from '../core/themes';
import type { Flavor } from './palette';
import { SITE_DIAMETER } from './sites';
import { SITE_ICON_PREFIX, SITE_RING_ICON } from './style';

const PIXEL_RATIO = 2;

function draw(paint: (ctx: CanvasRenderingContext2D, size: number) => void, cssSize: number): ImageData {
  const size = cssSize * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  paint(ctx, size);
  return ctx.getImageData(0, 0, size, size);
}

function circle(ctx: CanvasRenderingContext2D, size: number, radius: number): void {
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, radius, 0, Math.PI * 2);
}

export function addSiteIcons(map: MapLibreMap, flavor: Flavor): void {
  for (const [theme, color] of Object.entries(flavor.themes) as [ThemeId, string][]) {
    const image = draw((ctx, size) => {
      circle(ctx, size, size / 2 - PIXEL_RATIO);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 1.5 * PIXEL_RATIO;
      ctx.strokeStyle = flavor.site_outline;
      ctx.stroke();
    }, SITE_DIAMETER);
    const name = SITE_ICON_PREFIX + theme;
    if (map.hasImage(name)) map.updateImage(name, image);
    else map.addImage(name, image, { pixelRatio: PIXEL_RATIO });
  }
  const ring = draw((ctx, size) => {
    circle(ctx, size, size / 2 - 2 * PIXEL_RATIO);
    ctx.lineWidth = 2.5 * PIXEL_RATIO;
    ctx.strokeStyle = flavor.site_highlight;
    ctx.stroke();
  }, SITE_DIAMETER + 6);
  if (map.hasImage(SITE_RING_ICON)) map.updateImage(SITE_RING_ICON, ring);
  else map.addImage(SITE_RING_ICON, ring, { pixelRatio: PIXEL_RATIO });
}
