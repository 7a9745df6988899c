/**
 * A municipality's profile: its names in every script, key figures against its district and the
 * programme area, per-period and per-theme figures, its projects with its role in each, and its
 * partner municipalities across the border. An empty selection gives an honest empty profile.
 */
import { attributedTo, type Attribution } from '../core/attribution';
import { allCredits } from '../core/credits';
import type { Pair } from '../core/network';
import { partnersOf } from '../core/network';
import { periodIds } from '../core/programme';
import { ALL_THEMES } from '../core/themes';
import type { Standing } from '../core/population';
import type { RowsPage } from '../core/rows';
import type { MunicipalityRecord, Project } from '../core/types';
import type { I18n } from '../i18n';
import { municipalityName, perInhabitantMoney, populationWords } from '../i18n/labels';
import { projectTitle } from '../i18n/projectTitle';
import { BarList } from '../charts/BarList';
import { StripPlot } from '../charts/StripPlot';
import type { Flavor } from '../palette/flavors';
import { amountText } from './format';
import { BUTTONS_PAGE, RowButtons } from './ProjectButtonList';
import { ThemeSwatch } from './ThemeSwatch';
import { usePagedRows } from './usePage';

interface Props {
  municipality: MunicipalityRecord;
  /** Projects of the selection with a partner or site here; null where the page does not hold the records (a very large dataset). */
  projects: readonly Project[] | null;
  /** Why `projects` is null: said in place of the figures by period and theme and of each project's role here. */
  unavailable: string | null;
  /** Without `projects`, the list is the selection's rows (its first `limit`; null while they come). */
  rows(limit: number): RowsPage | null;
  /** Why the rows cannot come (said in place of the list); null: they are coming. */
  rowsUnavailable: string | null;
  /** Attribution of the same filters without the place filter: for the district and the area. */
  context: Attribution;
  /** Per inhabitant against the programme area and the district, under the same filters as `context`. */
  standing: Standing;
  pairs: readonly Pair[];
  municipalities: ReadonlyMap<string, MunicipalityRecord>;
  i18n: I18n;
  flavor: Flavor;
  onSelect(projectId: string): void;
  onClose(): void;
}

