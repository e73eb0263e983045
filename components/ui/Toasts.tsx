// A list of notices in a polite live region, each with a × to dismiss it. The region is always in
// the DOM so that screen readers announce notices as they are added.
export type ToastTone = "info" | "error" | "highlight";

export interface ToastItem {
  key: string | number;
  tone: ToastTone;
  content: React.ReactNode;
}

const toneClass: Record<ToastTone, string> = {
  info: "border-slate-700 text-slate-100",
  error: "border-rose-500/50 text-rose-200",
  highlight: "border-emerald-500/50 text-slate-100",
};

export function Toasts({
  items,
  onDismiss,
  testId,
  itemTestId,
  className,
}: {
  items: ToastItem[];
  onDismiss: (key: ToastItem["key"]) => void;
  testId: string;
  itemTestId: string;
  className: string;
}) {
  return (
    <div role="status" aria-live="polite" data-testid={testId} className={className}>
      {items.map((item) => (
        <div
          key={item.key}
          data-testid={itemTestId}
          className={`pointer-events-auto flex items-start gap-3 rounded-lg border bg-slate-900 px-4 py-3 text-sm shadow-xl ${toneClass[item.tone]}`}
        >
          <div className="min-w-0 flex-1">{item.content}</div>
          <DismissButton onDismiss={() => onDismiss(item.key)} />
        </div>
      ))}
    </div>
  );
}

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  return (
    <button
      type="button"
      onClick={onDismiss}
      aria-label="Dismiss"
      className="-my-2.5 -mr-2 flex h-11 w-11 shrink-0 items-center justify-center rounded text-slate-400 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-emerald-400"
    >
      <span aria-hidden>×</span>
    </button>
  );
}
