/**
 * Script- and diacritic-insensitive text keys, and the Serbian Cyrillic → Latin
 * transliteration. Pure: used by the data compiler and by the UI.
 */

/** Serbian Cyrillic → Latin, the official one-to-one (digraph) mapping. */
const SR_CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k',
  л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u',
  ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/** Transliterates Serbian Cyrillic text to Serbian Latin, keeping capitalisation. */
export function srCyrToLat(text: string): string {
  let out = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    const lat = SR_CYR_TO_LAT[lower];
    if (lat === undefined) {
      out += ch;
      return;
    }
    if (ch === lower) {
      out += lat;
      return;
    }
    // An upper-case digraph letter is "Lj" before lower case, "LJ" inside an all-caps word.
    const next = chars[i + 1];
    const allCaps = next !== undefined && next !== next.toLowerCase();
    out += allCaps ? lat.toUpperCase() : lat.charAt(0).toUpperCase() + lat.slice(1);
  });
  return out;
}

/** Bulgarian and Serbian Cyrillic letters → a coarse Latin skeleton used only for matching. */
const CYR_SKELETON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'd', е: 'e', ж: 'z', з: 'z', и: 'i', й: 'i', ј: 'i',
  к: 'k', л: 'l', љ: 'li', м: 'm', н: 'n', њ: 'ni', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c',
  у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', џ: 'dz', ш: 's', щ: 'st', ъ: 'a', ь: 'i', ю: 'iu', я: 'ia',
  ѝ: 'i', ё: 'e', э: 'e', ы: 'i',
};

/**
 * A matching key that is the same for a place name written in Bulgarian or Serbian Cyrillic,
 * Serbian Latin with or without diacritics, or a Bulgarian romanisation (official or informal):
 * "Zaječar", "Зајечар", "zajecar" and "Boychinovtsi", "Boichinovtsi", "Бойчиновци" collide.
 */
export function matchKey(text: string): string {
  let s = '';
  for (const ch of text.toLowerCase()) s += CYR_SKELETON[ch] ?? ch;
  s = s
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return s
    .replace(/sht/g, 'st')
    .replace(/zh/g, 'z')
    .replace(/ch/g, 'c')
    .replace(/sh/g, 's')
    .replace(/ts/g, 'c')
    .replace(/dj/g, 'd')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Cyrillic → readable ASCII for slugs (Bulgarian streamlined system; Serbian letters by their Latin). */
const CYR_ASCII: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', ј: 'j',
  к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c',
  у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', џ: 'dz', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
};

/** Ids are programme codes or slugs: printable, no spaces, bounded; `?project=` accepts exactly these. */
export const PROJECT_ID = /^[\p{L}\p{N}._/-]{1,120}$/u;

/** A URL-safe ASCII slug ("Зона на приятелството" → "zona-na-priyatelstvoto"), cut at a word. */
export function slugify(text: string, maxLength = 60): string {
  let ascii = '';
  for (const ch of text.toLowerCase()) ascii += CYR_ASCII[ch] ?? ch;
  const slug = ascii
    .replace(/đ/g, 'dj')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}

/** FNV-1a 32-bit hash as 8 hex digits: deterministic short suffixes for ids. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
