/** Name matching and municipality assignment against the real gazetteers in ../shared/geo-sources. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Gazetteer } from '../../src/core/gazetteer';
import { loadGeoSources } from '../../geo/sources';
import { DEFAULT_PROGRAMME, readProgramme } from '../../data/dataset-dir';

let gazetteer: Gazetteer;
beforeAll(() => {
  const geo = loadGeoSources(readProgramme(DEFAULT_PROGRAMME));
  gazetteer = new Gazetteer(geo.settlements, geo.municipalities);
});

const place = (country: 'BG' | 'RS' | null, town: string | null, municipality: string | null = null) => gazetteer.placePartner(country, town, municipality);

describe('placing partners', () => {
  it('matches across Cyrillic, Latin and missing diacritics', () => {
    for (const town of ['Zaječar', 'Зајечар', 'Zajecar']) {
      const r = place('RS', town);
      expect(r.ok && r.placement.settlement.municipalityId).toBe('RS-70556');
    }
    const r = place('BG', 'Бойчиновци');
    expect(r.ok && r.placement.settlement.municipalityId).toBe('BG-MON04');
  });

  it('stays within the stated country: Bor and Dimitrovgrad exist on both sides', () => {
    const bor = place('RS', 'Bor');
    expect(bor.ok && bor.placement.settlement.municipalityId).toBe('RS-70327');
    const dimitrovgradRS = place('RS', 'Dimitrovgrad');
    const dimitrovgradBG = place('BG', 'Dimitrovgrad');
    expect(dimitrovgradRS.ok && dimitrovgradRS.placement.settlement.country).toBe('RS');
    expect(dimitrovgradBG.ok && dimitrovgradBG.placement.settlement.country).toBe('BG');
  });

  it('prefers the municipality seat for an ambiguous name and says so', () => {
    for (const [town, id] of [['Leskovac', 'RS-70726'], ['Trgovište', 'RS-71161']]) {
      const r = place('RS', town);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.placement.method).toBe('seat');
      expect(r.placement.settlement.municipalityId).toBe(id);
      expect(r.placement.note).toMatch(/^ambiguous: \d+ settlements named/);
    }
  });

  it('uses the stated municipality to tell villages apart (Dragovishtitsa)', () => {
    const kostinbrod = place('BG', 'Dragovishtitsa', 'Kostinbrod');
    expect(kostinbrod.ok && kostinbrod.placement.settlement.municipalityId).toBe('BG-SFO26');
    const unqualified = place('BG', 'Dragovishtitsa');
    expect(unqualified).toEqual({ ok: false, reason: expect.stringMatching(/^ambiguous: 2 settlements named "Dragovishtitsa"/) });
  });

  it('puts Niš city municipalities into the City of Niš', () => {
    const r = place('RS', 'Niš', 'Niš - Palilula');
    expect(r.ok && r.placement.settlement.municipalityId).toBe('RS-nis');
  });

  it('places partners outside the area in their own municipality', () => {
    const sofia = place('BG', 'Sofia');
    expect(sofia.ok && sofia.placement.settlement.municipalityId).toBe('BG-SOF46');
    const blagoevgrad = place('BG', 'Blagoevgrad');
    expect(blagoevgrad.ok && gazetteer.municipality(blagoevgrad.placement.settlement.municipalityId)?.inArea).toBe(false);
  });

  it('gives the reason when a partner cannot be placed', () => {
    expect(place(null, 'Pirot')).toEqual({ ok: false, reason: 'country not stated' });
    expect(place('RS', null)).toEqual({ ok: false, reason: 'no town stated' });
    expect(place('BG', 'Atlantis')).toEqual({ ok: false, reason: 'no settlement named "Atlantis" in BG' });
  });
});

describe('placing named sites', () => {
  const near = (...municipalities: string[]) => [new Set(municipalities), new Set(municipalities.map((m) => gazetteer.municipality(m)!.districtId))] as const;

  it('finds a village in a partner municipality', () => {
    const { found } = gazetteer.placeSite('road to Dolno Linevo (Lom municipality)', ...near('BG-MON24'));
    expect(found.map((s) => s.names.Latn)).toEqual(['Dolno Linevo']);
  });

  it('does not take "Rila Park" or "Rila Mountain" for the town of Rila', () => {
    const { found, skipped } = gazetteer.placeSite('part of Rila Park / Rila Mountain within Dupnitsa municipality', ...near('BG-KNL38', 'BG-KNL48'));
    expect(found).toEqual([]);
    expect(skipped.join(' ')).toMatch(/"Rila Park" names a Park/);
  });

  it('looks in the partners’ districts only for a place marked as a village', () => {
    const marked = gazetteer.placeSite('House of Masks, village of Kosarevo (Breznik region)', ...near('BG-PER32'));
    expect(marked.found.map((s) => s.municipalityId)).toEqual(['BG-PER08']);
    const unmarked = gazetteer.placeSite('House of Masks, Kosharevo', ...near('BG-PER32'));
    expect(unmarked.found).toEqual([]);
  });
});
