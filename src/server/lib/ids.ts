import { uuidv7 } from 'uuidv7';

/** App-generated, time-ordered ids (portable rule: never auto-increment). */
export const newId = (): string => uuidv7();
