/**
 * A search total as shown: the server counts search hits up to a cap and says `totalCapped`
 * when there were more, so the total reads "1.000+" (id) / "1,000+" (en), never a false exact number.
 */
export function formatSearchTotal(total: number, capped: boolean | undefined, locale: string): string {
  const n = new Intl.NumberFormat(locale).format(total);
  return capped ? `${n}+` : n;
}
