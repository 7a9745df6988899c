/**
 * A packed dataset's sites drawn on the GPU as a maplibre custom layer: one point per site, its
 * position, spiral slot and theme uploaded once, and a state byte per site (filtered out,
 * highlighted, new in the year shown) uploaded when it changes. A filter is one upload and a
 * frame: no tile is re-read. Each frame draws only the grid rows of cells in view (the sites are
 * sorted by cell, src/sites/grid.ts), one contiguous range per row.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { MAX_FAN } from '../../sites/layout';
import { mercator, rowsIn, type SitePoints } from '../../sites/grid';
import type { SitePaint } from '../sitePaint';
import { slotOffsets, spreadOf, worldSize } from './hit';
import { FRESH, HIGHLIGHT, OUT, POINT_LAYER, type SiteState } from './state';

/** Room in the shader for the themes' colours. */
const MAX_THEMES = 32;

/** How far a drawn dot reaches from its centre, ring included, at its largest. */
const dotReach = (paint: SitePaint): number => paint.highlightRadius + Math.max(paint.outline.width, paint.highlight.width, paint.fresh.width);

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_ratio;
uniform vec2 u_offsets[${MAX_FAN + 1}];
uniform vec4 u_colors[${MAX_THEMES}];
uniform vec2 u_radius;
uniform vec3 u_widths;
uniform vec4 u_outline;
uniform vec4 u_highlight;
uniform vec4 u_fresh;
in vec2 a_position;
in float a_slot;
in float a_theme;
in float a_state;
out vec4 v_fill;
out vec4 v_ring;
out float v_inner;
out float v_outer;
out float v_size;
void main() {
  int state = int(a_state);
  if ((state & ${OUT}) != 0) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  bool lit = (state & ${HIGHLIGHT}) != 0;
  bool fresh = (state & ${FRESH}) != 0;
  float radius = lit ? u_radius.y : u_radius.x;
  float width = lit ? u_widths.y : fresh ? u_widths.z : u_widths.x;
  vec4 p = u_matrix * vec4(a_position, 0.0, 1.0);
  vec2 offset = u_offsets[int(a_slot)] * u_ratio;
  p.xy += vec2(offset.x, -offset.y) * 2.0 / u_viewport * p.w;
  gl_Position = p;
  v_fill = u_colors[int(a_theme)];
  v_ring = lit ? u_highlight : fresh ? u_fresh : u_outline;
  v_inner = radius * u_ratio;
  v_outer = (radius + width) * u_ratio;
  v_size = 2.0 * ceil(v_outer + 1.0);
  gl_PointSize = v_size;
}`;

const UNIFORMS = ['u_matrix', 'u_viewport', 'u_ratio', 'u_offsets', 'u_colors', 'u_radius', 'u_widths', 'u_outline', 'u_highlight', 'u_fresh'] as const;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec4 v_fill;
in vec4 v_ring;
in float v_inner;
in float v_outer;
in float v_size;
out vec4 color;
void main() {
  float d = length(gl_PointCoord - 0.5) * v_size;
  float alpha = clamp(v_outer - d + 0.5, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  vec4 c = mix(v_fill, v_ring, clamp(d - v_inner + 0.5, 0.0, 1.0));
  color = vec4(c.rgb * alpha, alpha);
}`;

/** A CSS hex colour (#rgb or #rrggbb) as RGBA in 0..1. */
function rgba(hex: string): [number, number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`site colour "${hex}" is not a hex colour`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).concat(1) as [number, number, number, number];
}

export class PointLayer implements CustomLayerInterface {
  readonly id = POINT_LAYER;
  readonly type = 'custom';
  readonly renderingMode = '2d';
  private map!: MapLibreMap;
  private gl!: WebGL2RenderingContext;
  private program!: WebGLProgram;
  private vao!: WebGLVertexArrayObject;
  private buffers: WebGLBuffer[] = [];
  private stateBuffer!: WebGLBuffer;
  private uploaded = -1;
  private uniforms!: Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null>;
  /** What a frame needs of the paint, made again only when the paint changes (a new flavour). */
  private painted: { paint: SitePaint; offsets: Float32Array; colors: Float32Array; rings: Record<'outline' | 'highlight' | 'fresh', number[]>; spread: number } | null = null;

  constructor(
    private readonly points: SitePoints,
    private readonly state: SiteState,
    /** The flavour's dots (a new flavour sets it and repaints). */
    public paint: SitePaint,
    private readonly minzoom: number,
  ) {
    if (points.themes.length > MAX_THEMES) throw new Error(`${points.themes.length} themes: the site layer draws at most ${MAX_THEMES}`);
  }

  onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl as WebGL2RenderingContext;
    const g = this.gl;
    const shader = (type: number, source: string) => {
      const s = g.createShader(type)!;
      g.shaderSource(s, source);
      g.compileShader(s);
      if (!g.getShaderParameter(s, g.COMPILE_STATUS)) throw new Error(`site layer shader: ${g.getShaderInfoLog(s)}`);
      return s;
    };
    this.program = g.createProgram()!;
    g.attachShader(this.program, shader(g.VERTEX_SHADER, VERTEX));
    g.attachShader(this.program, shader(g.FRAGMENT_SHADER, FRAGMENT));
    g.linkProgram(this.program);
    if (!g.getProgramParameter(this.program, g.LINK_STATUS)) throw new Error(`site layer program: ${g.getProgramInfoLog(this.program)}`);
    this.uniforms = Object.fromEntries(UNIFORMS.map((name) => [name, g.getUniformLocation(this.program, name)])) as PointLayer['uniforms'];
    this.vao = g.createVertexArray()!;
    g.bindVertexArray(this.vao);
    const attribute = (name: string, data: ArrayBufferView, size: number, type: number, usage: number) => {
      const buffer = g.createBuffer()!;
      g.bindBuffer(g.ARRAY_BUFFER, buffer);
      g.bufferData(g.ARRAY_BUFFER, data, usage);
      const at = g.getAttribLocation(this.program, name);
      g.enableVertexAttribArray(at);
      g.vertexAttribPointer(at, size, type, false, 0, 0);
      this.buffers.push(buffer);
      return buffer;
    };
    const { position, slot, theme } = this.points;
    attribute('a_position', position, 2, g.FLOAT, g.STATIC_DRAW);
    attribute('a_slot', slot, 1, g.UNSIGNED_BYTE, g.STATIC_DRAW);
    attribute('a_theme', theme, 1, g.UNSIGNED_BYTE, g.STATIC_DRAW);
    this.stateBuffer = attribute('a_state', this.state.bytes, 1, g.UNSIGNED_BYTE, g.DYNAMIC_DRAW);
    this.uploaded = this.state.version;
    g.bindVertexArray(null);
  }

  onRemove(_map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    const g = gl as WebGL2RenderingContext;
    for (const buffer of this.buffers) g.deleteBuffer(buffer);
    g.deleteVertexArray(this.vao);
    g.deleteProgram(this.program);
    this.buffers = [];
  }

  render(_gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const zoom = this.map.getZoom();
    if (zoom < this.minzoom) return;
    const g = this.gl;
    if (this.uploaded !== this.state.version) {
      g.bindBuffer(g.ARRAY_BUFFER, this.stateBuffer);
      g.bufferSubData(g.ARRAY_BUFFER, 0, this.state.bytes);
      this.uploaded = this.state.version;
    }
    const { paint } = this;
    if (this.painted?.paint !== paint) {
      const offsets = slotOffsets(paint.scale);
      const colors = new Float32Array(4 * MAX_THEMES);
      this.points.themes.forEach((t, i) => colors.set(rgba(paint.color(t)), 4 * i));
      const rings = { outline: rgba(paint.outline.color), highlight: rgba(paint.highlight.color), fresh: rgba(paint.fresh.color) };
      this.painted = { paint, offsets: Float32Array.from(offsets.flat()), colors, rings, spread: spreadOf(offsets, dotReach(paint)) };
    }
    const u = this.uniforms;
    g.useProgram(this.program);
    g.uniformMatrix4fv(u.u_matrix, false, options.defaultProjectionData.mainMatrix as Float32Array);
    g.uniform2f(u.u_viewport, g.drawingBufferWidth, g.drawingBufferHeight);
    g.uniform1f(u.u_ratio, this.map.getPixelRatio());
    g.uniform2fv(u.u_offsets, this.painted.offsets);
    g.uniform4fv(u.u_colors, this.painted.colors);
    g.uniform2f(u.u_radius, paint.radius, paint.highlightRadius);
    g.uniform3f(u.u_widths, paint.outline.width, paint.highlight.width, paint.fresh.width);
    g.uniform4fv(u.u_outline, this.painted.rings.outline);
    g.uniform4fv(u.u_highlight, this.painted.rings.highlight);
    g.uniform4fv(u.u_fresh, this.painted.rings.fresh);
    g.enable(g.BLEND);
    g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
    g.bindVertexArray(this.vao);
    // The grid rows in view, widened by how far a dot is drawn from its place.
    const margin = this.painted.spread / worldSize(zoom);
    const bounds = this.map.getBounds();
    const [west, north] = mercator(bounds.getWest(), bounds.getNorth());
    const [east, south] = mercator(bounds.getEast(), bounds.getSouth());
    for (const [first, end] of rowsIn(this.points.grid, [west - margin, north - margin, east + margin, south + margin])) if (end > first) g.drawArrays(g.POINTS, first, end - first);
    g.bindVertexArray(null);
  }
}
