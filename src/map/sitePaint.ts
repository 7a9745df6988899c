/** How a site's dot is drawn in a flavour: one place for its sizes and colours, read by the circle layers (style.ts) and the GPU layer (points/). */
import type { ThemeId } from '../core/themes';
import type { Flavor } from '../palette/flavors';
import { themeScale } from '../palette/scales';
import { SITE_DIAMETER, SITE_OUTLINE } from '../sites/layout';

/** How a site is drawn in a flavour, for the circle layers and the GPU layer alike (CSS pixels). */
export interface SitePaint {
  /** The flavour's dot scale: stacks spread by it too. */
  scale: number;
  color: (theme: string) => string;
  /** The fill's radius, and grown by the highlight. */
  radius: number;
  highlightRadius: number;
  /** The ring around the fill: plain, highlighted, new in the year shown. */
  outline: { width: number; color: string };
  highlight: { width: number; color: string };
  fresh: { width: number; color: string };
}

export function sitePaint(flavor: Flavor): SitePaint {
  const scale = flavor.site_scale;
  const radius = (SITE_DIAMETER / 2 - SITE_OUTLINE) * scale;
  const theme = themeScale(flavor);
  return {
    scale,
    color: (t) => theme.color((theme.domain as readonly string[]).includes(t) ? (t as ThemeId) : 'unclassified'),
    radius,
    highlightRadius: radius + scale,
    outline: { width: SITE_OUTLINE * scale, color: flavor.site_outline },
    highlight: { width: 2.5 * scale, color: flavor.site_highlight },
    fresh: { width: 3 * scale, color: flavor.site_new },
  };
}
