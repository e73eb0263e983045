// Initials on a colour derived from the username, so each player is recognisable at a glance.
const palette = ["bg-emerald-600", "bg-sky-600", "bg-violet-600", "bg-rose-600", "bg-amber-600", "bg-teal-600", "bg-indigo-600", "bg-fuchsia-600"];

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
