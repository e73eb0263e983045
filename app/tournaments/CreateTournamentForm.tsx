"use client";
// Creates a tournament: validates with the shared schema first (same messages as the server),
// then posts JSON and opens the new tournament's page. Without JavaScript the form still posts
// to the same endpoint, which answers with a redirect.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError, SubmitButton, TextField } from "@/components/forms";
import { hasField, isNumber, NETWORK_FAILURE, postJson } from "@/lib/client/api";
import { fieldErrors } from "@/lib/protocol/http";
import { createTournamentBodySchema, TOURNAMENT_MAX_PLAYERS, TOURNAMENT_MIN_PLAYERS } from "@/lib/protocol/tournament";

const ENDPOINT = "/game/tournaments/create_tournament_form/";

/** An empty number field means "use the default" rather than 0. */
const numberOrUndefined = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

const isCreated = hasField("tournament_id", isNumber);

export function CreateTournamentForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const parsed = createTournamentBodySchema.safeParse({
      name: form.get("name") ?? "",
      max_players: numberOrUndefined(form.get("max_players")),
      points_to_win: numberOrUndefined(form.get("points_to_win")),
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setPending(true);
    setErrors({});
    const result = await postJson(ENDPOINT, parsed.data, isCreated);
    if (result.ok) {
      // Stays "pending" while the next page loads, so the button cannot create a second one.
      router.push(`/tournaments/${result.data.tournament_id}/`);
      return;
    }
    if (result.status === NETWORK_FAILURE) setErrors({ form: "Could not reach the server. Check your connection and try again." });
    else if (result.error) setErrors(result.error.fields ?? { form: result.error.message });
    else if (result.status === 401) setErrors({ form: "Your session has expired. Log in again to create a tournament." });
    else setErrors({ form: `The tournament could not be created (error ${result.status}).` });
    setPending(false);
  }

  return (
    <form action={ENDPOINT} method="post" onSubmit={onSubmit} noValidate className="space-y-4" data-testid="create-tournament-form">
      <FormError message={errors.form ?? errors.body} />
      <TextField label="Name" name="name" autoComplete="off" maxLength={40} error={errors.name} hint="3–40 characters" required />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label="Max players"
          name="max_players"
          type="number"
          inputMode="numeric"
          min={TOURNAMENT_MIN_PLAYERS}
          max={TOURNAMENT_MAX_PLAYERS}
          step={1}
          defaultValue={8}
          error={errors.max_players}
          hint={`${TOURNAMENT_MIN_PLAYERS}–${TOURNAMENT_MAX_PLAYERS}`}
        />
        <TextField
          label="Points to win"
          name="points_to_win"
          type="number"
          inputMode="numeric"
          min={1}
          max={21}
          step={1}
          defaultValue={5}
          error={errors.points_to_win}
          hint="1–21"
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create tournament
      </SubmitButton>
    </form>
  );
}
