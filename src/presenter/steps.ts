/**
 * What a story step shows: its filters, the places the camera fits, and the card's words,
 * composed from i18n templates and figures computed from the data.
 */
import { projectTitle } from '../i18n/projectTitle';
import { attribute, attributedTo } from '../core/attribution';
import { applyFilters, type Filters, type ProjectKeys } from '../core/filters';
import { cooperationPairs, involves } from '../core/network';
import type { StoryStep } from '../core/stories';
import { parseUrl } from '../state/url';
import { filterWords, municipalityName, writtenIn, type LabelContext } from '../i18n/labels';
import type { Camera } from '../state/url';

export interface StepView {
  filters: Filters;
  network: boolean;
  /** The camera fits these places, or goes to `camera` where the step names one. */
  fit: [number, number][];
  camera: Camera | null;
  /** Years the step plays when it opens. */
  play: [number, number] | null;
  title: string;
  number: string;
  numberLabel: string;
  body: string;
}

export function stepView(step: StoryStep, index: readonly ProjectKeys[], ctx: LabelContext): StepView {
  const { i18n } = ctx;
  const { t } = i18n;
  const { filters, camera } = parseUrl(`?${step.filters ?? ''}${step.camera ? `&map=${step.camera}` : ''}`, i18n.programme).state;
  const project = step.project ? index.find((k) => k.project.id === step.project)?.project : undefined;
  const selection = project ? [project] : applyFilters(index, filters);
  const fit = selection.flatMap((p) => p.locations.map((l) => [l.lon, l.lat] as [number, number]));
  const name = (id: string) => municipalityName(id, ctx.municipalities, i18n);
  const count = (n: number) => ({ number: String(n), numberLabel: t('projectsCount', { n }).replace(String(n), '').trim() });
  const base = { filters, network: !!step.network, fit, camera, play: step.play ?? null };
  const text = step.text;
  if (text.key === 'stepWritten') return { ...base, title: writtenIn(text.title, i18n), ...count(selection.length), body: writtenIn(text.body, i18n) };
  if (text.key === 'stepYears' && step.play) {
    const [from, to] = step.play;
    const started = applyFilters(index, { ...filters, year: { year: to, mode: 'started' } });
    return { ...base, title: t('stepYearsTitle', { from, to }), ...count(started.length), body: t('stepYearsBody', { from, to, budget: i18n.moneyShort(attribute(started).knownTotal) }) };
  }
  if (text.key === 'stepProject' && project) {
    const places = [...new Set(project.locations.map((l) => i18n.place(l.names)))].join(', ') || '—';
    return {
      ...base,
      title: projectTitle(project, i18n),
      number: project.total?.value != null ? i18n.moneyShort(project.total.value) : t('unknown'),
      numberLabel: t('totalBudget'),
      body: t('stepProjectBody', { places, period: project.period ?? t('periodUnknown'), partners: t('partnersCount', { n: project.partners.length }) }),
    };
  }
  if (text.key === 'stepPlace') {
    const here = selection.reduce((s, p) => s + attributedTo(p, text.municipality).total, 0);
    return { ...base, title: name(text.municipality), ...count(selection.length), body: t('stepPlaceBody', { name: name(text.municipality), budget: i18n.moneyShort(here) }) };
  }
  if (text.key === 'stepPair') {
    const [a, b] = text.pair;
    const pair = cooperationPairs(selection).find((p) => involves(p, a) && involves(p, b));
    const title = `${name(a)} – ${name(b)}`;
    return { ...base, title, number: String(pair?.projects ?? 0), numberLabel: t('jointProjects', { n: pair?.projects ?? 0 }).replace(String(pair?.projects ?? 0), '').trim(), body: t('stepPairBody', { name: title, budget: i18n.moneyShort(pair?.budget ?? 0) }) };
  }
  const a = attribute(selection);
  const known = selection.filter((p) => p.total?.value != null).length;
  const chips = filterWords(filters, ctx).map((w) => w.words);
  return {
    ...base,
    title: chips.length ? chips.join(' · ') : t('allProjects'),
    ...count(selection.length),
    body: t('stepOverviewBody', { budget: i18n.moneyShort(a.knownTotal), known, projects: selection.length, places: a.municipalities.length }),
  };
}
