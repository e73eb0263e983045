"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FormError, SubmitButton, TextField } from "@/components/forms";
import { useFormErrors } from "@/components/useFormErrors";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const { formRef, errors, fail, clear } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      fail({ ...(username ? {} : { username: "Enter your username" }), ...(password ? {} : { password: "Enter your password" }) });
      return;
    }
    setPending(true);
    clear();
    const result = await signIn("credentials", { username, password, redirect: false }).catch(() => undefined);
    if (!result?.ok) {
      setPending(false);
      fail({ form: loginErrorMessage(result?.error) });
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.form} />
      <TextField label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.username} required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} required />
      <SubmitButton pending={pending} pendingLabel="Logging in…">
        Log in
      </SubmitButton>
      <p className="text-center text-sm text-slate-400">
        New here?{" "}
        <Link href="/register/" className="font-medium text-emerald-400 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

/** The server's refusal of a try ("Too many attempts, try again in N minutes") is shown as it is. */
function loginErrorMessage(error: string | null | undefined): string {
  if (error === "CredentialsSignin") return "Wrong username or password";
  if (error?.startsWith("Too many attempts")) return error;
  return "Could not log in. Check your connection and try again.";
}
