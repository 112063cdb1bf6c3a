/**
 * The base URL citizens and QR codes reach: SERASAN_PUBLIC_URL, else this request's origin.
 * Used by survey links and posters and by the verification links of issued documents.
 */
export function publicBase(request: { protocol: string; host: string }, config: { publicUrlSetting: string | undefined }) {
  return (config.publicUrlSetting ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}
