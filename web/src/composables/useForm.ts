// A form's server-side errors: the field messages (ApiError.fields), the summary above the form
// (<ErrorSummary>), the focus moved to that summary so that its links lead to each field.
//
//   const form = useForm();
//   await form.submit(async () => { await data(engagement.POST(...)); }, { required: () => requiredErrors(values, ["email"]) });
//   form.errors.value.email, form.summary.value, form.sending.value
import { ref, type Ref } from "vue";
import { ApiError, type FieldErrors } from "@/api/errors";
import { focusErrors } from "@/lib/focus";

export const MISSING_FIELDS = "Certains champs sont à compléter.";

export interface FormState {
  errors: Ref<FieldErrors>;
  summary: Ref<string>;
  sending: Ref<boolean>;
  fail: (failure: unknown, fields?: FieldErrors) => void;
  reset: () => void;
  submit: (send: () => Promise<unknown>, options?: { required?: () => FieldErrors; missing?: string }) => Promise<boolean>;
}

export function useForm(): FormState {
  const errors = ref<FieldErrors>({});
  const summary = ref("");
  const sending = ref(false);

  function reset() {
    errors.value = {};
    summary.value = "";
  }

  function fail(failure: unknown, fields?: FieldErrors) {
    errors.value = fields ?? (failure instanceof ApiError ? failure.fields : {});
    summary.value = failure instanceof Error ? failure.message : String(failure);
    focusErrors();
  }

  async function submit(send: () => Promise<unknown>, { required, missing = MISSING_FIELDS }: { required?: () => FieldErrors; missing?: string } = {}) {
    reset();
    const local = required ? required() : {};
    if (Object.keys(local).length) {
      fail(missing, local);
      return false;
    }
    sending.value = true;
    try {
      await send();
      return true;
    } catch (failure) {
      fail(failure);
      return false;
    } finally {
      sending.value = false;
    }
  }

  return { errors, summary, sending, fail, reset, submit };
}
