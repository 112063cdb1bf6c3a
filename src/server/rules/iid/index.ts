import { iidRulebooks } from './iid.rulebook.ts';
import { IID_2026, IID_2028_PROJECTION } from './iid-2026.ts';

// Registered (and validated) once at load: an invalid rulebook stops the server at start-up.
iidRulebooks.register(IID_2026);
iidRulebooks.register(IID_2028_PROJECTION);

export { iidRulebooks };
export * from './iid.engine.ts';
export type { IidRulebook, IidBody, IidIndicator } from './iid.rulebook.ts';
