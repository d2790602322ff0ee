"use client";
import { type FormEvent, useTransition } from "react";

/**
 * Submits a form to an action without React's automatic form reset, so that after an error the
 * person keeps what they typed and only has to correct the field that was wrong.
 */
export function useFormSubmit(dispatch: (form: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
}
