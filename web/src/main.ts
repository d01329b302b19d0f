// The web client's entry point: the styles, the router, the layout (App.vue) mounted on #app.
import { createApp } from "vue";
import App from "@/App.vue";
import { router } from "@/router";
// Inter, self-hosted from its npm package (SIL Open Font License: public/fonts/LICENSE.txt); Vite bundles the files.
import "@fontsource-variable/inter/wght.css";
import "@/styles/tokens.css";
import "@/styles/main.css";
import "@/styles/account.css";
import "@/styles/spaces.css";
import "@/styles/quiz.css";

createApp(App).use(router).mount("#app");
