// Every room name, in one place.

/** Every socket of a user on a namespace: notices for all their tabs. */
export const userRoom = (userId: number) => `user:${userId}`;
/** Players and spectators of a match (/game). */
export const matchRoom = (matchId: number) => `match:${matchId}`;
/** Whoever has a tournament's page open (/tournament). */
export const tournamentRoom = (tournamentId: number) => `tournament:${tournamentId}`;
/** Every socket of every player in the quick-pairing pool (/game). */
export const seekersRoom = "seekers";
