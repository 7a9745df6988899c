/** The frame of an exported map image: its title, what it shows, its key and credits. Pure. */
import { mapCredits } from '../core/credits';
import type { Filters } from '../core/filters';
import type { PngFrame } from '../map/exportPng';
import type { ChoroplethScale, ThemeScale } from '../palette/scales';
import type { View } from '../state/view';
import { choroplethKey, colourByName } from './ColourByControl';
import { filterWords, type LabelContext } from '../i18n/labels';
import { themeKey } from './Legend';
import { statusText } from './StatusLine';

export interface FrameInput {
  view: View;
  filters: Filters;
  themes: ThemeScale;
  /** The municipalities' colours when the map shows a choropleth. */
  choropleth: ChoroplethScale | null;
  ctx: LabelContext;
}

/** Title with the active filters; the key explains the municipality colours when there are any, else the site colours. */
export function mapFrame({ view, filters, themes, choropleth, ctx }: FrameInput): PngFrame {
  const { i18n } = ctx;
  const chips = filterWords(filters, ctx).map((w) => w.words);
  const shaded = view.choropleth && choropleth ? { metric: view.choropleth.metric, scale: choropleth } : null;
  return {
    title: `${i18n.t('appTitle')}${chips.length ? ` — ${chips.join(', ')}` : ''}`,
    subtitle: `${statusText(view.summary, i18n)}${shaded ? ` · ${colourByName(shaded.metric, i18n)}` : ''}`,
    key: shaded ? choroplethKey(shaded.scale, shaded.metric, i18n) : themeKey(themes, view.themeCounts, i18n, { onlyPresent: true }),
    credits: mapCredits(i18n.programme).map((c) => c.text).join(' · '),
  };
}
