// One labelled form control with its hint and its error message (from the API's field errors).
//
//   <FormField label="Ton téléphone" v-model="phone" type="tel" autocomplete="tel"
//              :error="fieldError(error, 'phone')" hint="Pour que l'association puisse t'appeler." required />
//   <FormField label="Ton message à l'association" v-model="message" type="textarea" :rows="8" />
//   <FormField label="Entité" v-model="entity" type="select" :options="[{ value: 'x', label: 'X' }]"
//              placeholder="Choisir ton entité" />
//   <FormField label="J'accepte…" v-model="consent" type="checkbox" />
//   <FormField label="Dates" :error="…"><template #default="{ id, describedby, invalid }">
//     <input :id="id" :aria-describedby="describedby" :aria-invalid="invalid" …></template></FormField>
//
// Props: label (required), modelValue, type ("text" | "email" | "password" | "tel" | "number" |
//   "date" | "search" | "url" | "textarea" | "select" | "checkbox"), id (generated when absent),
//   error (French message, or ""), hint, required, disabled, options ([{value, label}] or strings),
//   placeholder, autocomplete, rows, maxlength, min, max, step, inputmode.
// The error is linked with aria-describedby and sets aria-invalid; required adds « * » and `required`.
let counter = 0;

export default {
  name: "FormField",
  props: {
    label: { type: String, required: true },
    modelValue: { type: [String, Number, Boolean, null], default: "" },
    type: { type: String, default: "text" },
    id: { type: String, default: "" },
    error: { type: String, default: "" },
    hint: { type: String, default: "" },
    required: { type: Boolean, default: false },
    disabled: { type: Boolean, default: false },
    options: { type: Array, default: () => [] },
    placeholder: { type: String, default: "" },
    autocomplete: { type: String, default: null },
    rows: { type: Number, default: 5 },
    maxlength: { type: Number, default: null },
    min: { type: [String, Number], default: null },
    max: { type: [String, Number], default: null },
    step: { type: [String, Number], default: null },
    inputmode: { type: String, default: null },
  },
  emits: ["update:modelValue"],
  data() {
    counter += 1;
    return { generatedId: `champ-${counter}` };
  },
  computed: {
    fieldId() {
      return this.id || this.generatedId;
    },
    hintId() {
      return this.hint ? `${this.fieldId}-aide` : null;
    },
    errorId() {
      return this.error ? `${this.fieldId}-erreur` : null;
    },
    describedby() {
      return [this.errorId, this.hintId].filter(Boolean).join(" ") || null;
    },
    invalid() {
      return this.error ? "true" : null;
    },
    normalizedOptions() {
      return this.options.map((option) => (typeof option === "object" ? option : { value: option, label: option }));
    },
  },
  methods: {
    onInput(event) {
      this.$emit("update:modelValue", this.type === "checkbox" ? event.target.checked : event.target.value);
    },
  },
  template: `
    <div class="field" :class="{ 'field--invalid': error, 'field--checkbox': type === 'checkbox' }">
      <template v-if="type === 'checkbox'">
        <input :id="fieldId" type="checkbox" class="field__checkbox" :checked="Boolean(modelValue)" :required="required"
               :disabled="disabled" :aria-describedby="describedby" :aria-invalid="invalid" @change="onInput">
        <label :for="fieldId" class="field__label">{{ label }}<span v-if="required" aria-hidden="true" class="field__required"> *</span></label>
      </template>
      <template v-else>
        <label :for="fieldId" class="field__label">{{ label }}<span v-if="required" aria-hidden="true" class="field__required"> *</span></label>
      </template>
      <p v-if="hint" :id="hintId" class="field__hint">{{ hint }}</p>
      <slot :id="fieldId" :describedby="describedby" :invalid="invalid">
        <textarea v-if="type === 'textarea'" :id="fieldId" class="field__control" :value="modelValue" :rows="rows"
                  :required="required" :disabled="disabled" :placeholder="placeholder || null" :maxlength="maxlength"
                  :autocomplete="autocomplete" :aria-describedby="describedby" :aria-invalid="invalid" @input="onInput"></textarea>
        <select v-else-if="type === 'select'" :id="fieldId" class="field__control" :value="modelValue" :required="required"
                :disabled="disabled" :autocomplete="autocomplete" :aria-describedby="describedby" :aria-invalid="invalid" @change="onInput">
          <option v-if="placeholder" value="">{{ placeholder }}</option>
          <option v-for="option in normalizedOptions" :key="option.value" :value="option.value">{{ option.label }}</option>
        </select>
        <input v-else-if="type !== 'checkbox'" :id="fieldId" class="field__control" :type="type" :value="modelValue"
               :required="required" :disabled="disabled" :placeholder="placeholder || null" :autocomplete="autocomplete"
               :maxlength="maxlength" :min="min" :max="max" :step="step" :inputmode="inputmode"
               :aria-describedby="describedby" :aria-invalid="invalid" @input="onInput">
      </slot>
      <p v-if="error" :id="errorId" class="field__error"><span aria-hidden="true">⚠ </span>{{ error }}</p>
    </div>
  `,
};
