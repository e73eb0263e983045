// Initials on a colour derived from the username, so each player is recognisable at a glance.
// The 700 shades: white initials on them keep a 4.5:1 contrast.
const palette = ["bg-emerald-700", "bg-sky-700", "bg-violet-700", "bg-rose-700", "bg-amber-700", "bg-teal-700", "bg-indigo-700", "bg-fuchsia-700"];

export function initials(username: string): string {
  const parts = username.split(/[_-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : username.slice(0, 2);
  return letters.toUpperCase();
}

function colour(username: string): string {
  let hash = 0;
  for (const char of username.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}

const sizes = { sm: "h-8 w-8 text-xs", md: "h-12 w-12 text-base", lg: "h-20 w-20 text-2xl" };

export function Avatar({ username, size = "md" }: { username: string; size?: keyof typeof sizes }) {
  return (
    <span aria-hidden className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold text-white ${colour(username)} ${sizes[size]}`}>
      {initials(username)}
    </span>
  );
}
