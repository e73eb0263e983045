// Usernames are unique without regard to case: two spellings of one name are the same player.
export const sameName = (a: string | null | undefined, b: string | null | undefined) => a != null && b != null && a.toLowerCase() === b.toLowerCase();
