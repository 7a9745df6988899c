/** The year control: filtering by year in both modes, links, Back, the keyboard and a full play, in real Chromium. */
import { describe, expect, it } from 'vitest';
import { atlasBrowser, projectsInStatus } from './harness';
import { RAW } from './raw';

const open = atlasBrowser();

/** The years of a raw record by the rule the control states: its dates, else its period's years. */
const years = (r: (typeof RAW)[number] & { start_date?: string | null; end_date?: string | null; duration_months?: number | null }) => {
  const period = r.period?.split('-').map(Number);
  const start = r.start_date ? Number(r.start_date.slice(0, 4)) : period?.[0];
  if (start === undefined) return null;
  const month = r.start_date ? Number(r.start_date.slice(5, 7)) : 1;
  const byDuration = r.start_date && r.duration_months ? start + Math.floor((month - 1 + r.duration_months - 1) / 12) : undefined;
  const end = r.end_date ? Number(r.end_date.slice(0, 4)) : (byDuration ?? period?.[1] ?? start);
  return { start, end };
};
const ALL = RAW.map(years);
const startedBy = (y: number) => ALL.filter((x) => x && x.start <= y).length;
const runningIn = (y: number) => ALL.filter((x) => x && x.start <= y && y <= x.end).length;

describe('the year control', () => {
  it('shows the projects started by a year or running in it, from the link, the slider and the keyboard; Back steps back', async () => {
    const page = await open('?year=2013');
    const control = page.getByRole('region', { name: 'Year', exact: true });
    const slider = control.getByRole('slider', { name: 'Year' });
    await expect.poll(() => projectsInStatus(page)).toBe(startedBy(2013));
    expect(await control.locator('.year-big').textContent()).toBe('2013');
    expect(await control.textContent()).toContain(`${ALL.filter((x, i) => x && !(RAW[i] as { start_date?: string }).start_date).length} projects have no start date`);

    // Running in the year: the other mode, in the link.
    await control.getByRole('radio', { name: 'running in the year' }).check();
    await expect.poll(() => projectsInStatus(page)).toBe(runningIn(2013));
    expect(new URL(page.url()).searchParams.get('yearmode')).toBe('running');

    // The arrow keys move the slider a year at a time.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2014');
    await expect.poll(() => projectsInStatus(page)).toBe(runningIn(2014));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => projectsInStatus(page)).toBe(runningIn(2015));

    // Back steps through the years like any filter.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2014');
    await expect.poll(() => projectsInStatus(page)).toBe(runningIn(2014));
    await page.goBack();
    await expect.poll(() => projectsInStatus(page)).toBe(runningIn(2013));

    // "All years" drops the filter; the chip says what the year shows.
    expect(await page.getByRole('button', { name: /Year: running in 2013/ }).count()).toBe(1);
    await control.getByRole('button', { name: 'All years' }).click();
    await expect.poll(() => projectsInStatus(page)).toBe(RAW.length);
    await page.close();
  });

  it('plays every year from the first to the last and holds it, with Space on the slider', async () => {
    const page = await open();
    const control = page.getByRole('region', { name: 'Year', exact: true });
    await control.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    const slider = control.getByRole('slider', { name: 'Year' });
    const [first, last] = [Number(await slider.getAttribute('min')), Number(await slider.getAttribute('max'))];
    expect(first).toBe(Math.min(...ALL.filter((x) => x).map((x) => x!.start)));
    expect(last).toBe(Math.max(...ALL.filter((x) => x).map((x) => x!.end)));
    await slider.focus();
    await page.keyboard.press('Space');
    const play = control.getByRole('button', { name: /Pause/ });
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('true');
    // Each year passes through the link; the play ends on the last one, which holds.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add(new URL(page.url()).searchParams.get('year') ?? '');
          return control.getByRole('button', { name: /Play/ }).count();
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe(1);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(last));
    await expect.poll(() => projectsInStatus(page)).toBe(startedBy(last));
    expect(seen.size).toBeGreaterThan(5);
    // The play is one history entry: Back returns to before it.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBeNull();
    await page.close();
  });
});
