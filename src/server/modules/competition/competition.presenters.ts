export function presentCompetitionListItem<C extends { isBlind: number }>({ isBlind, ...c }: C) {
  return { ...c, blind: isBlind === 1, isBlind };
}
