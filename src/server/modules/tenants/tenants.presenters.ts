export const presentTenant = (t: { id: string; regionCode: string; name: string; kind: string; isDemo: number; createdAt: string }) => ({
  id: t.id,
  regionCode: t.regionCode,
  name: t.name,
  kind: t.kind,
  isDemo: t.isDemo === 1,
  createdAt: t.createdAt,
});
