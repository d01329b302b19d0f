// « MES MISSIONS » (a tab of Mon compte): each participation with its four steps (StepTracker), its
// dates by month with their state (« en attente de ton manager », « validée — convention à signer »…),
// its date requests (refusal reason, cancelling a pending one), « AJOUTER DES DATES », « Signer ma
// convention », « Compléter mon bilan » and withdrawing; then « Mes documents »: every convention
// version (PDF, signed copies) and the bilan PDFs.
// Props come from MyAccountPage; actions emit "changed" (with a French message) so it reloads.
import { computed, ref } from "vue";
import { api } from "/api.js";
import { dateTime, days, longDate } from "/format.js";
import AsyncState from "/components/AsyncState.js";
import StepTracker from "/components/StepTracker.js";
import { conventionStateText, dateStateLabel, needsSignature, pdfDownload, signedDatesOf } from "./shared.js";

const STATUS_LABELS = { open: "En cours", withdrawn: "Retirée", closed: "Terminée (bilan complété)" };

export default {
  name: "MyMissionsTab",
  components: { AsyncState, StepTracker },
  props: {
    participations: { type: Array, default: () => [] },
    loading: { type: Boolean, default: false },
    error: { type: [Object, Error, String], default: null },
    conventions: { type: Array, default: () => [] },
    bilans: { type: Array, default: () => [] },
    conventionsByParticipation: { type: Object, default: () => ({}) },
    conventionsLoading: { type: Boolean, default: false },
    conventionsError: { type: [Object, Error, String], default: null },
  },
  emits: ["retry", "retry-documents", "changed"],
  setup(props, { emit }) {
    const confirmingWithdrawal = ref("");
    const busy = ref("");
    const actionError = ref({});

    function conventionOf(participation) {
      return props.conventionsByParticipation[participation.id] || null;
    }
    function conventionLink(participation) {
      const convention = conventionOf(participation);
      const id = (participation.convention && participation.convention.id) || (convention && convention.id);
      return id ? `/mon-compte/conventions/${id}` : "";
    }
    function toSign(participation) {
      return needsSignature(participation, conventionOf(participation));
    }
    function stateOf(participation, date) {
      const convention = conventionOf(participation);
      return dateStateLabel(date, {
        hasConvention: Boolean(convention || participation.convention), signed: signedDatesOf(convention), toSign: toSign(participation),
      });
    }
    // Refusals still to act on: those newer than any request that went through or is waiting.
    function refusedRequests(participation) {
      const requests = participation.requests || [];
      const latestOther = requests.filter((request) => request.status === "approved" || request.status === "pending")
        .reduce((latest, request) => (request.requested_at > latest ? request.requested_at : latest), "");
      return requests.filter((request) => request.status === "refused" && request.requested_at > latestOther);
    }
    function pendingRequests(participation) {
      return (participation.requests || []).filter((request) => request.status === "pending");
    }

    async function run(key, action, message) {
      busy.value = key;
      actionError.value = { ...actionError.value, [key]: "" };
      try {
        const answer = await action();
        emit("changed", (answer && answer.detail) || message);
      } catch (failure) {
        actionError.value = { ...actionError.value, [key]: failure.message };
      } finally {
        busy.value = "";
        confirmingWithdrawal.value = "";
      }
    }

    function withdraw(participation) {
      run(participation.id, () => api.post(`/api/engagement/participations/${participation.id}/withdrawal`),
        `Tu t'es retiré·e de la mission « ${participation.mission.title} ».`);
    }
    function cancelRequest(participation, request) {
      run(request.id, () => api.delete(`/api/engagement/date-requests/${request.id}`),
        "Ta demande est annulée : les jours sont libérés et ton manager est prévenu.");
    }

    function askWithdrawal(participation) {
      confirmingWithdrawal.value = participation.id;
      setTimeout(() => {
        const button = document.getElementById(`confirmer-retrait-${participation.id}`);
        if (button) button.focus();
      }, 0);
    }

    // Mes documents: the bilans documents made, plus any a participation links to that the list has not got yet.
    const bilanDocuments = computed(() => {
      const found = props.bilans.map((bilan) => ({
        key: bilan.participation_id, year: bilan.year, title: bilan.mission_title, association: bilan.association_name,
        completedAt: bilan.completed_at, url: bilan.pdf_url,
      }));
      const known = new Set(found.map((item) => item.key));
      for (const participation of props.participations) {
        if (participation.bilan_pdf_url && !known.has(participation.id)) {
          found.push({
            key: participation.id, year: participation.year, title: participation.mission.title,
            association: participation.mission.association_name, completedAt: participation.bilan_completed_at,
            url: participation.bilan_pdf_url,
          });
        }
      }
      return found;
    });
    const documentsEmpty = computed(() => !props.conventions.length && !bilanDocuments.value.length);

    function replacedBy(convention, version) {
      const newer = (convention.versions || []).map((item) => item.number).filter((number) => number > version.number);
      return newer.length ? Math.min(...newer) : null;
    }
    function sortedVersions(convention) {
      return [...(convention.versions || [])].sort((a, b) => b.number - a.number);
    }

    return {
      STATUS_LABELS, confirmingWithdrawal, busy, actionError, conventionOf, conventionLink, toSign, stateOf,
      refusedRequests, pendingRequests, withdraw, cancelRequest, askWithdrawal, bilanDocuments, documentsEmpty,
      replacedBy, sortedVersions, pdfDownload, conventionStateText, dateTime, days, longDate,
    };
  },
  template: `
    <div class="my-missions">
      <AsyncState :loading="loading" :error="error" :empty="!participations.length" @retry="$emit('retry')"
                  loading-text="Chargement de tes missions…">
        <template #empty>
          <div class="empty-state">
            <p>Tu n'as pas encore postulé à une mission.</p>
            <p><router-link to="/missions" class="button button--primary">Trouve une mission</router-link>
               <router-link to="/je-propose" class="button button--secondary">Propose tes compétences</router-link></p>
          </div>
        </template>

        <ul class="participation-list">
          <li v-for="participation in participations" :key="participation.id">
            <article class="participation card" :class="'participation--' + participation.status"
                     :aria-labelledby="'mission-' + participation.id">
              <div class="participation__head">
                <p class="participation__meta">
                  <span class="tag">{{ participation.year }}</span>
                  <span class="tag" :class="'tag--' + participation.status">{{ STATUS_LABELS[participation.status] || participation.status }}</span>
                </p>
                <h3 :id="'mission-' + participation.id" class="participation__title">
                  <router-link :to="'/missions/' + participation.mission.id">{{ participation.mission.title }}</router-link>
                </h3>
                <p class="participation__association">{{ participation.mission.association_name }}</p>
              </div>

              <div v-if="participation.status === 'withdrawn'" class="notice">
                <p>Tu t'es retiré·e de cette mission<template v-if="participation.withdrawn_at"> le {{ dateTime(participation.withdrawn_at) }}</template>.
                  <router-link :to="'/missions/' + participation.mission.id + '/postuler'">Postuler de nouveau</router-link></p>
              </div>
              <StepTracker v-else :steps="participation.steps" heading="Les 4 étapes de ta mission" :heading-level="4" compact>
                <template #step="{ step }">
                  <template v-if="participation.status === 'open'">
                    <router-link v-if="step.number === 2 && participation.can_request_dates && !participation.can_add_dates"
                                 :to="'/mon-compte/participations/' + participation.id + '/dates'" class="step__action">
                      JE VALIDE MES DATES</router-link>
                    <router-link v-if="step.number === 3 && conventionLink(participation)" :to="conventionLink(participation)"
                                 class="step__action">{{ toSign(participation) ? 'Signer ma convention' : 'Voir ma convention' }}</router-link>
                    <router-link v-if="step.number === 4 && participation.can_complete_bilan"
                                 :to="'/mon-compte/participations/' + participation.id + '/bilan'" class="step__action">
                      Compléter mon bilan</router-link>
                  </template>
                </template>
              </StepTracker>

              <div v-if="participation.months && participation.months.length" class="month-list participation__dates">
                <section v-for="month in participation.months" :key="month.month" class="month-list__month">
                  <h4 class="month-list__title">{{ month.month }}</h4>
                  <ul class="month-list__dates">
                    <li v-for="date in month.dates" :key="date.date + date.request_id">
                      {{ date.label }}
                      <span class="date-state" :class="'date-state--' + date.state + (stateOf(participation, date).includes('à signer') ? ' date-state--to-sign' : '')">
                        {{ stateOf(participation, date) }}</span>
                    </li>
                  </ul>
                </section>
              </div>
              <p v-else-if="participation.status === 'open'" class="muted">
                Pas encore de date : convient de tes dates avec l'association, puis fais-les valider par ton manager (étape 2).
              </p>

              <div v-for="request in refusedRequests(participation)" :key="request.id" class="notice notice--warning">
                <p>Ton manager a refusé ta demande pour {{ request.dates.map(d => 'le ' + longDate(d.date) + ' (' + d.format_label + ')').join(', ') }}<template
                  v-if="request.decided_at"> (réponse du {{ dateTime(request.decided_at) }})</template>.
                  <template v-if="request.refusal_reason"> Motif : « {{ request.refusal_reason }} ».</template>
                  Reprends contact avec l'association pour convenir d'une autre date, puis refais une demande.</p>
              </div>

              <ul v-if="pendingRequests(participation).length" class="pending-requests">
                <li v-for="request in pendingRequests(participation)" :key="request.id">
                  Demande envoyée à {{ request.manager_email }} le {{ dateTime(request.requested_at) }} :
                  en attente de sa réponse.
                  <button type="button" class="link-button" :disabled="busy === request.id"
                          @click="cancelRequest(participation, request)">Annuler cette demande</button>
                  <span v-if="actionError[request.id]" class="field__error" role="alert">{{ actionError[request.id] }}</span>
                </li>
              </ul>

              <p v-if="participation.mission.contact_name || participation.mission.contact_email" class="participation__contact">
                Ton contact à l'association : {{ participation.mission.contact_name }}
                <template v-if="participation.mission.contact_email"> — <a :href="'mailto:' + participation.mission.contact_email">{{ participation.mission.contact_email }}</a></template>
                <template v-if="participation.mission.contact_phone"> — {{ participation.mission.contact_phone }}</template>
              </p>

              <div v-if="participation.status === 'open'" class="cluster participation__actions">
                <router-link v-if="participation.can_add_dates" :to="'/mon-compte/participations/' + participation.id + '/dates'"
                             class="button button--primary">AJOUTER DES DATES</router-link>
                <router-link v-else-if="participation.can_request_dates" :to="'/mon-compte/participations/' + participation.id + '/dates'"
                             class="button button--primary">JE VALIDE MES DATES</router-link>
                <router-link v-if="toSign(participation) && conventionLink(participation)" :to="conventionLink(participation)"
                             class="button button--primary">Signer ma convention</router-link>
                <router-link v-if="participation.can_complete_bilan" :to="'/mon-compte/participations/' + participation.id + '/bilan'"
                             class="button button--primary">Compléter mon bilan</router-link>
                <button v-if="participation.can_withdraw && confirmingWithdrawal !== participation.id" type="button"
                        class="button button--secondary" @click="askWithdrawal(participation)">Me retirer de la mission</button>
              </div>
              <div v-if="confirmingWithdrawal === participation.id" class="notice notice--warning withdraw-confirm">
                <p>Te retirer de « {{ participation.mission.title }} » ? Tes demandes en attente seront annulées et tes dates validées libérées.</p>
                <div class="cluster">
                  <button :id="'confirmer-retrait-' + participation.id" type="button" class="button button--danger"
                          :disabled="busy === participation.id" @click="withdraw(participation)">Confirmer mon retrait</button>
                  <button type="button" class="button button--secondary" @click="confirmingWithdrawal = ''">Annuler</button>
                </div>
              </div>
              <p v-if="actionError[participation.id]" class="field__error" role="alert">{{ actionError[participation.id] }}</p>
            </article>
          </li>
        </ul>
      </AsyncState>

      <section class="documents" aria-labelledby="documents-titre">
        <h2 id="documents-titre">Mes documents</h2>
        <p class="muted">Tes conventions et tes bilans, téléchargeables à tout moment au format PDF.</p>
        <AsyncState :loading="conventionsLoading" :error="conventionsError" :empty="documentsEmpty"
                    empty-text="Tes conventions apparaîtront ici dès que ton manager aura validé tes dates."
                    loading-text="Chargement de tes documents…" @retry="$emit('retry-documents')">
          <ul class="document-list">
            <li v-for="convention in conventions" :key="convention.id" class="document card">
              <h3 class="document__title">Convention {{ convention.year }} — {{ convention.mission_title }}</h3>
              <p class="muted">{{ convention.association_name }} ·
                <span :class="{ 'text-warning': convention.state === 'to_sign', 'text-success': convention.state === 'signed' }">
                  {{ conventionStateText(convention) }}</span>
              </p>
              <ul class="version-list">
                <li v-for="version in sortedVersions(convention)" :key="version.number">
                  <span class="version-list__name">Version {{ version.number }}</span>
                  <span class="muted"> — {{ days(version.total_days) }}<template v-if="version.rendered_at">, éditée le {{ dateTime(version.rendered_at) }}</template></span>
                  <span v-if="replacedBy(convention, version)" class="muted"> — remplacée par la version {{ replacedBy(convention, version) }}</span>
                  <span v-if="version.signed" class="text-success"> — signée<template v-if="version.signed_at"> le {{ dateTime(version.signed_at) }}</template></span>
                  <span class="version-list__links">
                    <a :href="pdfDownload(version.pdf_url)" download>Télécharger la version {{ version.number }} (PDF)</a>
                    <a v-if="version.signed_pdf_url" :href="pdfDownload(version.signed_pdf_url)" download>Copie signée (PDF)</a>
                  </span>
                </li>
              </ul>
              <router-link :to="'/mon-compte/conventions/' + convention.id" :class="convention.state === 'to_sign' ? 'button button--primary' : ''">
                {{ convention.state === 'to_sign' ? 'Signer ma convention' : 'Voir ma convention' }}</router-link>
            </li>
            <li v-for="bilan in bilanDocuments" :key="'bilan-' + bilan.key" class="document card">
              <h3 class="document__title">Bilan {{ bilan.year }} — {{ bilan.title }}</h3>
              <p class="muted">{{ bilan.association }}<template v-if="bilan.completedAt"> · complété le {{ dateTime(bilan.completedAt) }}</template></p>
              <p><a :href="pdfDownload(bilan.url)" download>Télécharger mon bilan (PDF)</a></p>
            </li>
          </ul>
        </AsyncState>
      </section>
    </div>
  `,
};
