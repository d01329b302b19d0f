// A mission in a list (« Je trouve », « Ces missions sont pour toi », favourites, an association's
// missions): title (a link to the mission sheet), association, theme, expertises, format,
// department and city.
//
//   <MissionCard :mission="mission" />
//   <MissionCard :mission="mission" :heading-level="3"><template #actions>…buttons…</template></MissionCard>
//
// Props: mission (a catalog mission: {id, title, association_name | association.name, themes,
//   professional_expertises, personal_expertises, format, format_label, department, city}),
//   headingLevel (2–4, default 3), hideAssociation (Boolean, on an association's own page).
// Slot "actions": shown at the bottom of the card (outside the title link).
import { formatLabel } from "../format.js";

export default {
  name: "MissionCard",
  props: {
    mission: { type: Object, required: true },
    headingLevel: { type: Number, default: 3 },
    hideAssociation: { type: Boolean, default: false },
  },
  computed: {
    headingTag() {
      return `h${Math.min(Math.max(this.headingLevel, 2), 4)}`;
    },
    associationName() {
      return this.mission.association_name || (this.mission.association && this.mission.association.name) || "";
    },
    themes() {
      return this.mission.themes || (this.mission.theme ? [this.mission.theme] : []);
    },
    expertises() {
      return [...(this.mission.professional_expertises || []), ...(this.mission.personal_expertises || [])];
    },
    format() {
      return this.mission.format_label || formatLabel(this.mission.format);
    },
    place() {
      return [this.mission.department, this.mission.city].filter(Boolean).join(" ");
    },
  },
  template: `
    <article class="mission-card">
      <component :is="headingTag" class="mission-card__title">
        <router-link :to="'/missions/' + mission.id" class="mission-card__link">{{ mission.title }}</router-link>
      </component>
      <p v-if="associationName && !hideAssociation" class="mission-card__association">{{ associationName }}</p>
      <ul class="tags" aria-label="Thématique et expertises">
        <li v-for="theme in themes" :key="'t-' + theme" class="tag tag--theme">{{ theme }}</li>
        <li v-for="expertise in expertises" :key="'e-' + expertise" class="tag">{{ expertise }}</li>
      </ul>
      <p class="mission-card__facts">
        <span v-if="format" class="mission-card__format"><span class="visually-hidden">Format : </span>{{ format }}</span>
        <span v-if="place" class="mission-card__place"><span class="visually-hidden">Lieu : </span>{{ place }}</span>
      </p>
      <div v-if="$slots.actions" class="mission-card__actions"><slot name="actions" /></div>
    </article>
  `,
};
