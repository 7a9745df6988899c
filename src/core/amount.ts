/**
 * Amounts as the programme pages write them ("581 345,46", "545.775.61", "близо 1 043 000").
 * Rules: a final ",dd" or ".dd" is the decimal part; ".ddd", ",ddd" and spaces separate thousands;
 * a figure in another currency in brackets is ignored; a word such as "близо" / "nearly" marks it
 * approximate. Anything else is unreadable and stays unknown: a wrong number is worse than none.
 */

export interface Amount {
  /** The string exactly as in the source. */
  raw: string;
  /** Euros, or null when the string cannot be read unambiguously. */
  value: number | null;
  approximate: boolean;
  /** Computed by the compiler (e.g. total × co-financing rate), not read from a source. */
  derived: boolean;
}

const APPROXIMATE_WORDS = /^(близо|около|приблизително|почти|oko|око|približno|приближно|nearly|about|approx\.?|approximately|around|ca\.?|~)\s*/i;
const CURRENCY = /\s*(eur|euro|euros|евро|евра|evra|€)\.?\s*$/i;

export function parseAmount(raw: string): Amount {
  let text = raw.trim();
  let approximate = false;
  const approx = APPROXIMATE_WORDS.exec(text);
  if (approx) {
    approximate = true;
    text = text.slice(approx[0].length);
  }
  // "167,730 EUR (325, 459 BGN)": the bracketed figure is another currency.
  text = text.replace(/\s*\(.*\)\s*$/, '').replace(/^€\s*/, '').replace(CURRENCY, '');
  return { raw, value: readNumber(text), approximate, derived: false };
}

function readNumber(text: string): number | null {
  // Spaces around a separator are typing slips ("135 274, 61").
  const compact = text.replace(/\s*([.,])\s*/g, '$1');
  if (!/^\d[\d .,]*$/.test(compact)) return null;
  const decimal = /^(.*)[.,](\d{2})$/.exec(compact);
  const integerPart = decimal ? decimal[1] : compact;
  const groups = integerPart.split(/[ .,]/);
  if (groups.length > 1 && !groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
  if (!/^\d{1,3}$/.test(groups[0]) && groups.length > 1) return null;
  // One thousands separator per number: "1,234.567.89" is unreadable.
  const separators = new Set(integerPart.match(/[ .,]/g) ?? []);
  if (separators.size > 1) return null;
  return Number(decimal ? `${groups.join('')}.${decimal[2]}` : groups.join(''));
}

/** "85.00 %" → 0.85; null when unreadable or outside (0, 100]. */
export function parseRate(raw: string): number | null {
  const m = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*$/.exec(raw);
  if (!m) return null;
  const percent = Number(m[1].replace(',', '.'));
  return percent > 0 && percent <= 100 ? percent / 100 : null;
}

/** total × rate, rounded to cents, flagged derived; approximate if the total is. */
export function deriveShare(total: Amount, rate: number): Amount {
  const value = total.value === null ? null : Math.round(total.value * rate * 100) / 100;
  return { raw: `${total.raw} × ${Math.round(rate * 10000) / 100} %`, value, approximate: total.approximate, derived: true };
}
