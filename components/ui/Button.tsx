// The app's buttons: one set of class strings, for <button>s (Button) and for links that look
// like buttons (buttonClass on a <Link>). Every size keeps a 44 px touch target.
import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet-danger";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center rounded-md text-center font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-emerald-500 text-slate-950 hover:bg-emerald-400 focus-visible:outline-white",
  secondary: "border border-slate-600 text-white hover:bg-slate-800 focus-visible:outline-emerald-400",
  danger: "bg-rose-600 text-white hover:bg-rose-500 focus-visible:outline-white",
  "quiet-danger": "text-rose-300 hover:bg-rose-500/10 focus-visible:outline-rose-400",
};

const sizes: Record<ButtonSize, string> = {
  sm: "min-h-11 min-w-11 px-3 py-1 text-sm",
  md: "min-h-11 px-5 py-2.5",
  lg: "min-h-11 px-10 py-2.5 text-lg",
};

export function buttonClass({ variant = "primary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return [base, variants[variant], sizes[size], className].filter(Boolean).join(" ");
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  ref?: React.Ref<HTMLButtonElement>;
}

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
