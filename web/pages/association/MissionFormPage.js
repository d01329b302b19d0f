// The mission sheet, written by an association referent: create (/association/missions/nouvelle,
// saved as a draft or published at once) or edit (/association/missions/:id/modifier).
// Every field of the sheet a collaborator reads: title, « Ta mission si tu l'acceptes », themes,
// professional and personal expertises (from the catalog's taxonomy), format and duration, the
// practical information (address, city, department → region, remote, places, all jobs), who may
// apply (all companies or some) and the mission's contact. The API's field errors are shown next to
// each field and summed up at the top.
import { computed, reactive, ref, watch } from "vue";
import { useRoute, useRouter } from "vue-router";
import { api } from "/api.js";
import { setTitle } from "/router.js";
import AsyncState from "/components/AsyncState.js";
import FormField from "/components/FormField.js";
import { useRoleGate, loadAssociations, flash, focusSoon, MISSION_STATUS, toneClass } from "./spaceKit.js";
import ErrorSummary from "/components/ErrorSummary.js";

const LABELS = {
  association_id: "Association",
  title: "Titre de la mission",
  description: "Ta mission si tu l'acceptes",
  themes: "Thématiques",
  professional_expertises: "Expertises professionnelles",
  personal_expertises: "Expertises personnelles",
  format: "Format",
  duration: "Durée",
  address: "Adresse",
  city: "Ville",
  department: "Département",
  remote_possible: "Télémission possible",
  places: "Nombre de places",
  all_jobs: "Tous types de métiers !",
  open_to_all_companies: "Ouverte à toutes les entreprises",
  company_ids: "Entreprises",
  contact_name: "Nom du contact",
  contact_email: "E-mail du contact",
  contact_phone: "Téléphone du contact",
};

// Element ids, so the error summary can take the focus to the field.
const IDS = Object.fromEntries(Object.keys(LABELS).map((field) => [field, `mission-${field.replace(/_/g, "-")}`]));

const EDITABLE = [
  "title", "description", "themes", "professional_expertises", "personal_expertises", "format", "duration", "address", "city",
  "department", "remote_possible", "places", "all_jobs", "open_to_all_companies", "company_ids", "contact_name",
  "contact_email", "contact_phone",
];

function blankMission(user) {
  return {
    association_id: "",
    title: "",
    description: "",
    themes: [],
    professional_expertises: [],
    personal_expertises: [],
    format: "undefined",
    duration: "",
    address: "",
    city: "",
    department: "",
    remote_possible: false,
    places: 1,
    all_jobs: false,
    open_to_all_companies: true,
    company_ids_text: "",
    contact_name: user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : "",
    contact_email: user ? user.email : "",
    contact_phone: (user && user.phone) || "",
  };
}

