"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FormError, SubmitButton, TextField } from "@/components/forms";
import { useFormErrors } from "@/components/useFormErrors";
import { postJson } from "@/lib/client/api";

export function RegisterForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const { formRef, errors, fail, clear } = useFormErrors();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setPending(true);
    clear();
    // The server checks the fields and answers the same messages per field: checking here too would
    // load zod (30 KB gzip) on this page for one round trip saved.
    const created = await postJson("/api/register/", { username: String(form.get("username") ?? ""), password }, isCreated);
    if (!created.ok) {
      fail(created.error ? (created.error.fields ?? { form: created.error.message }) : { form: "Something went wrong. Check your connection and try again." });
      setPending(false);
      return;
    }
    try {
      const login = await signIn("credentials", { username: created.data.username, password, redirect: false });
      if (!login?.ok) throw new Error("login failed");
      router.replace("/");
      router.refresh();
    } catch {
      fail({ form: "Something went wrong. Check your connection and try again." });
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.form ?? errors.body} />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username}
        hint="3–20 letters, digits, _ or -"
        required
      />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" error={errors.password} hint="At least 8 characters" required />
      <SubmitButton pending={pending} pendingLabel="Creating account…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-slate-400">
        Already have an account?{" "}
        <Link href="/login/" className="font-medium text-emerald-400 hover:underline">
          Log in
        </Link>
      </p>
    </form>
  );
}

function isCreated(body: unknown): body is { username: string } {
  return typeof body === "object" && body !== null && "username" in body && typeof body.username === "string";
}
