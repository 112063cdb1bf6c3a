import { createWorksheetRegistry } from './worksheet.ts';
import { LKE_AKIP_2021 } from './lke-akip-2021.ts';

/** LKE AKIP worksheets (SAKIP module). Registered and validated once at load. */
export const lkeAkipRulebooks = createWorksheetRegistry('lke_akip');
lkeAkipRulebooks.register(LKE_AKIP_2021);

export * from './worksheet.ts';
export * from './assessment.engine.ts';
