import { kippRulebooks } from './kipp.rulebook.ts';
import { KIPP_KHUSUS_2023, KIPP_UMUM_2023 } from './kipp-2023.ts';

kippRulebooks.register(KIPP_UMUM_2023);
kippRulebooks.register(KIPP_KHUSUS_2023);

export { kippRulebooks };
export * from './kipp.engine.ts';
export type { KippRulebook, KippBody } from './kipp.rulebook.ts';
