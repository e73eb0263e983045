// Form pieces shared by the auth pages: labelled inputs with their error beside them.
import type { InputHTMLAttributes } from "react";
import { Button } from "@/components/ui/Button";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

export function TextField({ label, name, error, hint, ...input }: TextFieldProps) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-200">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`block min-h-11 w-full rounded-md border bg-slate-900 px-3 py-2 text-base text-white placeholder:text-slate-500 focus:outline-none focus:ring-2 ${
          error ? "border-rose-500 focus:ring-rose-500" : "border-slate-700 focus:ring-emerald-400"
        }`}
        {...input}
      />
      {error ? (
        <p id={`${name}-error`} role="alert" className="text-sm text-rose-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${name}-hint`} className="text-xs text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    // Focusable (not a Tab stop), so that a failed submit can move focus here (useFormErrors).
    <p role="alert" tabIndex={-1} data-form-error className="rounded-md border border-rose-500/40 bg-rose-500/10 px-3 py-2 text-sm text-rose-300 focus:outline-2 focus:outline-offset-2 focus:outline-rose-400">
      {message}
    </p>
  );
}

export function SubmitButton({ pending, children, pendingLabel }: { pending: boolean; children: React.ReactNode; pendingLabel: string }) {
  return (
    <Button type="submit" disabled={pending} className="w-full">
      {pending ? pendingLabel : children}
    </Button>
  );
}

export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-sm rounded-xl border border-slate-800 bg-slate-900 p-6 shadow-xl sm:p-8">
      <h1 className="mb-6 text-2xl font-bold text-white">{title}</h1>
      {children}
    </div>
  );
}
