// Shared by the tournament page's pieces.
export interface TournamentViewer {
  id: number;
  name: string;
}

export const sameName = (a: string | null, b: string | null | undefined) => a !== null && !!b && a.toLowerCase() === b.toLowerCase();