export function MunicipalityProfile({ municipality: m, projects, unavailable, rows, rowsUnavailable, context, standing, pairs, municipalities, i18n, flavor, onSelect, onClose }: Props) {
  const { t } = i18n;
  const paged = usePagedRows(projects ? null : rows, BUTTONS_PAGE, i18n);
  const name = i18n.place(m.names);
  const share = (p: Project) => attributedTo(p, m.id).total;
  // Without the records, the key figures are the attribution's for this municipality (the same projects: those with a partner or site here).
  const own = context.municipalities.find((r) => r.municipalityId === m.id);
  const attributed = projects ? projects.reduce((s, p) => s + share(p), 0) : (own?.total ?? 0);
  const eu = projects ? projects.reduce((s, p) => s + attributedTo(p, m.id).eu, 0) : (own?.eu ?? 0);
  const { programme } = i18n;
  const allNames = [...new Set(programme.scripts.map((script) => m.names[script]).filter(Boolean))];
  const count = projects ? projects.length : (own?.projects ?? 0);
  const unknown = projects ? projects.filter((p) => p.total?.value == null).length : (own?.unknownBudget ?? 0);

  // Totals and per inhabitant over a set of municipalities; per inhabitant only where population is known.
  const figures = (ids: string[]) => {
    const rows = context.municipalities.filter((r) => ids.includes(r.municipalityId));
    const total = rows.reduce((s, r) => s + r.total, 0);
    const withPopulation = ids.map((id) => municipalities.get(id)).filter((x): x is MunicipalityRecord => !!x?.population);
    const population = withPopulation.reduce((s, x) => s + x.population!.count, 0);
    const counted = rows.filter((r) => withPopulation.some((x) => x.id === r.municipalityId)).reduce((s, r) => s + r.total, 0);
    return { total, perInhabitant: population ? counted / population : null };
  };
  const all = [...municipalities.values()];
  const inDistrict = figures(all.filter((x) => x.districtId === m.districtId).map((x) => x.id));
  const areaMembers = all.filter((x) => x.inArea);
  const area = figures(areaMembers.map((x) => x.id));
  const here = { total: attributed, perInhabitant: m.population ? attributed / m.population.count : null };
  const money = (v: number) => perInhabitantMoney(v, i18n);
  const perInhabitant = (v: number | null) => (v === null ? t('populationUnknown') : money(v));
  const district = i18n.place(m.districtNames);
  const rankWords = [
    standing.area.rank !== null && t('rankArea', { rank: standing.area.rank, of: standing.area.of }),
    standing.district.rank !== null && t('rankDistrict', { rank: standing.district.rank, of: standing.district.of, name: district }),
  ].filter(Boolean);

  const bars = <K extends string>(keys: readonly K[], of: (p: Project) => K, label: (k: K) => string, color: (k: K) => string) =>
    keys
      .map((k) => {
        const ps = (projects ?? []).filter((p) => of(p) === k);
        return { key: k, label: label(k), value: ps.reduce((s, p) => s + share(p), 0), count: ps.length, color: color(k) };
      })
      .filter((b) => b.count > 0);
  const partners = partnersOf(pairs, m.id);

  return (
    <section class="profile" aria-labelledby="profile-title">
      <button type="button" class="back" onClick={onClose}>
        ← {t('backToMap')}
      </button>
      <button type="button" class="print-button" onClick={() => print()}>
        {t('print')}
      </button>
      <h2 id="profile-title">
        {allNames.join(' / ')}
      </h2>
      <p class="meta">
        {i18n.place(m.districtNames)} · {i18n.country(m.country)}
      </p>
      {count === 0 ? (
        <p class="empty">{t('noProjectsHere', { name })}</p>
      ) : (
        <>
          <h3>{t('keyFigures')}</h3>
          <dl class="facts">
            <dt>{t('colProjects')}</dt>
            <dd>
              {t('barNote', { projects: t('projectsCount', { n: count }), unknown })}
            </dd>
            <dt>{t('attributedBudget')}</dt>
            <dd>
              {i18n.money(attributed)} · {t('legendEu')}: {i18n.money(eu)}
            </dd>
            <dt>{t('population')}</dt>
            <dd>
              {populationWords(m.population, m.country, i18n)}
              {m.parts && (
                <>
                  <br />
                  <span class="meta">
                    {t('populationParts')} {m.parts.map((part) => `${i18n.place(part.names)}: ${populationWords(part.population, m.country, i18n)}`).join(' · ')}
                  </span>
                </>
              )}
            </dd>
            <dt>{t('budgetPerInhabitant')}</dt>
            <dd>{perInhabitant(here.perInhabitant)}</dd>
            {m.inArea && (
              <>
                <dt>{t('rankPerInhabitant')}</dt>
                <dd>{rankWords.length ? rankWords.join('; ') : t('rankNone')}</dd>
                <dt>{t('areaMedian')}</dt>
                <dd>
                  {standing.median === null ? t('noData') : money(standing.median)}
                  {standing.without > 0 && ` (${t('areaWithout', { n: standing.without, of: standing.area.of })})`}
                </dd>
              </>
            )}
          </dl>
          <p class="note">{t('attributionRule')}</p>
          <table class="compare">
            <caption>{t('compareTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('attributedBudget')}</th>
                <th scope="col">{t('budgetPerInhabitant')}</th>
              </tr>
            </thead>
            <tbody>
              {[
                [t('thisMunicipality'), here],
                [t('wholeDistrict', { name: district }), inDistrict],
                [t('programmeArea'), area],
              ].map(([label, f]) => (
                <tr>
                  <th scope="row">{label as string}</th>
                  <td>{i18n.money((f as typeof here).total)}</td>
                  <td>{perInhabitant((f as typeof here).perInhabitant)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="note">{t('perInhabitantCompareNote')}</p>
          {m.inArea && (
            <StripPlot
              title={t('stripTitle')}
              points={areaMembers.map((x) => ({ key: x.id, label: `${i18n.place(x.names)} (${x.country})`, value: standing.values.get(x.id) ?? null }))}
              chosen={m.id}
              median={standing.median}
              format={money}
              extraHead={[t('population')]}
              extra={(point) => [populationWords(municipalities.get(point.key)?.population ?? null, municipalities.get(point.key)?.country ?? '', i18n)]}
              i18n={i18n}
              colors={{ dot: flavor.chart_eu, chosen: flavor.chart_highlight }}
            />
          )}
          {!projects && <p class="note">{unavailable}</p>}
          {projects && <BarList title={t('byPeriod')} i18n={i18n} valueHead={t('attributedBudget')} bars={bars([...periodIds(programme), 'unknown'], (p) => p.period ?? 'unknown', (k) => (k === 'unknown' ? t('period_unknown') : k), () => flavor.chart_eu)} />}
          {projects && <BarList title={t('byTheme')} i18n={i18n} valueHead={t('attributedBudget')} bars={bars(ALL_THEMES, (p) => p.theme, (k) => i18n.theme(k), (k) => flavor.themes[k])} />}

          <h3>{t('projectsOf')}</h3>
          {!projects && <RowButtons rows={paged} unavailable={rowsUnavailable} i18n={i18n} onSelect={onSelect} />}
          {projects && <ul class="profile-projects">
            {projects.map((p) => {
              const roles = p.partners.filter((q) => q.location !== null && p.locations[q.location].municipalityId === m.id).map((q) => t(q.role ? `role_${q.role}` : 'role_unknown'));
              return (
                <li key={p.id}>
                  <ThemeSwatch theme={p.theme} />
                  <button type="button" class="link" data-project={p.id} onClick={() => onSelect(p.id)}>
                    {projectTitle(p, i18n)}
                  </button>
                  <br />
                  <span class="meta">
                    {t('roleHere')}: {roles.length ? [...new Set(roles)].join(', ') : t('siteOnly')} · {p.period ?? t('periodUnknown')}
                    {p.startDate ? ` · ${i18n.date(p.startDate)}${p.endDate ? ` – ${i18n.date(p.endDate)}` : ''}` : ''} · {amountText(p.total, i18n)}
                    {p.total?.value != null ? ` · ${t('attributedHere', { amount: i18n.money(share(p)) })}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>}

          <h3>{t('partnerMunicipalities')}</h3>
          {partners.length ? (
            <ol class="partners-ranked">
              {partners.map((x) => {
                const other = municipalities.get(x.municipalityId);
                return (
                  <li key={x.municipalityId}>
                    {municipalityName(x.municipalityId, municipalities, i18n)} ({other?.country}) — {t('jointProjects', { n: x.projects })}
                    {x.budget ? `, ${i18n.moneyShort(x.budget)}` : ''}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p>—</p>
          )}
        </>
      )}
      <footer class="print-credits">{allCredits(programme).map((c) => `${c.who} (${c.licence})`).join(' · ')}</footer>
    </section>
  );
}
