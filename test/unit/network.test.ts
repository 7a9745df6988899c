import { describe, expect, it } from 'vitest';
import { cooperationPairs, partnersOf } from '../../src/core/network';
import { applyFilters, indexProjects, NO_FILTERS } from '../../src/core/filters';
import { MUNICIPALITIES, project } from './fixtures';

const projects = [
  // Two partners in Montana and two in Pirot: still one project for the pair.
  project({ id: 'a', period: '2014-2020', total: '100', partners: [['BG-MON29', null], ['BG-MON29', null], ['RS-70939', null], ['RS-70939', null]] }),
  project({ id: 'b', period: '2007-2013', total: '50', partners: [['BG-MON29', null], ['RS-70939', null], ['RS-70327', null]] }),
  project({ id: 'c', period: '2014-2020', total: null, partners: [['BG-VID09', null], ['RS-70327', null]] }),
  // Same side only: no cross-border pair.
  project({ id: 'd', total: '10', partners: [['BG-MON29', null], ['BG-VID09', null], [null, null]] }),
];

describe('cooperation pairs', () => {
  it('counts each project once per cross-border pair', () => {
    expect(cooperationPairs(projects).map(({ a, b, projects: n, budget }) => [a, b, n, budget])).toEqual([
      ['BG-MON29', 'RS-70939', 2, 150],
      ['BG-MON29', 'RS-70327', 1, 50],
      ['BG-VID09', 'RS-70327', 1, 0],
    ]);
  });

  it('follows the filters', () => {
    const only2014 = applyFilters(indexProjects(projects, MUNICIPALITIES), { ...NO_FILTERS, periods: ['2014-2020'] });
    expect(cooperationPairs(only2014).map((p) => [p.a, p.b, p.projects])).toEqual([
      ['BG-MON29', 'RS-70939', 1],
      ['BG-VID09', 'RS-70327', 1],
    ]);
  });

  it('lists a municipality’s partners across the border', () => {
    expect(partnersOf(cooperationPairs(projects), 'RS-70327')).toEqual([
      { municipalityId: 'BG-MON29', projects: 1, budget: 50 },
      { municipalityId: 'BG-VID09', projects: 1, budget: 0 },
    ]);
  });
});
