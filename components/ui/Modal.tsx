"use client";
// An aria-modal dialog over a dimmed page: keeps Tab inside, focuses `initialFocus` (or the box),
// closes on Escape when `onEscape` is given, and gives focus back to where it was on close.
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from "react";

export function Modal({
  labelId,
  initialFocus,
  onEscape,
  children,
  testId,
}: {
  labelId: string;
  initialFocus: React.RefObject<HTMLElement | null>;
  onEscape?: () => void;
  children: React.ReactNode;
  testId: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const escapeRef = useRef(onEscape);
  useEffect(() => {
    escapeRef.current = onEscape;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initialFocus.current ?? boxRef.current)?.focus();
    // Escape is caught on the document so it works even if a click moved focus out of the box.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && escapeRef.current) {
        event.preventDefault();
        escapeRef.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [initialFocus]);

  const trapTab = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Tab" || !boxRef.current) return;
    const focusable = Array.from(boxRef.current.querySelectorAll<HTMLElement>("button:not([disabled]), a[href]"));
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return event.preventDefault();
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-slate-950/80 p-3 backdrop-blur-sm sm:items-center">
      <div
        ref={boxRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelId}
        tabIndex={-1}
        onKeyDown={trapTab}
        data-testid={testId}
        className="w-full max-w-sm rounded-xl border border-slate-700 bg-slate-900 p-6 text-center shadow-2xl outline-none"
      >
        {children}
      </div>
    </div>
  );
}
