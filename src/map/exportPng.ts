/**
 * The map as a print-size PNG: a second, offscreen map with the live map's view, rendered at a
 * higher pixel ratio and framed with a title, the key and the credits. Made on demand,
 * so the live map keeps its frame rate; its WebGL context is released when done.
 */
import { Map as MapLibreMap, type LngLatBoundsLike } from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import { LABEL_FONT } from './fonts';
import { leaveOutSky } from './sky';

export interface PngFrame {
  title: string;
  subtitle: string;
  key: { color: string; label: string }[];
  /** The credits of the map's sources, as text. */
  credits: string;
}

export interface PngInput {
  style: StyleSpecification;
  bounds: LngLatBoundsLike;
  /** Size of the live map in CSS pixels: the image keeps its framing. */
  cssWidth: number;
  cssHeight: number;
  width: number;
  /** Applied once the offscreen map has loaded (feature states, choropleth, network). */
  prepare(map: MapLibreMap): void;
  frame: PngFrame;
}

const HEADER = 0.06;
const FOOTER = 0.03;

export async function renderMapPng({ style, bounds, cssWidth, cssHeight, width, prepare, frame }: PngInput): Promise<Blob> {
  const ratio = width / cssWidth;
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-100000px;top:0;width:${cssWidth}px;height:${cssHeight}px;`;
  holder.setAttribute('aria-hidden', 'true');
  document.body.append(holder);
  const map = new MapLibreMap({
    container: holder,
    style,
    bounds,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    pixelRatio: ratio,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  leaveOutSky(map);
  try {
    await map.once('load');
    map.fitBounds(bounds, { duration: 0, padding: 0 });
    prepare(map);
    await map.once('idle');
    const mapCanvas = map.getCanvas();
    const w = mapCanvas.width;
    const header = Math.round(w * HEADER);
    const footer = Math.round(w * FOOTER);
    const out = document.createElement('canvas');
    out.width = w;
    out.height = mapCanvas.height + header + footer;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(mapCanvas, 0, header);
    await document.fonts.ready;
    const font = (px: number, weight = 400) => `${weight} ${Math.round(px)}px '${LABEL_FONT.replace(' Regular', '')}', 'Noto Sans', sans-serif`;
    const unit = w / 100;
    ctx.fillStyle = '#1f1e1b';
    ctx.textBaseline = 'alphabetic';
    ctx.font = font(unit * 2.2, 700);
    ctx.fillText(frame.title, unit * 1.5, header * 0.5);
    const titleEnd = unit * 1.5 + ctx.measureText(frame.title).width;
    ctx.font = font(unit * 1.3);
    ctx.fillStyle = '#55524b';
    ctx.fillText(frame.subtitle, unit * 1.5, header * 0.85);
    const textEnd = Math.max(titleEnd, unit * 1.5 + ctx.measureText(frame.subtitle).width);
    // The key, right-aligned in the header, in smaller type where it would run into the title.
    const keyWidth = (px: number) => {
      ctx.font = font(px);
      return frame.key.reduce((sum, item) => sum + ctx.measureText(item.label).width + (px / 1.05) * 2.7, 0);
    };
    let keyPx = unit * 1.05;
    const room = w - unit * 3.5 - textEnd;
    if (keyWidth(keyPx) > room) keyPx = Math.max(unit * 0.7, (keyPx * room) / keyWidth(keyPx));
    ctx.font = font(keyPx);
    const k = keyPx / 1.05; // the key's spacing follows its type size
    let x = w - unit * 1.5;
    for (const item of [...frame.key].reverse()) {
      const label = ctx.measureText(item.label).width;
      x -= label;
      ctx.fillStyle = '#1f1e1b';
      ctx.fillText(item.label, x, header * 0.62);
      x -= k * 1.5;
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.arc(x + k * 0.6, header * 0.62 - k * 0.35, k * 0.45, 0, Math.PI * 2);
      ctx.fill();
      x -= k * 1.2;
    }
    ctx.font = font(unit * 0.95);
    ctx.fillStyle = '#55524b';
    ctx.fillText(frame.credits, unit * 1.5, mapCanvas.height + header + footer * 0.68);
    return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    map.remove();
    holder.remove();
  }
}
