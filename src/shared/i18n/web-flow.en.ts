import type { WebFlowCatalog } from './web-flow.id.ts';

/** English catalog of the workflow and judging views. */
export const webFlowEn: WebFlowCatalog = {
  flow: {
    openProposal: 'Open the KIPP proposal',
    locked: 'Proposal locked: it has been entered in the competition "{{competition}}" (version {{version}}). Its text and attachments can no longer change; coaching notes can still be written.',
    read: {
      back: 'Back to the competition',
      kicker: 'KIPP proposal · read only',
      version: 'Scored version: {{version}}',
      blind: 'Blind judging: identities hidden',
      note: 'You are reading the version of the proposal entered in the competition "{{competition}}". Score it on the competition page.',
      empty: '(not filled in)',
      score: 'Score on the competition page',
    },
    competition: {
      read: 'Read',
      version: 'version {{version}}',
      rankingHidden: 'The ranking and the other judges’ scores are shown once the competition result has been decided.',
    },
  },
};