export default {
  name: "MissionFormPage",
  components: { AsyncState, FormField, ErrorSummary },
  setup() {
    const route = useRoute();
    const router = useRouter();
    const { ready, allowed, session } = useRoleGate(["association_referent"]);
    const editing = computed(() => Boolean(route.params.id));
    const form = reactive(blankMission(null));
    const mission = ref(null);
    const taxonomy = ref(null);
    const associations = ref([]);
    const loading = ref(true);
    const loadError = ref(null);
    const saving = ref("");
    const error = ref(null);

    const fields = computed(() => (error.value && error.value.fields) || {});
    const fieldError = (name) => fields.value[name] || "";
    const hasFieldErrors = computed(() => Object.keys(fields.value).length > 0);

    async function load() {
      loading.value = true;
      loadError.value = null;
      error.value = null;
      try {
        const [found, choices, mine] = await Promise.all([
          editing.value ? api.get(`/api/catalog/missions/${encodeURIComponent(route.params.id)}`) : Promise.resolve(null),
          api.get("/api/catalog/taxonomy"),
          loadAssociations(session.user.association_ids),
        ]);
        taxonomy.value = choices;
        associations.value = mine;
        Object.assign(form, blankMission(session.user));
        if (found) {
          mission.value = found;
          for (const field of EDITABLE) if (field in found && field !== "company_ids") form[field] = found[field] ?? form[field];
          form.association_id = found.association_id;
          form.company_ids_text = (found.company_ids || []).join("\n");
          form.contact_phone = found.contact_phone || "";
          setTitle(`Modifier « ${found.title} »`);
        } else {
          form.association_id = mine[0] ? mine[0].id : "";
        }
      } catch (caught) {
        loadError.value = caught;
      } finally {
        loading.value = false;
      }
    }
    watch([allowed, () => route.params.id], ([value]) => value && load(), { immediate: true });

    const departmentOptions = computed(() =>
      (taxonomy.value?.departments || []).map((entry) => ({ value: entry.code, label: `${entry.code} — ${entry.name}` })));
    const region = computed(() => (taxonomy.value?.departments || []).find((entry) => entry.code === form.department)?.region || "");
    const formatOptions = computed(() => Object.entries(taxonomy.value?.formats || {}).map(([value, label]) => ({ value, label })));
    const associationOptions = computed(() => associations.value.map((association) => ({ value: association.id, label: association.name })));
    const associationName = computed(() => associations.value.find((association) => association.id === form.association_id)?.name || "");
    const closed = computed(() => mission.value && mission.value.status === "closed");
    const status = computed(() => (mission.value ? MISSION_STATUS[mission.value.status] : null));

    function payload() {
      const body = {};
      for (const field of EDITABLE) {
        if (field === "company_ids") continue;
        body[field] = typeof form[field] === "string" ? form[field].trim() : form[field];
      }
      body.places = Number.parseInt(form.places, 10) || form.places;
      body.contact_phone = body.contact_phone || null;
      body.company_ids = form.open_to_all_companies ? [] : form.company_ids_text.split(/[\s,;]+/).map((id) => id.trim()).filter(Boolean);
      return body;
    }

    async function save(publish) {
      saving.value = publish ? "publish" : "save";
      error.value = null;
      try {
        let saved;
        if (editing.value) {
          saved = await api.patch(`/api/catalog/missions/${encodeURIComponent(mission.value.id)}`, payload());
          flash.set(saved.status === "published"
            ? `La mission « ${saved.title} » est mise à jour ; les collaborateurs voient la nouvelle version.`
            : `La mission « ${saved.title} » est enregistrée.`);
        } else {
          saved = await api.post("/api/catalog/missions", { ...payload(), association_id: form.association_id, publish });
          flash.set(saved.status === "published"
            ? `La mission « ${saved.title} » est en ligne : les collaborateurs peuvent la trouver et y postuler.`
            : `La mission « ${saved.title} » est enregistrée en brouillon. Publie-la quand elle est prête.`);
        }
        router.push("/association/missions");
      } catch (caught) {
        error.value = caught;
        focusSoon("#mission-erreurs");
      } finally {
        saving.value = "";
      }
    }

    return {
      ready, allowed, editing, form, mission, loading, loadError, load, saving, error, fieldError, hasFieldErrors, fields,
      taxonomy, departmentOptions, region, formatOptions, associationOptions, associationName, closed, status, toneClass,
      save, LABELS, IDS,
    };
  },
  template: `
    <div class="page page--narrow space">
      <p class="back-link"><router-link to="/association/missions"><span aria-hidden="true">←</span> Mes missions</router-link></p>
      <header class="page-header">
        <p class="eyebrow">Espace association</p>
        <h1>{{ editing ? "Modifier la mission" : "Nouvelle mission" }}</h1>
        <p class="lead">Décris ton besoin comme sur la fiche que liront les collaborateurs : ce qu'ils feront, où, quand et avec qui.
          Les champs marqués d'une <span aria-hidden="true" class="field__required">*</span><span class="visually-hidden">astérisque</span> sont obligatoires.</p>
      </header>

      <p v-if="!ready" class="async-state__loading" role="status">Chargement…</p>
      <div v-else-if="!allowed" class="notice"><p>Seuls les référents d'association créent et modifient des missions.</p></div>
      <AsyncState v-else :loading="loading" :error="loadError" @retry="load">
        <div v-if="closed" class="notice">
          <p>Cette mission est clôturée : elle ne se modifie plus. Crée une nouvelle mission si le besoin revient.</p>
        </div>
        <form v-else class="form mission-form" novalidate @submit.prevent="save(false)">
          <p v-if="mission" class="mission-form__status">Statut :
            <span class="status" :class="toneClass(status.tone)">{{ status.label }}</span>
            <span v-if="mission.status === 'published'"> — tes modifications seront visibles tout de suite.</span>
          </p>
          <ErrorSummary v-if="error" id="mission-erreurs" :title="hasFieldErrors ? 'La mission n\\'est pas enregistrée : vérifie les champs signalés' : 'La mission n\\'est pas enregistrée'"
                        :detail="hasFieldErrors ? '' : error.message" :errors="fields" :labels="LABELS" :ids="IDS" />

          <section class="space-form-section" aria-labelledby="section-mission">
            <h2 id="section-mission" class="space-form-section__title">La mission</h2>
            <FormField v-if="!editing && associationOptions.length > 1" :id="IDS.association_id" :label="LABELS.association_id" type="select"
                       v-model="form.association_id" :options="associationOptions" :error="fieldError('association_id')" required />
            <p v-else class="mission-form__association">Association : <strong>{{ associationName || mission?.association_name }}</strong></p>
            <FormField :id="IDS.title" :label="LABELS.title" v-model="form.title" :maxlength="200" required :error="fieldError('title')"
                       hint="Une phrase qui donne envie, par exemple : « Encadrez un atelier de programmation pour des collégiens »." />
            <FormField :id="IDS.description" :label="LABELS.description" type="textarea" :rows="10" v-model="form.description" :maxlength="20000"
                       :error="fieldError('description')" hint="Ce que le collaborateur fera, pour qui, avec qui, et le rythme attendu." />
          </section>

          <section class="space-form-section" aria-labelledby="section-themes">
            <h2 id="section-themes" class="space-form-section__title">Thématiques et expertises</h2>
            <fieldset v-for="group in [
                        { field: 'themes', values: taxonomy.themes, legend: 'Thématiques de la mission' },
                        { field: 'professional_expertises', values: taxonomy.professional_expertises, legend: 'Expertises professionnelles recherchées' },
                        { field: 'personal_expertises', values: taxonomy.personal_expertises, legend: 'Expertises personnelles recherchées' }]"
                      :key="group.field" :id="IDS[group.field]" tabindex="-1" class="fieldset" :class="{ 'fieldset--invalid': fieldError(group.field) }"
                      :aria-describedby="fieldError(group.field) ? IDS[group.field] + '-erreur' : null">
              <legend>{{ group.legend }}</legend>
              <ul class="choices">
                <li v-for="value in group.values" :key="value">
                  <label><input type="checkbox" :value="value" v-model="form[group.field]"><span>{{ value }}</span></label>
                </li>
              </ul>
              <p v-if="fieldError(group.field)" :id="IDS[group.field] + '-erreur'" class="field__error"><span aria-hidden="true">⚠ </span>{{ fieldError(group.field) }}</p>
            </fieldset>
          </section>

          <section class="space-form-section" aria-labelledby="section-format">
            <h2 id="section-format" class="space-form-section__title">Format et durée</h2>
            <fieldset :id="IDS.format" tabindex="-1" class="fieldset" :aria-describedby="fieldError('format') ? IDS.format + '-erreur' : null">
              <legend>Format de la mission</legend>
              <ul class="choices">
                <li v-for="option in formatOptions" :key="option.value">
                  <label><input type="radio" name="mission-format" :value="option.value" v-model="form.format"><span>{{ option.label }}</span></label>
                </li>
              </ul>
              <p v-if="fieldError('format')" :id="IDS.format + '-erreur'" class="field__error"><span aria-hidden="true">⚠ </span>{{ fieldError('format') }}</p>
            </fieldset>
            <FormField :id="IDS.duration" :label="LABELS.duration" v-model="form.duration" :maxlength="200" :error="fieldError('duration')"
                       hint="Par exemple : « de 1 à 2 jours », « 1 demi-journée par mois », « Durée à définir »." />
          </section>

          <section class="space-form-section" aria-labelledby="section-infos">
            <h2 id="section-infos" class="space-form-section__title">Infos pratiques</h2>
            <FormField :id="IDS.address" :label="LABELS.address" v-model="form.address" :maxlength="500" autocomplete="street-address"
                       :error="fieldError('address')" hint="Où se déroule la mission (numéro, rue, code postal)." />
            <div class="space-form-row">
              <FormField :id="IDS.city" :label="LABELS.city" v-model="form.city" :maxlength="100" required autocomplete="address-level2" :error="fieldError('city')" />
              <FormField :id="IDS.department" :label="LABELS.department" type="select" v-model="form.department" :options="departmentOptions"
                         placeholder="Choisir le département" required :error="fieldError('department')" />
            </div>
            <p class="field__hint" aria-live="polite">{{ region ? "Région : " + region : "La région se déduit du département." }}</p>
            <FormField :id="IDS.places" :label="LABELS.places" type="number" v-model="form.places" :min="1" :max="500" :step="1"
                       inputmode="numeric" :error="fieldError('places')" hint="Au-delà d'une place, la fiche indique « Plusieurs participants »." />
            <FormField :id="IDS.remote_possible" :label="LABELS.remote_possible" type="checkbox" v-model="form.remote_possible" :error="fieldError('remote_possible')"
                       hint="La mission peut se faire à distance (sinon la fiche indique « Télémission impossible »)." />
            <FormField :id="IDS.all_jobs" :label="LABELS.all_jobs" type="checkbox" v-model="form.all_jobs" :error="fieldError('all_jobs')"
                       hint="Aucun métier particulier n'est nécessaire." />
          </section>

          <section class="space-form-section" aria-labelledby="section-qui">
            <h2 id="section-qui" class="space-form-section__title">Qui peut postuler ?</h2>
            <FormField :id="IDS.open_to_all_companies" :label="'Ouverte aux collaborateurs de toutes les entreprises'" type="checkbox"
                       v-model="form.open_to_all_companies" :error="fieldError('open_to_all_companies')" />
            <FormField v-if="!form.open_to_all_companies" :id="IDS.company_ids" :label="LABELS.company_ids" type="textarea" :rows="3"
                       v-model="form.company_ids_text" required :error="fieldError('company_ids')"
                       hint="Les identifiants Tandem des entreprises auxquelles la mission est réservée, un par ligne (l'équipe Tandem te les communique)." />
          </section>

          <section class="space-form-section" aria-labelledby="section-contact">
            <h2 id="section-contact" class="space-form-section__title">Contact de la mission</h2>
            <p class="field__hint">Le collaborateur qui postule reçoit ces coordonnées par e-mail pour convenir avec toi des modalités et des dates.</p>
            <FormField :id="IDS.contact_name" :label="LABELS.contact_name" v-model="form.contact_name" :maxlength="200" required autocomplete="name" :error="fieldError('contact_name')" />
            <FormField :id="IDS.contact_email" :label="LABELS.contact_email" type="email" v-model="form.contact_email" required autocomplete="email" :error="fieldError('contact_email')" />
            <FormField :id="IDS.contact_phone" :label="LABELS.contact_phone" type="tel" v-model="form.contact_phone" autocomplete="tel" :error="fieldError('contact_phone')" />
          </section>

          <div class="form-actions">
            <template v-if="editing">
              <button type="submit" class="button button--primary" :disabled="Boolean(saving)">{{ saving ? "Enregistrement…" : "Enregistrer les modifications" }}</button>
            </template>
            <template v-else>
              <button type="button" class="button button--primary" :disabled="Boolean(saving)" @click="save(true)">{{ saving === "publish" ? "Publication…" : "Publier la mission" }}</button>
              <button type="submit" class="button button--secondary" :disabled="Boolean(saving)">{{ saving === "save" ? "Enregistrement…" : "Enregistrer en brouillon" }}</button>
            </template>
            <router-link to="/association/missions" class="button button--quiet">Annuler</router-link>
          </div>
        </form>
      </AsyncState>
    </div>
  `,
};
