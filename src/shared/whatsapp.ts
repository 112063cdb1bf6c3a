/**
 * WhatsApp "click to chat" links (https://wa.me/…): offices forward invitations and reminders
 * this way. Only a link is built; opening it is the user's click, nothing is sent by Serasan.
 */

/**
 * An Indonesian mobile number in wa.me form (country code 62, digits only), or null when the
 * input is not one: "0812-3456-789", "+62 812 3456 789", "62812…" and "812…" all give
 * "628123456789". Indonesian mobile numbers start with 8 after the country code and have
 * 9–12 digits after it.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  let national: string;
  if (digits.startsWith('+62')) national = digits.slice(3);
  else if (digits.startsWith('62')) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else national = digits;
  if (national.startsWith('0')) national = national.slice(1); // "+62 0812…" typed by habit
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `62${national}`;
}

/**
 * `https://wa.me/?text=…` (the user picks the chat) or `https://wa.me/62…?text=…` for one
 * number. Throws on a phone that is not an Indonesian mobile number, so a wrong link is never
 * offered silently.
 */
export function waShareLink(text: string, phone?: string | null): string {
  const encoded = encodeURIComponent(text);
  if (phone === undefined || phone === null || phone.trim() === '') return `https://wa.me/?text=${encoded}`;
  const number = normalizeIndonesianPhone(phone);
  if (!number) throw new Error(`Not an Indonesian mobile number: ${phone}`);
  return `https://wa.me/${number}?text=${encoded}`;
}
