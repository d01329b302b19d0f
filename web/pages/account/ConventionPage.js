// Step 3 « Je signe ma convention » (/mon-compte/conventions/:id — the link of the e-mail « Signe ta
// convention »). Shows the current version's PDF inline with its download link, every version (older
// ones stay downloadable, « remplacée par la version N »), the consent text of
// GET /api/documents/consent as the label of a checkbox, and « Je signe »:
// POST /api/documents/conventions/{id}/signature {version, consent, consent_version, pdf_sha256} —
// the hash is the one the API gave for the version shown, so a newer version (409) is never signed
// blindly. After signing, the signed copy is made by the documents worker: the page polls the
// convention a few times, with a visible « Préparation de la copie signée… ».
import { computed, onBeforeUnmount, ref } from "vue";
import { useRoute } from "vue-router";
import { api, fieldError } from "/api.js";
import { dateTime, days } from "/format.js";
import { setTitle } from "/router.js";
import AsyncState from "/components/AsyncState.js";
import { conventionStateText, pdfDownload } from "./shared.js";

const POLL_EVERY_MS = 1500;
const POLL_TIMES = 12;

export default {
  name: "ConventionPage",
  components: { AsyncState },
  setup() {
    const route = useRoute();
    const loading = ref(true);
    const error = ref(null);
    const convention = ref(null);
    const consent = ref(null);
    const agreed = ref(false);
    const signing = ref(false);
    const signError = ref(null);
    const signedNow = ref(null);
    const signedDetail = ref("");
    const polling = ref(false);
    const pollGaveUp = ref(false);
    const resultHeading = ref(null);
    const previewAllowed = ref(null);
    let timer = null;

    const path = computed(() => `/api/documents/conventions/${encodeURIComponent(route.params.id)}`);

    async function load() {
      loading.value = true;
      error.value = null;
      try {
        const [found, text] = await Promise.all([api.get(path.value), api.get("/api/documents/consent")]);
        convention.value = found;
        consent.value = text;
        setTitle(`Convention ${found.year} — ${found.mission_title}`);
        checkPreview();
      } catch (failure) {
        error.value = failure;
      } finally {
        loading.value = false;
      }
    }

    const versions = computed(() => [...((convention.value && convention.value.versions) || [])].sort((a, b) => b.number - a.number));
    const current = computed(() => {
      if (!convention.value) return null;
      return versions.value.find((version) => version.number === convention.value.current_version)
        || versions.value.find((version) => version.current) || versions.value[0] || null;
    });
    const signedVersion = computed(() => {
      if (!convention.value || convention.value.signed_version == null) return null;
      return versions.value.find((version) => version.number === convention.value.signed_version) || null;
    });
    const canSign = computed(() => Boolean(convention.value && current.value && convention.value.state === "to_sign"
      && current.value.number !== convention.value.signed_version));

    function replacedBy(version) {
      const newer = versions.value.map((item) => item.number).filter((number) => number > version.number);
      return newer.length ? Math.min(...newer) : null;
    }

    // The PDF is shown inline only where the server lets this page frame it (X-Frame-Options /
    // frame-ancestors): otherwise the browser would show an error box, so the download link stands alone.
    async function checkPreview() {
      const url = current.value && current.value.pdf_url;
      if (!url) return;
      try {
        const response = await fetch(url, { method: "HEAD", credentials: "same-origin" });
        const frameOptions = response.headers.get("x-frame-options") || "";
        const policy = response.headers.get("content-security-policy") || "";
        previewAllowed.value = response.ok && !/deny/i.test(frameOptions) && !/frame-ancestors\s+'none'/i.test(policy);
      } catch {
        previewAllowed.value = false;
      }
    }

    async function poll(remaining) {
      try {
        const found = await api.get(path.value);
        convention.value = found;
        const signed = (found.versions || []).find((version) => version.number === signedNow.value);
        if (signed && signed.signed_pdf_url) {
          polling.value = false;
          return;
        }
      } catch {
        // A blip while polling: keep trying until the budget is spent.
      }
      if (remaining <= 1) {
        polling.value = false;
        pollGaveUp.value = true;
        return;
      }
      timer = setTimeout(() => poll(remaining - 1), POLL_EVERY_MS);
    }

    async function sign() {
      signError.value = null;
      if (!agreed.value) {
        signError.value = { status: 422, message: "", fields: { consent: "Coche la case pour donner ton accord avant de signer." } };
        setTimeout(() => document.getElementById("consentement") && document.getElementById("consentement").focus(), 0);
        return;
      }
      signing.value = true;
      const version = current.value;
      try {
        const signature = await api.post(`${path.value}/signature`, {
          version: version.number,
          consent: true,
          consent_version: consent.value.version,
          pdf_sha256: version.sha256,
        });
        signedNow.value = version.number;
        signedDetail.value = (signature && signature.detail) || "";
        agreed.value = false;
        polling.value = true;
        pollGaveUp.value = false;
        setTimeout(() => resultHeading.value && resultHeading.value.focus(), 0);
        poll(POLL_TIMES);
      } catch (failure) {
        signError.value = failure;
        // A newer version (409) or a changed consent text: show what is now to be signed.
        if (failure.status === 409 || failure.status === 412) {
          try {
            const [found, text] = await Promise.all([api.get(path.value), api.get("/api/documents/consent")]);
            convention.value = found;
            consent.value = text;
          } catch {
            // The error above already tells what happened.
          }
        }
        setTimeout(() => {
          const target = document.getElementById("erreur-signature") || document.getElementById("consentement");
          if (target) target.focus();
        }, 0);
      } finally {
        signing.value = false;
      }
    }

    onBeforeUnmount(() => clearTimeout(timer));

    const consentError = computed(() => fieldError(signError.value, "consent") || fieldError(signError.value, "consent_version"));
    const generalError = computed(() => (signError.value && signError.value.message && !consentError.value ? signError.value.message : ""));
    const signedCopy = computed(() => {
      if (!convention.value || signedNow.value == null) return null;
      return (convention.value.versions || []).find((version) => version.number === signedNow.value) || null;
    });

    load();

    return {
      loading, error, convention, consent, previewAllowed, agreed, signing, signError, signedNow, signedDetail, polling, pollGaveUp, resultHeading,
      versions, current, signedVersion, canSign, consentError, generalError, signedCopy,
      load, sign, replacedBy, pdfDownload, conventionStateText, dateTime, days,
    };
  },
  template: `
    <div class="page account-page convention-page">
      <p class="back-link"><router-link to="/mon-compte/missions">‹ Retour à mes missions</router-link></p>
      <h1><span class="eyebrow">Étape 3</span> Je signe ma convention</h1>

      <AsyncState :loading="loading" :error="error" @retry="load" loading-text="Chargement de ta convention…">
        <template v-if="convention">
          <p class="lead">
            Convention {{ convention.year }} de {{ convention.person_name }} pour la mission « {{ convention.mission_title }} »
            avec l'association {{ convention.association_name }}.
          </p>
          <p>
            <span class="tag" :class="'tag--' + (convention.state === 'to_sign' ? 'to-sign' : convention.state)">
              Convention {{ conventionStateText(convention) }}
            </span>
          </p>

          <section v-if="signedNow != null" class="notice notice--success sign-result" aria-labelledby="signature-faite">
            <h2 id="signature-faite" ref="resultHeading" tabindex="-1">Ta convention est signée</h2>
            <p>{{ signedDetail || 'Merci ! La version ' + signedNow + ' de ta convention est signée.' }}</p>
            <p>Tu la retrouves à tout moment dans <router-link to="/mon-compte/missions">Mon compte › Mes documents</router-link>.</p>
            <div role="status" class="signed-copy-status">
              <p v-if="polling" class="async-state__loading"><span class="spinner" aria-hidden="true"></span>Préparation de la copie signée…</p>
              <p v-else-if="signedCopy && signedCopy.signed_pdf_url">
                <a :href="pdfDownload(signedCopy.signed_pdf_url)" download class="button button--primary">Télécharger ma convention signée (PDF)</a>
              </p>
              <p v-else-if="pollGaveUp">La copie signée est en préparation : elle apparaîtra dans quelques instants dans « Mes documents ».</p>
            </div>
          </section>

          <div class="convention-layout">
            <section v-if="current" class="convention-viewer" aria-labelledby="version-courante">
              <h2 id="version-courante">Version {{ current.number }}<template v-if="current.total_days != null"> — {{ days(current.total_days) }}</template></h2>
              <ul v-if="current.dates && current.dates.length" class="convention-dates">
                <li v-for="item in current.dates" :key="item.date">{{ item.label }}</li>
              </ul>
              <iframe v-if="previewAllowed" class="convention-viewer__frame" :src="current.pdf_url"
                      :title="'Convention, version ' + current.number + ' (PDF)'"></iframe>
              <p class="cluster">
                <a :href="pdfDownload(current.pdf_url)" download class="button button--secondary">Télécharger la convention (PDF)</a>
                <a :href="current.pdf_url" target="_blank" rel="noopener">Ouvrir dans un nouvel onglet<span class="visually-hidden"> (PDF)</span></a>
              </p>
              <p v-if="previewAllowed" class="muted">Si l'aperçu ne s'affiche pas, télécharge la convention pour la lire.</p>
              <p v-else-if="previewAllowed === false" class="muted">
                Télécharge la convention ou ouvre-la dans un nouvel onglet pour la lire{{ canSign ? ' avant de la signer' : '' }}.</p>
            </section>

            <aside class="convention-side">
              <div class="notice notice--warning">
                <p><strong>Attention</strong>, la convention est obligatoire pour partir en mission : c'est un véritable avenant
                  à ton contrat de travail. 1 convention = 1 année civile.</p>
              </div>

              <form v-if="canSign" class="sign-form card" novalidate @submit.prevent="sign" aria-labelledby="signer-titre">
                <h2 id="signer-titre">Signer la version {{ current.number }}</h2>
                <div v-if="generalError" id="erreur-signature" class="notice notice--error" role="alert" tabindex="-1">
                  <p>{{ generalError }}</p>
                </div>
                <div class="field field--checkbox consent" :class="{ 'field--invalid': consentError }">
                  <input id="consentement" type="checkbox" class="field__checkbox" v-model="agreed"
                         :aria-invalid="consentError ? 'true' : null" :aria-describedby="consentError ? 'consentement-erreur' : null">
                  <label for="consentement" class="field__label consent__text">{{ consent ? consent.text : '' }}</label>
                  <p v-if="consentError" id="consentement-erreur" class="field__error"><span aria-hidden="true">⚠ </span>{{ consentError }}</p>
                </div>
                <div class="cluster">
                  <button type="submit" class="button button--primary" :disabled="signing">Je signe</button>
                  <span v-if="signing" role="status">Signature en cours…</span>
                </div>
              </form>
              <p v-else-if="convention.state === 'withdrawn'" class="notice">
                Tu t'es retiré·e de cette mission : cette convention n'est plus à signer. Ses versions restent téléchargeables.
              </p>
              <p v-else-if="convention.state === 'signed' && signedNow == null" class="notice notice--success">
                Ta convention est signée (version {{ convention.signed_version }}<template v-if="signedVersion && signedVersion.signed_at">, le {{ dateTime(signedVersion.signed_at) }}</template>).
                <template v-if="signedVersion && signedVersion.signed_pdf_url"><br>
                  <a :href="pdfDownload(signedVersion.signed_pdf_url)" download>Télécharger la copie signée (PDF)</a></template>
              </p>

              <section class="versions" aria-labelledby="versions-titre">
                <h2 id="versions-titre">Toutes les versions</h2>
                <ul class="version-list">
                  <li v-for="version in versions" :key="version.number">
                    <span class="version-list__name">Version {{ version.number }}</span>
                    <span v-if="version.number === convention.current_version" class="tag">actuelle</span>
                    <span class="muted"><template v-if="version.rendered_at"> — éditée le {{ dateTime(version.rendered_at) }}</template>
                      <template v-if="version.total_days != null"> — {{ days(version.total_days) }}</template></span>
                    <span v-if="replacedBy(version)" class="muted"> — remplacée par la version {{ replacedBy(version) }}</span>
                    <span v-if="version.signed" class="text-success"> — signée<template v-if="version.signed_at"> le {{ dateTime(version.signed_at) }}</template></span>
                    <span class="version-list__links">
                      <a :href="pdfDownload(version.pdf_url)" download>Télécharger la version {{ version.number }} (PDF)</a>
                      <a v-if="version.signed_pdf_url" :href="pdfDownload(version.signed_pdf_url)" download>Copie signée de la version {{ version.number }} (PDF)</a>
                    </span>
                  </li>
                </ul>
              </section>
            </aside>
          </div>
        </template>
      </AsyncState>
    </div>
  `,
};
