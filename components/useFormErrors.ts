// A form's errors by field name (`form` for the whole form). Each failed submit moves focus to the
// first bad field, or to the form's error message, so that keyboard and screen reader users land on it.
import { useEffect, useRef, useState } from "react";

export type FormErrors = Record<string, string>;

export function useFormErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<{ errors: FormErrors; failures: number }>({ errors: {}, failures: 0 });

  useEffect(() => {
    // Document order: the message above the fields (FormError) comes before them.
    if (state.failures > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]')?.focus();
  }, [state.failures]);

  return {
    formRef,
    errors: state.errors,
    fail: (errors: FormErrors) => setState((current) => ({ errors, failures: current.failures + 1 })),
    clear: () => setState((current) => ({ ...current, errors: {} })),
  };
}
