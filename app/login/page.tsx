import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/forms";
import { currentUser } from "@/lib/transport/http/auth";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "Log in" };

/** Only same-site paths are followed after login. */
function safeCallback(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <AuthCard title="Log in">
      <LoginForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
