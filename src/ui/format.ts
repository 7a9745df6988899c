/** Text for amounts and links from data; never HTML. */
import type { Amount } from '../core/amount';
import type { I18n } from '../i18n';

export function amountText(amount: Amount | null, i18n: I18n): string {
  if (!amount) return i18n.t('unknown');
  if (amount.value === null) return `${i18n.t('unknown')} (${i18n.t('asWritten', { raw: amount.raw })})`;
  const money = i18n.money(amount.value);
  return amount.approximate ? i18n.t('approximate', { amount: money }) : money;
}

/** Only http(s) links from data become links: no javascript: or data: URLs. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
