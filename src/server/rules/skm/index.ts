import { skmRulebooks } from './skm.rulebook.ts';
import { SKM_2017 } from './skm-2017.ts';

skmRulebooks.register(SKM_2017);

export { skmRulebooks };
export * from './skm.engine.ts';
export type { SkmRulebook, SkmBody } from './skm.rulebook.ts';
