// Who is looking at the tournament page (null when logged out): shared by its pieces.
export interface TournamentViewer {
  id: number;
  name: string;
}
