import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/forms";
import { currentUser } from "@/lib/transport/http/auth";
import { RegisterForm } from "./RegisterForm";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage() {
  if (await currentUser()) redirect("/");
  return (
    <AuthCard title="Create an account">
      <RegisterForm />
    </AuthCard>
  );
}
