/**
 * Attributions required by the data and map sources (see ../shared/geo-sources/SOURCES.md).
 * Proper names and licence names, shown as written in every locale.
 */
export interface Credit {
  what: string;
  who: string;
  licence: string;
  url: string;
}

export const CREDITS: Credit[] = [
  { what: 'Projects', who: 'Interreg-IPA CBC Bulgaria–Serbia programme pages (ipacbc-bgrs.eu, ipa-bgrs.mrrb.bg, 07-13.ipacbc-bgrs.eu) and the sources cited with each project', licence: 'cited per project', url: 'https://ipa-bgrs.mrrb.bg/' },
  { what: 'Bulgarian municipalities and districts', who: '© OpenStreetMap contributors, via geoBoundaries gbOpen BGR ADM2 (Runfola et al. 2020, PLoS ONE 15(4): e0231866); this adapted database is offered under the same licence', licence: 'ODbL 1.0', url: 'https://www.openstreetmap.org/copyright' },
  { what: 'Serbian municipalities and districts', who: 'Who’s On First — Mesoshapes; Data from Who’s On First', licence: 'CC0', url: 'https://whosonfirst.org/' },
  { what: 'Settlements, Serbian municipality codes and Cyrillic names', who: 'GeoNames', licence: 'CC BY 4.0', url: 'https://www.geonames.org/' },
  { what: 'Some Bulgarian settlement points', who: 'Quattroshapes via Who’s On First; © OpenStreetMap contributors', licence: 'CC BY; ODbL', url: 'https://www.openstreetmap.org/copyright' },
  { what: 'Bulgarian settlement register, municipality codes and names', who: 'National Statistical Institute of Bulgaria (EKATTE); Eurostat (NUTS codes)', licence: 'public data', url: 'https://www.nsi.bg/' },
  { what: 'Countries', who: 'Natural Earth', licence: 'public domain', url: 'https://www.naturalearthdata.com/' },
  { what: 'Label font', who: 'Noto Sans (Google Fonts, via Fontsource)', licence: 'SIL OFL 1.1', url: 'https://fonts.google.com/noto' },
  { what: 'Map renderer', who: 'MapLibre GL JS', licence: 'BSD-3-Clause', url: 'https://maplibre.org/' },
];
