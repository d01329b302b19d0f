// Tabs that are links: each tab is a route (state in the URL, so deep links and back/forward work).
//
//   <TabBar label="Mon compte" :tabs="[
//     { to: '/mon-compte/missions', label: 'Mes missions', count: 2 },
//     { to: '/mon-compte/preferences', label: 'Mes préférences' },
//   ]" />
//
// Props: label (the navigation's accessible name, required), tabs ([{to, label, count?, exact?}]).
// The current tab gets aria-current="page" and the class "tab-bar__tab--current"; a tab is current
// when the route's path equals its `to` (or starts with it unless `exact: true`). `count`, when
// given, is shown as a badge (e.g. pending requests).
export default {
  name: "TabBar",
  props: {
    label: { type: String, required: true },
    tabs: { type: Array, required: true },
  },
  methods: {
    isCurrent(tab) {
      const path = this.$route.path.replace(/\/$/, "");
      const target = (typeof tab.to === "string" ? tab.to : this.$router.resolve(tab.to).path).replace(/\/$/, "");
      return path === target || (!tab.exact && path.startsWith(`${target}/`));
    },
  },
  template: `
    <nav class="tab-bar" :aria-label="label">
      <ul class="tab-bar__list">
        <li v-for="tab in tabs" :key="typeof tab.to === 'string' ? tab.to : tab.label">
          <router-link :to="tab.to" class="tab-bar__tab" :class="{ 'tab-bar__tab--current': isCurrent(tab) }"
                       :aria-current="isCurrent(tab) ? 'page' : null">
            {{ tab.label }}<span v-if="tab.count" class="badge" :aria-label="'(' + tab.count + ')'">{{ tab.count }}</span>
          </router-link>
        </li>
      </ul>
    </nav>
  `,
};
